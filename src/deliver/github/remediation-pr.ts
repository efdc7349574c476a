// The one remediation pull request: fixed files committed through the Git Data API (blobs → tree on the
// base commit → commit → ref, so no git credentials and a Verified commit), on one deterministic branch,
// kept up to date run after run, closed when the base already holds every fix, never reopened against a
// human's "no", and never force-pushed over someone else's commits.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../../model.js';
import { workspaceStoredForm } from '../stored-form.js';
import type { GitHubClient } from './client.js';
import {
  apiErrorOf,
  explainApiError,
  isPullRequestAlreadyExists,
  isPullRequestsNotPermitted,
} from './errors.js';

export type PullRequestOperation = 'created' | 'updated' | 'closed' | 'none';

export interface Logger {
  info: (message: string) => void;
  warning: (message: string) => void;
  notice: (message: string) => void;
}

export interface RemediationRequest {
  owner: string;
  repo: string;
  branch: string;
  /** null: the repository's default branch. */
  base: string | null;
  labels: string[];
  draft: boolean;
  dryRun: boolean;
  /** The checked-out workspace the changes were computed from. */
  workspace: string;
  changes: readonly FileChange[];
  title: string;
  body: string;
  /** Digest of the findings' fingerprints; a PR closed unmerged stays closed while it is the same. */
  stateDigest: string;
  /** Reads the digest back out of an earlier PR body (null when it carries none). */
  readStateDigest: (body: string) => string | null;
  /** The server's web URL, for compare links. */
  serverUrl: string;
}

export interface RemediationOutcome {
  operation: PullRequestOperation;
  number: number | null;
  url: string | null;
  /** Set when the run must fail (a permission problem); the message says how to fix it. */
  failure: string | null;
  /** Files whose fix the pull request's branch now holds (empty when nothing was delivered). */
  pushedFiles: string[];
}

/** Marks our commits, so a commit without it on the branch is recognised as a human's. */
export const COMMIT_TRAILER = 'Generated-by: cookie-hardener';
const HUMAN_COMMITS_MARKER = '<!-- cookie-hardener:human-commits';
/** Ends the comment of a pull request this tool closed because the base held every fix (not a human's "no"). */
const CLOSED_AS_DONE = '<!-- cookie-hardener:closed-as-done -->';

interface PullSummary {
  number: number;
  state: string;
  merged_at: string | null;
  closed_at: string | null;
  html_url: string;
  title: string;
  body: string | null;
  head: { ref: string; sha: string };
  base: { ref: string };
}

