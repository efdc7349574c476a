// Pull requests: list (with GitHub's filters), create (with its 422s), get (JSON, or the diff/patch media
// types), update, and the files and commits of a pull request computed by git from the merge base.

import { ApiError, actionsCannotCreatePullRequests, notFound, validationFailed } from '../errors.js';
import { GITHUB_ACTIONS_BOT } from '../records.js';
import type { PullRecord } from '../records.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { intParam, pageResponse } from './common.js';
import { commitPayloads } from './repos.js';

/** GitHub's limit for pull request and issue bodies, in characters. */
export const MAX_BODY_CHARS = 65_536;
/** And for titles (googleapis/repo-automation-bots#1895 quotes the 422). */
export const MAX_TITLE_CHARS = 256;

interface CreatePullBody {
  title?: string;
  head: string;
  base: string;
  body?: string;
  draft?: boolean;
  maintainer_can_modify?: boolean;
  head_repo?: string;
}

interface UpdatePullBody {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  base?: string;
  maintainer_can_modify?: boolean;
}

export function isGitHubActions(state: RepoState): boolean {
  return state.tokenUser.login === GITHUB_ACTIONS_BOT.login;
}

export function pullOr404(state: RepoState, request: RouteRequest): PullRecord {
  const pr = state.findPull(intParam(request, 'pull_number'));
  if (!pr) throw notFound();
  return pr;
}

/** The branch named by `head` ("branch" or "owner:branch") when it belongs to this repository. */
function headBranch(state: RepoState, head: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  return head.slice(0, colon).toLowerCase() === state.payloads.ownerLogin.toLowerCase()
    ? head.slice(colon + 1)
    : undefined;
}

function characters(text: string): number {
  return [...text].length;
}

