// Setting up repository state behind the API's back: what developers and maintainers do on github.com
// (push commits, open and merge pull requests, comment) so tests can start from, or be interrupted by, it.
// Nothing here is validated like an API request, except that inline comments must anchor on the diff.

import type { PullRequestSeed } from './api.js';
import { OCTOCAT } from './records.js';
import type {
  FakeUser,
  IssueCommentRecord,
  PullRecord,
  ReviewCommentRecord,
  ReviewRecord,
} from './records.js';
import type { FileMap, RepoState } from './repo-state.js';
import { anchorReviewComments } from './review-anchors.js';

/** Commits the files under `dir` (its .gitignore honoured) onto `branch`. Returns the commit SHA. */
export async function seedFromWorkTree(
  state: RepoState,
  dir: string,
  options: { branch?: string; message?: string; author?: FakeUser } = {},
): Promise<string> {
  const branch = options.branch ?? state.defaultBranch;
  const author = options.author ?? OCTOCAT;
  state.registerUser(author);
  const parent = await state.branchSha(branch);
  const tree = await state.git.treeFromDirectory(dir);
  const sha = await state.createCommit({
    tree,
    parents: parent ? [parent] : [],
    message: options.message ?? 'Import work tree',
    author: { name: author.name, email: author.email },
    signed: false,
  });
  await state.setRef(`refs/heads/${branch}`, sha);
  return sha;
}

/**
 * Commits `files` onto branch `name` and moves the branch there, like a (force) push. A new branch starts
 * from `from`, or from the default branch. Returns the commit SHA.
 */
export async function pushBranch(
  state: RepoState,
  name: string,
  files: FileMap,
  options: { from?: string; message?: string; author?: FakeUser } = {},
): Promise<string> {
  let parent: string | null;
  if (options.from !== undefined) {
    parent = await state.git.resolveCommit(options.from);
    if (parent === null) throw new Error(`pushBranch: cannot resolve ${options.from}`);
  } else {
    parent = (await state.branchSha(name)) ?? (await state.branchSha(state.defaultBranch));
  }
  const sha = await state.commitFiles(
    parent,
    files,
    options.message ?? `Update ${name}`,
    options.author ?? OCTOCAT,
  );
  await state.setRef(`refs/heads/${name}`, sha);
  return sha;
}

/** A fast-forward push of one commit onto an existing branch, e.g. a human editing the bot's branch. */
export async function addCommitOnBranch(
  state: RepoState,
  branch: string,
  files: FileMap,
  author: FakeUser = OCTOCAT,
  message?: string,
): Promise<string> {
  const parent = await state.branchSha(branch);
  if (parent === null) throw new Error(`addCommitOnBranch: branch ${branch} does not exist`);
  const sha = await state.commitFiles(parent, files, message ?? `Edit on ${branch}`, author);
  await state.setRef(`refs/heads/${branch}`, sha, parent);
  return sha;
}

export async function openPullRequest(state: RepoState, seed: PullRequestSeed): Promise<PullRecord> {
  const base = seed.base ?? state.defaultBranch;
  const headSha = await state.branchSha(seed.head);
  const baseSha = await state.branchSha(base);
  if (headSha === null || baseSha === null) {
    throw new Error(`openPullRequest: ${seed.head} or ${base} does not exist`);
  }
  const user = seed.user ?? OCTOCAT;
  state.registerUser(user);
  const at = state.nowIso();
  const number = state.nextIssueNumber();
  const pr: PullRecord = {
    number,
    id: 1_000_000 + number,
    title: seed.title ?? `Pull request from ${seed.head}`,
    body: seed.body ?? null,
    state: 'open',
    merged: false,
    mergedAt: null,
    mergeCommitSha: null,
    closedAt: null,
    draft: seed.draft ?? false,
    maintainerCanModify: false,
    head: seed.head,
    base,
    headSha,
    baseSha,
    user,
    labels: [...(seed.labels ?? [])],
    assignees: [],
    requestedReviewers: [],
    requestedTeams: [],
    createdAt: at,
    updatedAt: at,
  };
  state.pulls.push(pr);
  for (const label of pr.labels) state.ensureLabel(label);
  if (seed.state === 'closed') state.close(pr);
  if (seed.state === 'merged') await mergePullRequest(state, pr, 'merge');
  return pr;
}

