// The public face of the fake GitHub: its options and the object tests drive. The implementation lives in
// server.ts (HTTP), seed.ts (state set up behind the API's back) and repo-state.ts (the repository itself).

import type { FaultHandle, FaultSpec, RaceSpec } from './faults.js';
import type {
  DeletedRef,
  FakeUser,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  RequestLogEntry,
  ReviewCommentRecord,
  ReviewRecord,
  SchemaViolation,
} from './records.js';
import type { FileMap } from './repo-state.js';

export interface FakeGitHubOptions {
  /** Repository owner (an organization). Default "acme". */
  owner?: string;
  /** Repository name. Default "webapp". */
  repo?: string;
  /** Default "main". */
  defaultBranch?: string;
  /**
   * Files of the initial commit on the default branch. Default: a README. Pass `{}` for an empty
   * repository (no commits; the Git Data API then answers 409 "Git Repository is empty.").
   */
  files?: FileMap;
  /** Seed the default branch from a directory instead (its .gitignore files are honoured). */
  seedDir?: string;
  /**
   * Accounts with access to the repository: the ones GitHub lets be asked to review or assigned. Default
   * octocat.
   */
  collaborators?: FakeUser[];
  /** Slugs of the owner's teams with access to the repository (can be asked to review). Default none. */
  teams?: string[];
  /** Who the token belongs to. Default github-actions[bot] (GITHUB_TOKEN). */
  tokenUser?: FakeUser;
  /** When set, requests must send this token; any other token gets 401 "Bad credentials". */
  token?: string;
  /** Start with a read-only token: every write answers 403 "Resource not accessible by integration". */
  readOnly?: boolean;
  /** The "Allow GitHub Actions to create and approve pull requests" setting. Default true. */
  allowActionsToCreatePullRequests?: boolean;
  /** Answer GraphQL like a GitHub Enterprise Server release without the updateRefs mutation. */
  withoutUpdateRefs?: boolean;
  /** Host of html_url links. Default "https://github.com". */
  webUrl?: string;
  /** Start of the fake clock (timestamps and commit dates). Default 2026-01-05T09:00:00Z. */
  startTime?: Date;
  /**
   * More repositories of the same owner, which makes it an organisation of several repositories: each has
   * its own real bare repository, pull requests and issues, and answers under /repos/{owner}/{name}.
   */
  repositories?: RepositorySeed[];
  /** Names of the repositories the App installation reaches (GET /installation/repositories). Default all. */
  installedRepositories?: string[];
}

/** One more repository of the organisation. */
export interface RepositorySeed {
  name: string;
  /** Default "main". */
  defaultBranch?: string;
  /** Files of the initial commit. Default a README; `{}` for an empty repository. */
  files?: FileMap;
  archived?: boolean;
  fork?: boolean;
  private?: boolean;
  topics?: string[];
  /** The language GitHub detects (the listing's `language`). Default null. */
  language?: string | null;
}

/** One repository of the organisation, for tests to seed and inspect. */
export interface FakeRepository {
  readonly name: string;
  readonly defaultBranch: string;
  readonly bareRepoPath: string;
  readonly pulls: readonly PullRecord[];
  readonly issues: readonly IssueRecord[];
  git(args: readonly string[]): Promise<string>;
  branchSha(branch: string): Promise<string | null>;
  readFile(commitish: string, path: string): Promise<string | null>;
  pushBranch(
    name: string,
    files: FileMap,
    options?: { from?: string; message?: string; author?: FakeUser },
  ): Promise<string>;
}

export interface PullRequestSeed {
  head: string;
  /** Default: the default branch. */
  base?: string;
  title?: string;
  body?: string | null;
  /** "merged" really merges the head into the base with a merge commit. Default "open". */
  state?: 'open' | 'closed' | 'merged';
  draft?: boolean;
  /** Default octocat. */
  user?: FakeUser;
  labels?: string[];
}

/** What a race action may do to the repository (the seeding helpers, run inside the request pipeline). */
export interface RaceActions {
  pushBranch(
    name: string,
    files: FileMap,
    options?: { from?: string; message?: string; author?: FakeUser },
  ): Promise<string>;
  addCommitOnBranch(branch: string, files: FileMap, author?: FakeUser, message?: string): Promise<string>;
  branchSha(branch: string): Promise<string | null>;
  /** Creates a commit as the token's identity through the API would (signed, committed by GitHub). */
  commitAsToken(parent: string, files: FileMap, message: string): Promise<string>;
  /** Points a branch at a commit (creating it), as a push would. */
  setBranch(branch: string, sha: string): Promise<void>;
  openPullRequest(seed: PullRequestSeed): Promise<PullRecord>;
}

