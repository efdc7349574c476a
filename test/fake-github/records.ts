// What the fake remembers besides git objects, in plain records that tests can read directly.
// GitHub-shaped JSON is produced from these by payloads.ts; nothing here knows about HTTP.

import type { Side } from './diff-hunks.js';

export type AuthorAssociation = 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';

export interface FakeUser {
  login: string;
  id: number;
  type: 'User' | 'Bot' | 'Organization';
  /** Commit identity; commits whose author email matches are attributed to this user. */
  name: string;
  email: string;
  /** How GitHub describes this user's relation to the repository on comments and pull requests. */
  association: AuthorAssociation;
}

/** The identity behind GITHUB_TOKEN. Its API-created commits are signed by GitHub and show as Verified. */
export const GITHUB_ACTIONS_BOT: FakeUser = {
  login: 'github-actions[bot]',
  id: 41898282,
  type: 'Bot',
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
  association: 'NONE',
};

/** A human maintainer, the default author of seeded commits, pull requests and comments. */
export const OCTOCAT: FakeUser = {
  login: 'octocat',
  id: 583231,
  type: 'User',
  name: 'The Octocat',
  email: 'octocat@github.com',
  association: 'MEMBER',
};

/** A team of the owning organization that has access to the repository (can be asked to review). */
export interface FakeTeam {
  id: number;
  slug: string;
  name: string;
}

/** GitHub's committer for commits it creates through the API on a bot's behalf ("web-flow"). */
export const WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' };

export interface Verification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
  verified_at: string | null;
}

export const UNSIGNED: Verification = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

export interface PullRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  draft: boolean;
  maintainerCanModify: boolean;
  /** Branch names in this repository (the fake models no forks). */
  head: string;
  base: string;
  /** Follows the head branch while the pull request is open; frozen once it closes. */
  headSha: string;
  baseSha: string;
  user: FakeUser;
  labels: string[];
  assignees: FakeUser[];
  /** Review requests still open (GitHub drops a request once that reviewer submits a review). */
  requestedReviewers: FakeUser[];
  requestedTeams: FakeTeam[];
  createdAt: string;
  updatedAt: string;
}

/** A plain issue (not a pull request); it shares the repository's number sequence with pull requests. */
export interface IssueRecord {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  closedAt: string | null;
  user: FakeUser;
  labels: string[];
  createdAt: string;
  updatedAt: string;
}

export type ReviewState = 'PENDING' | 'COMMENTED' | 'APPROVED' | 'CHANGES_REQUESTED' | 'DISMISSED';

export interface ReviewRecord {
  id: number;
  pullNumber: number;
  user: FakeUser;
  body: string;
  state: ReviewState;
  commitId: string;
  submittedAt: string | null;
}

export interface ReviewCommentRecord {
  id: number;
  pullNumber: number;
  reviewId: number | null;
  inReplyToId: number | null;
  user: FakeUser;
  path: string;
  body: string;
  side: Side;
  /** The anchor as posted, against `originalCommitId`. */
  originalLine: number;
  originalStartLine: number | null;
  startSide: Side | null;
  originalPosition: number;
  originalCommitId: string;
  diffHunk: string;
  createdAt: string;
  updatedAt: string;
}

export interface IssueCommentRecord {
  id: number;
  issueNumber: number;
  user: FakeUser;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface LabelRecord {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface DeletedRef {
  ref: string;
  /** Where the ref pointed when it was deleted. */
  sha: string;
  at: string;
}

export interface RequestLogEntry {
  method: string;
  /** Decoded path without the query string. */
  path: string;
  /** The matched operation ("POST /repos/{owner}/{repo}/pulls"), "POST /graphql", or null. */
  operation: string | null;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it was not JSON, or undefined when empty. */
  body: unknown;
  status: number;
  /** Set when the answer came from `failNext`. */
  injected: boolean;
}

export interface SchemaViolation {
  direction: 'request' | 'response';
  operation: string;
  method: string;
  path: string;
  problems: string[];
  document: unknown;
}
