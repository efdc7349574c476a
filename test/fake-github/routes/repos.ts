// Repository metadata and history: GET the repository, list commits, compare two commits.

import { ApiError, notFound } from '../errors.js';
import type { CommitObject } from '../git-store.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';
import { pageResponse } from './common.js';

/** A commit in the commits API's shape, attributed to GitHub accounts by email as GitHub does. */
export function commitPayload(state: RepoState, commit: CommitObject): Record<string, unknown> {
  return state.payloads.commit(
    commit,
    state.verificationOf(commit.sha),
    state.userForEmail(commit.author.email),
    state.userForEmail(commit.committer.email),
  );
}

export async function commitPayloads(
  state: RepoState,
  shas: readonly string[],
): Promise<Record<string, unknown>[]> {
  const result: Record<string, unknown>[] = [];
  for (const sha of shas) {
    const commit = await state.readCommit(sha);
    if (commit) result.push(commitPayload(state, commit));
  }
  return result;
}

async function getRepository(state: RepoState): Promise<RouteResponse> {
  return { status: 200, body: state.payloads.repository(state.pushedAt) };
}

/** Resolves a branch, tag or SHA the way the commits endpoints do; `owner:` prefixes name this repository. */
async function resolve(state: RepoState, name: string): Promise<string | null> {
  const owner = `${state.payloads.ownerLogin}:`;
  const plain = name.startsWith(owner) ? name.slice(owner.length) : name;
  return state.git.resolveCommit(plain);
}

async function listCommits(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  if ((await state.git.listRefs('refs/')).length === 0) {
    throw new ApiError(409, { message: 'Git Repository is empty.' });
  }
  const from = request.query.get('sha') ?? state.defaultBranch;
  const start = await resolve(state, from);
  // Wording unverified; GitHub answers an unknown `sha` with a 404.
  if (!start) throw new ApiError(404, { message: `No commit found for SHA: ${from}` });
  const path = request.query.get('path');
  let shas = await state.git.revList([start], path ? { paths: [path] } : {});
  const author = request.query.get('author');
  const since = request.query.get('since');
  const until = request.query.get('until');
  if (author || since || until) {
    const kept: string[] = [];
    for (const sha of shas) {
      const commit = await state.readCommit(sha);
      if (!commit) continue;
      const login = state.userForEmail(commit.author.email)?.login;
      if (author && author !== login && author.toLowerCase() !== commit.author.email.toLowerCase()) continue;
      if (since && commit.committer.date < new Date(since)) continue;
      if (until && commit.committer.date > new Date(until)) continue;
      kept.push(sha);
    }
    shas = kept;
  }
  // Read only the requested page's commits: history can be long and each read is a git call.
  const response = pageResponse(request, shas);
  response.body = await commitPayloads(state, response.body as string[]);
  return response;
}

async function compare(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const basehead = request.params.basehead ?? '';
  const split = basehead.indexOf('...');
  if (split === -1) throw notFound();
  const baseName = basehead.slice(0, split);
  const headName = basehead.slice(split + 3);
  const base = await resolve(state, baseName);
  const head = await resolve(state, headName);
  if (!base || !head) throw notFound();
  const mergeBase = await state.git.mergeBase(base, head);
  // Unrelated histories have no merge base; GitHub answers 404 for those comparisons.
  if (!mergeBase) throw notFound();
  const ahead = await state.git.revList([head, `^${base}`], { reverse: true });
  const behind = await state.git.revList([base, `^${head}`]);
  const status =
    ahead.length === 0 && behind.length === 0
      ? 'identical'
      : behind.length === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const files = await state.git.diffFiles(mergeBase, head);
  const baseCommit = await state.readCommit(base);
  const mergeBaseCommit = await state.readCommit(mergeBase);
  if (!baseCommit || !mergeBaseCommit) throw notFound();
  const { repoApi, repoWeb, ownerLogin: owner } = state.payloads;
  return {
    status: 200,
    body: {
      url: `${repoApi}/compare/${basehead}`,
      html_url: `${repoWeb}/compare/${basehead}`,
      permalink_url: `${repoWeb}/compare/${owner}:${base.slice(0, 7)}...${owner}:${head.slice(0, 7)}`,
      diff_url: `${repoWeb}/compare/${basehead}.diff`,
      patch_url: `${repoWeb}/compare/${basehead}.patch`,
      base_commit: commitPayload(state, baseCommit),
      merge_base_commit: commitPayload(state, mergeBaseCommit),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      // GitHub lists at most 250 commits and 300 files here.
      commits: await commitPayloads(state, ahead.slice(0, 250)),
      files: files.slice(0, 300).map((file) => state.payloads.file(file, head)),
    },
  };
}

export const repoRoutes: RouteTable = {
  'GET /repos/{owner}/{repo}': getRepository,
  'GET /repos/{owner}/{repo}/commits': listCommits,
  'GET /repos/{owner}/{repo}/compare/{basehead}': compare,
};