export async function deliverRemediationPullRequest(
  github: GitHubClient,
  request: RemediationRequest,
  log: Logger,
): Promise<RemediationOutcome> {
  const { owner, repo, branch } = request;
  const none: RemediationOutcome = {
    operation: 'none',
    number: null,
    url: null,
    failure: null,
    pushedFiles: [],
  };
  const call = async <T>(doing: string, action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      const api = apiErrorOf(error);
      throw new DeliveryError(
        api ? explainApiError(api, doing) : `${doing} failed: ${(error as Error).message}`,
        api?.status,
      );
    }
  };

  const repository = await call('read the repository', () => github.rest.repos.get({ owner, repo }));
  const base = request.base ?? repository.data.default_branch;
  const baseRef = await call(`read the base branch ${base}`, () =>
    github.rest.git.getRef({ owner, repo, ref: `heads/${base}` }),
  );
  const baseSha = baseRef.data.object.sha;
  const baseCommit = await call('read the base commit', () =>
    github.rest.git.getCommit({ owner, repo, commit_sha: baseSha }),
  );
  const baseTree = await readTree(github, owner, repo, baseCommit.data.tree.sha, call);

  const pulls = (await call('list pull requests', () =>
    github.paginate(github.rest.pulls.list, {
      owner,
      repo,
      state: 'all',
      head: `${owner}:${branch}`,
      per_page: 100,
    }),
  )) as PullSummary[];
  const ours = pulls.filter((pull) => pull.head.ref === branch).sort((a, b) => b.number - a.number);
  const open = ours.find((pull) => pull.state === 'open') ?? null;

  // Only files whose base version is exactly what we fixed: if the base moved on, the fix is not ours to push.
  const files: Array<{ path: string; mode: string; content: Buffer }> = [];
  const stored = workspaceStoredForm(request.workspace);
  for (const change of request.changes) {
    const original = readFileSync(join(request.workspace, change.file));
    const entry = baseTree.get(change.file);
    if (!entry || !stored.matches(change.file, original, entry.sha)) {
      log.warning(
        `${change.file} differs on ${base} from the checked-out copy; its fix is left for the next run.`,
      );
      continue;
    }
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\uFEFF' : '';
    // Committed as git stores it (an `eol=crlf` checkout's fix goes in with the repository's LF endings).
    const content = stored.content(change.file, Buffer.from(bom + change.after, 'utf8'));
    if (!content) {
      log.warning(
        `${change.file}: git stores it through a filter this tool cannot reproduce; its fix is left out.`,
      );
      continue;
    }
    files.push({ path: change.file, mode: entry.mode, content });
  }

  if (files.length === 0 && request.changes.length > 0) {
    // Every fixed file moved on the base since this checkout: nothing can be said about the PR until a run
    // sees the base as it is now. Closing it here would claim fixes the base does not have.
    log.warning(
      `${base} moved on since this checkout; the pull request is left as it is until the next run.`,
    );
    return { ...none, number: open?.number ?? null, url: open?.html_url ?? null };
  }

  if (files.length === 0) {
    if (!open) {
      log.info('Nothing to fix on the base branch; no pull request is needed.');
      return none;
    }
    if (request.dryRun) {
      log.info(`Dry run: would close #${open.number}, because ${base} already contains every fix.`);
      return { ...none, number: open.number, url: open.html_url };
    }
    await call(`comment on #${open.number}`, () =>
      github.rest.issues.createComment({
        owner,
        repo,
        issue_number: open.number,
        body: `${base} now contains every cookie fix this pull request proposed (or the findings are gone), so it is no longer needed. Closing it and deleting \`${branch}\`.\n\n${CLOSED_AS_DONE}`,
      }),
    );
    await call(`close #${open.number}`, () =>
      github.rest.pulls.update({ owner, repo, pull_number: open.number, state: 'closed' }),
    );
    await deleteBranch(github, owner, repo, branch, call);
    log.info(`Closed #${open.number}: ${base} already contains every fix.`);
    return { ...none, operation: 'closed', number: open.number, url: open.html_url };
  }

  if (!open) {
    const declined = ours.find((pull) => pull.state === 'closed' && !pull.merged_at);
    const previous = declined ? request.readStateDigest(declined.body ?? '') : null;
    if (
      declined &&
      previous === request.stateDigest &&
      !(await closedAsDone(github, owner, repo, declined, call))
    ) {
      log.notice(
        `#${declined.number} proposed these same fixes and was closed without merging, so it is not reopened. ` +
          'A new pull request opens when the set of findings changes.',
      );
      return { ...none, number: declined.number, url: declined.html_url };
    }
  }

  if (request.dryRun) {
    log.info(
      `Dry run: would ${open ? `update #${open.number}` : 'open a pull request'} on ${branch} changing ${files.map((f) => f.path).join(', ')}.`,
    );
    return { ...none, number: open?.number ?? null, url: open?.html_url ?? null };
  }

  const existing = await getBranchSha(github, owner, repo, branch, call);
  let branchChanged = false;
  if (existing) {
    const comparison = await call(`compare ${base} with ${branch}`, () =>
      github.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: `${baseSha}...${existing}` }),
    );
    const foreign = comparison.data.commits.filter(
      (commit) => !commit.commit.message.includes(COMMIT_TRAILER),
    );
    if (foreign.length > 0) {
      const message =
        `\`${branch}\` has ${foreign.length} commit(s) that cookie-hardener did not make ` +
        `(${foreign.map((commit) => commit.sha.slice(0, 7)).join(', ')}), so it is left as it is: updating it would ` +
        'overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.';
      log.warning(message);
      if (open) await commentOnce(github, owner, repo, open.number, existing, message, call);
      return { ...none, number: open?.number ?? null, url: open?.html_url ?? null };
    }
    if (!(await holdsExactly(github, owner, repo, existing, baseSha, baseTree, files, call))) {
      const commit = await commitFiles(github, request, baseSha, baseCommit.data.tree.sha, files, call);
      await call(`update ${branch}`, () =>
        github.rest.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit, force: true }),
      );
      branchChanged = true;
    }
  } else {
    const commit = await commitFiles(github, request, baseSha, baseCommit.data.tree.sha, files, call);
    await call(`create the branch ${branch}`, () =>
      github.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: commit }),
    );
    branchChanged = true;
  }

  if (open) {
    const bodyChanged = (open.body ?? '') !== request.body || open.title !== request.title;
    if (bodyChanged) {
      await call(`update #${open.number}`, () =>
        github.rest.pulls.update({
          owner,
          repo,
          pull_number: open.number,
          title: request.title,
          body: request.body,
        }),
      );
    }
    const operation = branchChanged || bodyChanged ? 'updated' : 'none';
    log.info(operation === 'updated' ? `Updated #${open.number}.` : `#${open.number} is already up to date.`);
    return {
      operation,
      number: open.number,
      url: open.html_url,
      failure: null,
      pushedFiles: files.map((file) => file.path),
    };
  }

  try {
    const created = await github.rest.pulls.create({
      owner,
      repo,
      title: request.title,
      body: request.body,
      head: branch,
      base,
      draft: request.draft,
    });
    if (request.labels.length > 0) {
      await call(`label #${created.data.number}`, () =>
        github.rest.issues.addLabels({
          owner,
          repo,
          issue_number: created.data.number,
          labels: request.labels,
        }),
      );
    }
    log.info(`Opened #${created.data.number}: ${created.data.html_url}`);
    log.notice(
      'Pull requests opened with the workflow token do not start other workflows (no CI runs on them until someone ' +
        'pushes). Pass a GitHub App token as `token` if checks must run on the remediation pull request.',
    );
    return {
      operation: 'created',
      number: created.data.number,
      url: created.data.html_url,
      failure: null,
      pushedFiles: files.map((file) => file.path),
    };
  } catch (error) {
    const api = apiErrorOf(error);
    if (api && isPullRequestAlreadyExists(api)) {
      // Opened by a concurrent run between our listing and now: adopt it.
      const again = (await call('list pull requests', () =>
        github.paginate(github.rest.pulls.list, {
          owner,
          repo,
          state: 'open',
          head: `${owner}:${branch}`,
          per_page: 100,
        }),
      )) as PullSummary[];
      const found = again.find((pull) => pull.head.ref === branch);
      if (found) {
        await call(`update #${found.number}`, () =>
          github.rest.pulls.update({
            owner,
            repo,
            pull_number: found.number,
            title: request.title,
            body: request.body,
          }),
        );
        return {
          operation: 'updated',
          number: found.number,
          url: found.html_url,
          failure: null,
          pushedFiles: files.map((file) => file.path),
        };
      }
    }
    if (api && isPullRequestsNotPermitted(api)) {
      const compare = `${request.serverUrl}/${owner}/${repo}/compare/${encodeURI(base)}...${encodeURI(branch)}?expand=1`;
      return {
        ...none,
        failure: `${explainApiError(api, 'open the pull request')} The fixes are on the branch \`${branch}\`; open the pull request by hand: ${compare}`,
      };
    }
    throw new DeliveryError(
      api
        ? explainApiError(api, 'open the pull request')
        : `opening the pull request failed: ${(error as Error).message}`,
      api?.status,
    );
  }
}