export interface FakeGitHub {
  /** Base URL for Octokit's `baseUrl` / GITHUB_API_URL (no trailing slash). */
  readonly url: string;
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  /** The real bare repository holding every git object; inspect it with `git -C bareRepoPath …`. */
  readonly bareRepoPath: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RequestLogEntry[];
  /** Request bodies that do not match GitHub's OpenAPI description (each answered with 422). */
  readonly schemaViolations: readonly SchemaViolation[];
  /** Responses of the fake that do not match the description: bugs in the fake. */
  readonly responseViolations: readonly SchemaViolation[];
  /** Requests for endpoints or GraphQL operations the fake does not implement. */
  readonly unhandledRequests: readonly RequestLogEntry[];
  readonly pulls: readonly PullRecord[];
  /** Plain issues of the repository (pull requests are in `pulls`). */
  readonly issues: readonly IssueRecord[];
  readonly issueComments: readonly IssueCommentRecord[];
  readonly reviews: readonly ReviewRecord[];
  readonly reviewComments: readonly ReviewCommentRecord[];
  /** The repository's labels (created on first use, as GitHub does when adding labels to an issue). */
  readonly labels: readonly LabelRecord[];
  readonly deletedRefs: readonly DeletedRef[];
  /** Switch the token to read-only (or back) at any time. */
  readOnly: boolean;
  /** GraphQL without updateRefs (older GitHub Enterprise Server), switchable at any time. */
  withoutUpdateRefs: boolean;
  allowActionsToCreatePullRequests: boolean;
  tokenUser: FakeUser;

  /** Every repository of the owner, the first one being `repo`. */
  readonly repositoryNames: readonly string[];
  /** One repository of the owner by name (`repo` or one of `options.repositories`). */
  repository(name: string): FakeRepository;
  /** Environment variables a workflow step would see for this repository. */
  actionEnv(): Record<string, string>;
  /** Runs git against the bare repository; returns stdout. */
  git(args: readonly string[]): Promise<string>;
  branchSha(branch: string): Promise<string | null>;
  /** A file's text at a branch, tag or SHA; null when absent. */
  readFile(commitish: string, path: string): Promise<string | null>;
  /** Commits the files under `dir` onto `branch` (default: the default branch). Returns the commit SHA. */
  seedFromWorkTree(
    dir: string,
    options?: { branch?: string; message?: string; author?: FakeUser },
  ): Promise<string>;
  /**
   * Commits `files` onto branch `name` (creating it from `from`, default the default branch) and moves the
   * branch there, as a developer's push would. Returns the commit SHA.
   */
  pushBranch(
    name: string,
    files: FileMap,
    options?: { from?: string; message?: string; author?: FakeUser },
  ): Promise<string>;
  /** A human pushing a commit onto an existing branch (e.g. the bot's). Returns the commit SHA. */
  addCommitOnBranch(branch: string, files: FileMap, author?: FakeUser, message?: string): Promise<string>;
  /** Records a pull request as if someone had opened it (no API validation). */
  openPullRequest(seed: PullRequestSeed): Promise<PullRecord>;
  /** Merges an open pull request into its base ("merge": merge commit; "squash": one commit). */
  mergePullRequest(number: number, options?: { method?: 'merge' | 'squash' }): Promise<string>;
  /** A human's comment on the pull request's conversation. */
  addIssueComment(issueNumber: number, body: string, user?: FakeUser): Promise<IssueCommentRecord>;
  /** A human's inline comment (anchor-checked like the API does). */
  addReviewComment(input: {
    pull: number;
    path: string;
    line: number;
    side?: 'LEFT' | 'RIGHT';
    body: string;
    user?: FakeUser;
    inReplyTo?: number;
  }): Promise<ReviewCommentRecord>;
  /** Whether the review thread started by this comment is resolved. */
  isThreadResolved(commentId: number): boolean;
  /** Makes the next matching request(s) fail. */
  failNext(spec: FaultSpec): FaultHandle;
  /**
   * Runs `action` after the next matching request arrives and before it is handled: a person's push (or
   * another run's write) landing between two of the client's requests.
   */
  raceBefore(spec: RaceSpec, action: (repo: RaceActions) => Promise<void>): FaultHandle;
  /** Stops the server and deletes the repository. */
  close(): Promise<void>;
}