/**
 * Merges the pull request into its base as GitHub's merge button does: a merge commit with both parents,
 * or a squash commit with the base as its only parent. Returns the new base commit.
 */
export async function mergePullRequest(
  state: RepoState,
  pr: PullRecord,
  method: 'merge' | 'squash',
): Promise<string> {
  if (pr.state !== 'open') throw new Error(`mergePullRequest: #${pr.number} is not open`);
  const tree = await state.git.mergeTree(pr.baseSha, pr.headSha);
  if (tree === null) throw new Error(`mergePullRequest: #${pr.number} conflicts with ${pr.base}`);
  const owner = state.payloads.ownerLogin;
  const sha = await state.createCommit({
    tree,
    parents: method === 'merge' ? [pr.baseSha, pr.headSha] : [pr.baseSha],
    message:
      method === 'merge'
        ? `Merge pull request #${pr.number} from ${owner}/${pr.head}\n\n${pr.title}`
        : `${pr.title} (#${pr.number})`,
    author: { name: pr.user.name, email: pr.user.email },
    // Merges made on github.com are committed and signed by GitHub.
    signed: true,
  });
  await state.setRef(`refs/heads/${pr.base}`, sha, pr.baseSha);
  // A merge commit puts the head into the base, which syncPulls() already noticed; a squash does not.
  if (!pr.merged) state.markMerged(pr, sha);
  return sha;
}

export function addIssueComment(
  state: RepoState,
  issueNumber: number,
  body: string,
  user: FakeUser,
): IssueCommentRecord {
  if (!state.findPull(issueNumber)) throw new Error(`addIssueComment: #${issueNumber} does not exist`);
  const at = state.nowIso();
  const comment: IssueCommentRecord = {
    id: state.nextId('issueComment'),
    issueNumber,
    user,
    body,
    createdAt: at,
    updatedAt: at,
  };
  state.issueComments.push(comment);
  return comment;
}

/** A single inline comment, posted as GitHub does: inside a one-comment review in the COMMENTED state. */
export async function addReviewComment(
  state: RepoState,
  input: {
    pull: number;
    path: string;
    line: number;
    side?: 'LEFT' | 'RIGHT';
    body: string;
    user?: FakeUser;
    inReplyTo?: number;
  },
): Promise<ReviewCommentRecord> {
  const pr = state.findPull(input.pull);
  if (!pr) throw new Error(`addReviewComment: #${input.pull} does not exist`);
  const diff = await state.pullDiff(pr);
  const [anchored] = anchorReviewComments(
    [{ path: input.path, line: input.line, side: input.side ?? 'RIGHT', body: input.body }],
    diff.hunks,
  );
  if (!anchored) throw new Error('addReviewComment: nothing anchored');
  const user = input.user ?? OCTOCAT;
  const at = state.nowIso();
  const review: ReviewRecord = {
    id: state.nextId('review'),
    pullNumber: pr.number,
    user,
    body: '',
    state: 'COMMENTED',
    commitId: pr.headSha,
    submittedAt: at,
  };
  state.reviews.push(review);
  const comment: ReviewCommentRecord = {
    id: state.nextId('reviewComment'),
    pullNumber: pr.number,
    reviewId: review.id,
    inReplyToId: input.inReplyTo ?? null,
    user,
    path: anchored.path,
    body: anchored.body,
    side: anchored.side,
    originalLine: anchored.line,
    originalStartLine: null,
    startSide: null,
    originalPosition: anchored.position,
    originalCommitId: pr.headSha,
    diffHunk: anchored.diffHunk,
    createdAt: at,
    updatedAt: at,
  };
  state.reviewComments.push(comment);
  return comment;
}