export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

type Call = <T>(doing: string, action: () => Promise<T>) => Promise<T>;

/** Git's object id of a blob: what the tree lists for a file with these bytes. */
export function gitBlobSha(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

async function readTree(
  github: GitHubClient,
  owner: string,
  repo: string,
  sha: string,
  call: Call,
): Promise<Map<string, { sha: string; mode: string }>> {
  const entries = new Map<string, { sha: string; mode: string }>();
  const response = await call('read the base tree', () =>
    github.rest.git.getTree({ owner, repo, tree_sha: sha, recursive: 'true' }),
  );
  for (const entry of response.data.tree) {
    if (entry.type === 'blob' && entry.path && entry.sha && entry.mode) {
      entries.set(entry.path, { sha: entry.sha, mode: entry.mode });
    }
  }
  if (response.data.truncated) {
    throw new DeliveryError(
      'the repository tree is too large for one API listing; this version cannot build the commit',
    );
  }
  return entries;
}

async function getBranchSha(
  github: GitHubClient,
  owner: string,
  repo: string,
  branch: string,
  call: Call,
): Promise<string | null> {
  try {
    const ref = await github.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    return ref.data.object.sha;
  } catch (error) {
    if (apiErrorOf(error)?.status === 404) return null;
    return call(`read the branch ${branch}`, () => Promise.reject(error));
  }
}

/**
 * Whether the branch head is one commit on the current base whose tree differs from the base in exactly our
 * files, with exactly our contents: then there is nothing to push (and nothing is written to find out).
 */
async function holdsExactly(
  github: GitHubClient,
  owner: string,
  repo: string,
  head: string,
  baseSha: string,
  baseTree: Map<string, { sha: string; mode: string }>,
  files: ReadonlyArray<{ path: string; content: Buffer }>,
  call: Call,
): Promise<boolean> {
  const commit = await call('read the head of the branch', () =>
    github.rest.git.getCommit({ owner, repo, commit_sha: head }),
  );
  if (commit.data.parents.length !== 1 || commit.data.parents[0]?.sha !== baseSha) return false;
  const branchTree = await readTree(github, owner, repo, commit.data.tree.sha, call);
  const wanted = new Map(files.map((file) => [file.path, gitBlobSha(file.content)]));
  const paths = new Set([...baseTree.keys(), ...branchTree.keys()]);
  for (const path of paths) {
    const expected = wanted.get(path) ?? baseTree.get(path)?.sha;
    if (branchTree.get(path)?.sha !== expected) return false;
  }
  return true;
}

/** One commit on the base: the fixed files inline in a tree on the base tree (no blob requests). */
async function commitFiles(
  github: GitHubClient,
  request: RemediationRequest,
  parent: string,
  baseTreeSha: string,
  files: ReadonlyArray<{ path: string; mode: string; content: Buffer }>,
  call: Call,
): Promise<string> {
  const tree = await call('create the fixed tree', () =>
    github.rest.git.createTree({
      owner: request.owner,
      repo: request.repo,
      base_tree: baseTreeSha,
      tree: files.map((file) => ({
        path: file.path,
        mode: file.mode as '100644',
        type: 'blob' as const,
        content: file.content.toString('utf8'),
      })),
    }),
  );
  const message = [
    request.title,
    '',
    `Adds the missing HttpOnly / Secure cookie flags in ${files.length} file${files.length === 1 ? '' : 's'}; the pull request explains each change.`,
    '',
    COMMIT_TRAILER,
  ].join('\n');
  const commit = await call('create the commit', () =>
    github.rest.git.createCommit({
      owner: request.owner,
      repo: request.repo,
      message,
      tree: tree.data.sha,
      parents: [parent],
    }),
  );
  return commit.data.sha;
}

async function deleteBranch(github: GitHubClient, owner: string, repo: string, branch: string, call: Call) {
  try {
    await github.rest.git.deleteRef({ owner, repo, ref: `heads/${branch}` });
  } catch (error) {
    if (apiErrorOf(error)?.status === 422 || apiErrorOf(error)?.status === 404) return; // already gone
    await call(`delete the branch ${branch}`, () => Promise.reject(error));
  }
}

/** One comment per branch head: re-runs do not repeat the same explanation. */
async function commentOnce(
  github: GitHubClient,
  owner: string,
  repo: string,
  number: number,
  headSha: string,
  message: string,
  call: Call,
) {
  const marker = `${HUMAN_COMMITS_MARKER} ${headSha} -->`;
  const comments = await call(`read the comments of #${number}`, () =>
    github.paginate(github.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 }),
  );
  if (comments.some((comment) => comment.body?.includes(marker))) return;
  await call(`comment on #${number}`, () =>
    github.rest.issues.createComment({ owner, repo, issue_number: number, body: `${message}\n\n${marker}` }),
  );
}

/** Whether a closed pull request was closed by this tool because its fixes had landed, not declined. */
async function closedAsDone(
  github: GitHubClient,
  owner: string,
  repo: string,
  pull: PullSummary,
  call: Call,
): Promise<boolean> {
  const comments = await call(`read the comments of #${pull.number}`, () =>
    github.paginate(github.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 100,
    }),
  );
  return comments.some((comment) => comment.body?.includes(CLOSED_AS_DONE));
}