function checkBody(body: string | undefined): void {
  if (body !== undefined && characters(body) > MAX_BODY_CHARS) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`,
    });
  }
}

function checkTitle(title: string | undefined): void {
  if (title !== undefined && characters(title) > MAX_TITLE_CHARS) {
    throw validationFailed({
      resource: 'Issue',
      code: 'custom',
      field: 'title',
      message: `title is too long (maximum is ${MAX_TITLE_CHARS} characters)`,
    });
  }
}

function duplicateOf(
  state: RepoState,
  pr: { head: string; base: string; number?: number },
): PullRecord | undefined {
  return state.pulls.find(
    (other) =>
      other.state === 'open' &&
      other.head === pr.head &&
      other.base === pr.base &&
      other.number !== pr.number,
  );
}

function alreadyExists(state: RepoState, head: string) {
  return validationFailed({
    resource: 'PullRequest',
    code: 'custom',
    message: `A pull request already exists for ${state.payloads.ownerLogin}:${head}.`,
  });
}

async function fullPayload(state: RepoState, pr: PullRecord): Promise<Record<string, unknown>> {
  const diff = await state.pullDiff(pr);
  const commits = await state.pullCommits(pr);
  let mergeable: boolean | null = null;
  let mergeableState = 'unknown';
  if (pr.state === 'open') {
    mergeable = (await state.git.mergeTree(pr.baseSha, pr.headSha)) !== null;
    mergeableState = !mergeable ? 'dirty' : pr.draft ? 'draft' : 'clean';
  }
  return state.payloads.pull(pr, state.labelsOf(pr), state.pushedAt, {
    mergeable,
    mergeableState,
    commits: commits.length,
    additions: diff.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: diff.files.reduce((sum, file) => sum + file.deletions, 0),
    changedFiles: diff.files.length,
    comments: state.issueComments.filter((comment) => comment.issueNumber === pr.number).length,
    reviewComments: state.reviewComments.filter((comment) => comment.pullNumber === pr.number).length,
  });
}

async function listPulls(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const wanted = request.query.get('state') ?? 'open';
  const head = request.query.get('head');
  const base = request.query.get('base');
  const sort = request.query.get('sort') ?? 'created';
  const direction = request.query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  let pulls = state.pulls.filter((pr) => wanted === 'all' || pr.state === wanted);
  // GitHub only honours `head` in "owner:branch" form; a bare branch name is silently ignored and every
  // pull request comes back — a classic way to "find" the wrong PR. Reproduced on purpose.
  if (head?.includes(':')) {
    const branch = headBranch(state, head);
    pulls = pulls.filter((pr) => pr.head === branch);
  }
  if (base) pulls = pulls.filter((pr) => pr.base === base);
  const key = (pr: PullRecord) => (sort === 'updated' ? pr.updatedAt : pr.createdAt);
  const sign = direction === 'asc' ? 1 : -1;
  pulls = [...pulls].sort((a, b) => sign * (key(a).localeCompare(key(b)) || a.number - b.number));
  const response = pageResponse(request, pulls);
  response.body = (response.body as PullRecord[]).map((pr) =>
    state.payloads.pull(pr, state.labelsOf(pr), state.pushedAt),
  );
  return response;
}

async function createPull(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const body = request.body as CreatePullBody;
  if (isGitHubActions(state) && !state.actionsCanCreatePullRequests) throw actionsCannotCreatePullRequests();
  if (body.title === undefined)
    throw validationFailed({ resource: 'Issue', code: 'missing_field', field: 'title' });
  const head = headBranch(state, body.head);
  const headSha = head === undefined ? null : await state.branchSha(head);
  if (head === undefined || headSha === null) {
    throw validationFailed({ resource: 'PullRequest', field: 'head', code: 'invalid' });
  }
  const baseSha = await state.branchSha(body.base);
  if (baseSha === null) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
  checkTitle(body.title);
  checkBody(body.body);
  if (duplicateOf(state, { head, base: body.base })) throw alreadyExists(state, head);
  if (await state.git.isAncestor(headSha, baseSha)) {
    throw validationFailed({
      resource: 'PullRequest',
      code: 'custom',
      message: `No commits between ${body.base} and ${head}`,
    });
  }
  const at = state.nowIso();
  const number = state.nextIssueNumber();
  const pr: PullRecord = {
    number,
    id: 1_000_000 + number,
    title: body.title,
    body: body.body ?? null,
    state: 'open',
    merged: false,
    mergedAt: null,
    mergeCommitSha: null,
    closedAt: null,
    draft: body.draft ?? false,
    maintainerCanModify: body.maintainer_can_modify ?? false,
    head,
    base: body.base,
    headSha,
    baseSha,
    user: state.tokenUser,
    labels: [],
    assignees: [],
    requestedReviewers: [],
    requestedTeams: [],
    createdAt: at,
    updatedAt: at,
  };
  state.pulls.push(pr);
  return {
    status: 201,
    body: await fullPayload(state, pr),
    headers: { location: `${state.payloads.repoApi}/pulls/${number}` },
  };
}

async function getPull(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const accept = String(request.headers.accept ?? '');
  if (accept.includes('diff')) {
    const diff = await state.pullDiff(pr);
    const content = await state.git.diffText(diff.mergeBase, pr.headSha);
    return { status: 200, text: { contentType: 'application/vnd.github.v3.diff; charset=utf-8', content } };
  }
  if (accept.includes('patch')) {
    const content = await state.git.git([
      'format-patch',
      '--stdout',
      '--no-signature',
      `${pr.baseSha}..${pr.headSha}`,
    ]);
    return { status: 200, text: { contentType: 'application/vnd.github.v3.patch; charset=utf-8', content } };
  }
  return { status: 200, body: await fullPayload(state, pr) };
}

async function updatePull(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const body = request.body as UpdatePullBody;
  checkTitle(body.title);
  checkBody(body.body);
  if (body.base !== undefined && body.base !== pr.base) {
    const baseSha = await state.branchSha(body.base);
    if (baseSha === null) throw validationFailed({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    if (pr.state === 'open' && duplicateOf(state, { head: pr.head, base: body.base, number: pr.number })) {
      throw alreadyExists(state, pr.head);
    }
    pr.base = body.base;
    pr.baseSha = baseSha;
  }
  if (body.state === 'open' && pr.state === 'closed') {
    // The three refusals below are modelled on GitHub's behaviour; their exact wording is unverified.
    const refuse = (why: string) =>
      validationFailed({
        resource: 'PullRequest',
        code: 'custom',
        field: 'state',
        message: `state cannot be changed. ${why}`,
      });
    if (pr.merged) throw refuse('The pull request has already been merged.');
    const headSha = await state.branchSha(pr.head);
    if (headSha === null) throw refuse('The head branch was deleted.');
    if (duplicateOf(state, pr)) throw alreadyExists(state, pr.head);
    const baseSha = (await state.branchSha(pr.base)) ?? pr.baseSha;
    if (await state.git.isAncestor(headSha, baseSha))
      throw refuse(`There are no new commits on the ${pr.head} branch.`);
    pr.state = 'open';
    pr.closedAt = null;
    pr.headSha = headSha;
    pr.baseSha = baseSha;
  } else if (body.state === 'closed' && pr.state === 'open') {
    state.close(pr);
  }
  if (body.title !== undefined) pr.title = body.title;
  if (body.body !== undefined) pr.body = body.body;
  if (body.maintainer_can_modify !== undefined) pr.maintainerCanModify = body.maintainer_can_modify;
  pr.updatedAt = state.nowIso();
  return { status: 200, body: await fullPayload(state, pr) };
}

async function listFiles(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const diff = await state.pullDiff(pr);
  // GitHub stops listing a pull request's files at 3000.
  const response = pageResponse(request, diff.files, { maxItems: 3000 });
  response.body = (response.body as typeof diff.files).map((file) => state.payloads.file(file, pr.headSha));
  return response;
}

async function listCommits(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  // GitHub lists at most 250 commits of a pull request, oldest first.
  const response = pageResponse(request, await state.pullCommits(pr), { maxItems: 250 });
  response.body = await commitPayloads(state, response.body as string[]);
  return response;
}

/**
 * Review requests. GitHub refuses the whole request when one name cannot be asked, with a message and no
 * `errors` list: the author first (celestiaorg/CIPs#79 and peter-evans/create-pull-request#1835 quote it),
 * then anyone without access to the repository (denog/routing-guide#118 quotes the sentence for users; an
 * Enterprise Server answer quoted in a public script says "teams" when only teams were named).
 */
async function requestReviewers(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const pr = pullOr404(state, request);
  const body = (request.body ?? {}) as { reviewers?: string[]; team_reviewers?: string[] };
  const logins = body.reviewers ?? [];
  const slugs = body.team_reviewers ?? [];
  if (logins.some((login) => login.toLowerCase() === pr.user.login.toLowerCase())) {
    throw new ApiError(422, { message: 'Review cannot be requested from pull request author.' });
  }
  const users = logins.map((login) => state.collaborator(login));
  const teams = slugs.map((slug) => state.team(slug));
  if (users.includes(undefined) || teams.includes(undefined)) {
    const named = logins.length === 0 ? 'teams' : 'users or teams';
    throw new ApiError(422, {
      message: `Reviews may only be requested from collaborators. One or more of the ${named} you specified is not a collaborator of the ${state.payloads.fullName} repository.`,
    });
  }
  for (const user of users) {
    if (user && !pr.requestedReviewers.includes(user)) pr.requestedReviewers.push(user);
  }
  for (const team of teams) {
    if (team && !pr.requestedTeams.includes(team)) pr.requestedTeams.push(team);
  }
  pr.updatedAt = state.nowIso();
  return { status: 201, body: state.payloads.pull(pr, state.labelsOf(pr), state.pushedAt) };
}

export const pullRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}/pulls': listPulls,
  'POST /repos/{owner}/{repo}/pulls': createPull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}': getPull,
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}': updatePull,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/files': listFiles,
  'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits': listCommits,
  'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers': requestReviewers,
};
