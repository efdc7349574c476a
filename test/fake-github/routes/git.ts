// The Git Data API: blobs, trees, commits and refs, written into and read from the real bare repository.
// This is how cookie-hardener commits without git credentials, so these endpoints carry GitHub's exact
// failure modes: "Reference already exists", "Update is not a fast forward", "Tree SHA does not exist"…

import { ApiError, notFound, unprocessable } from '../errors.js';
import type { TreeChange } from '../git-store.js';
import { ZERO_SHA } from '../git-store.js';
import type { RouteRequest, RouteResponse, RouteTable } from './common.js';
import type { RepoState } from './common.js';

interface CreateBlobBody {
  content: string;
  encoding?: string;
}

interface CreateTreeBody {
  base_tree?: string;
  tree: {
    path?: string;
    mode?: string;
    type?: 'blob' | 'tree' | 'commit';
    sha?: string | null;
    content?: string;
  }[];
}

interface Identity {
  name: string;
  email: string;
  date?: string;
}

interface CreateCommitBody {
  message: string;
  tree: string;
  parents?: string[];
  author?: Identity;
  committer?: Identity;
  signature?: string;
}

interface CreateRefBody {
  ref: string;
  sha: string;
}

interface UpdateRefBody {
  sha: string;
  force?: boolean;
}

/** GitHub answers Git Data requests on a repository without any commit this way. */
async function requireNonEmpty(state: RepoState): Promise<void> {
  if ((await state.git.listRefs('refs/')).length === 0) {
    throw new ApiError(409, { message: 'Git Repository is empty.' });
  }
}

function created(state: RepoState, path: string, body: Record<string, unknown>): RouteResponse {
  return { status: 201, body, headers: { location: `${state.payloads.repoApi}${path}` } };
}

/** A path GitHub would store: relative, no empty, `.` or `..` segments, never inside `.git`. */
function isValidTreePath(path: string): boolean {
  const segments = path.split('/');
  return segments.every(
    (segment) => segment !== '' && segment !== '.' && segment !== '..' && segment !== '.git',
  );
}

function parseDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  // Wording unverified; GitHub rejects unparseable timestamps with a 422.
  if (Number.isNaN(date.getTime())) throw unprocessable(`${value} is not a valid date-time`);
  return date;
}

async function createBlob(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  await requireNonEmpty(state);
  const body = request.body as CreateBlobBody;
  const encoding = body.encoding ?? 'utf-8';
  const content =
    encoding === 'base64' ? Buffer.from(body.content, 'base64') : Buffer.from(body.content, 'utf8');
  const sha = await state.git.writeBlob(content);
  return created(state, `/git/blobs/${sha}`, state.payloads.blobCreated(sha));
}

async function getBlob(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const sha = request.params.file_sha ?? '';
  const content = await state.git.readBlob(sha);
  if (!content) throw notFound();
  return { status: 200, body: state.payloads.blob(sha, content) };
}

async function createTree(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  await requireNonEmpty(state);
  const body = request.body as CreateTreeBody;
  let base: string | null = null;
  if (body.base_tree !== undefined) {
    if ((await state.git.objectType(body.base_tree)) !== 'tree') {
      // Wording unverified: GitHub answers 422 for a base_tree that is not a tree in the repository.
      throw unprocessable('base_tree is not a valid tree oid');
    }
    base = body.base_tree;
  }
  const changes: TreeChange[] = [];
  for (const entry of body.tree) {
    const path = entry.path ?? '';
    const type = entry.type ?? 'blob';
    const mode = entry.mode ?? '100644';
    // This and the next two messages are modelled on GitHub's 422s; their exact wording is unverified.
    if (!isValidTreePath(path)) throw unprocessable('tree.path contains a malformed path component');
    if (entry.content !== undefined) {
      changes.push({ path, mode, type, sha: await state.git.writeBlob(Buffer.from(entry.content, 'utf8')) });
      continue;
    }
    if (entry.sha === null) {
      changes.push({ path, mode, type, sha: null });
      continue;
    }
    if (entry.sha === undefined) throw unprocessable('Must supply either tree.sha or tree.content');
    // Submodule entries (type "commit") point into another repository, so their SHA is not checked here.
    if (type !== 'commit' && (await state.git.objectType(entry.sha)) !== type) {
      throw unprocessable(`tree.sha ${entry.sha} is not a valid ${type}`);
    }
    changes.push({ path, mode, type, sha: entry.sha });
  }
  const sha = await state.git.buildTree(base, changes);
  const entries = await state.git.readTree(sha, false);
  return created(state, `/git/trees/${sha}`, state.payloads.tree(sha, entries));
}

async function getTree(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  // GitHub takes a tree SHA, a commit SHA or a branch name here.
  const treeSha = await state.git.treeOf(request.params.tree_sha ?? '');
  if (!treeSha) throw notFound();
  // Any value of `recursive`, even "0" or "false", turns recursion on; only leaving it out turns it off.
  const entries = await state.git.readTree(treeSha, request.query.has('recursive'));
  return { status: 200, body: state.payloads.tree(treeSha, entries) };
}

async function createCommit(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  await requireNonEmpty(state);
  const body = request.body as CreateCommitBody;
  if ((await state.git.objectType(body.tree)) !== 'tree') throw unprocessable('Tree SHA does not exist');
  const parents = body.parents ?? [];
  for (const parent of parents) {
    if ((await state.git.objectType(parent)) !== 'commit') {
      throw unprocessable('Parent SHA does not exist or is not a commit object');
    }
  }
  // GitHub signs API commits made by the token's own identity. Naming an author or committer makes it an
  // ordinary unsigned commit (and a supplied signature cannot be checked against any key we know).
  const author = body.author && { ...body.author, date: parseDate(body.author.date) };
  const committer = body.committer ? { ...body.committer, date: parseDate(body.committer.date) } : author;
  const sha = await state.createCommit({
    tree: body.tree,
    parents,
    message: body.message,
    author,
    committer,
    signed: body.author === undefined && body.committer === undefined && body.signature === undefined,
  });
  const commit = await state.readCommit(sha);
  if (!commit) throw new Error(`commit ${sha} vanished`);
  return created(state, `/git/commits/${sha}`, state.payloads.gitCommit(commit, state.verificationOf(sha)));
}

async function getCommit(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const commit = await state.readCommit(request.params.commit_sha ?? '');
  if (!commit) throw notFound();
  return { status: 200, body: state.payloads.gitCommit(commit, state.verificationOf(commit.sha)) };
}

async function refPayload(state: RepoState, ref: string, sha: string): Promise<Record<string, unknown>> {
  return state.payloads.ref(ref, sha, (await state.git.objectType(sha)) ?? 'commit');
}

async function getRef(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  // {ref} is the name without "refs/" ("heads/main"); GitHub matches it exactly.
  const ref = `refs/${request.params.ref ?? ''}`;
  const sha = await state.git.readRef(ref);
  if (!sha) throw notFound();
  return { status: 200, body: await refPayload(state, ref, sha) };
}

async function createRef(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const body = request.body as CreateRefBody;
  if (!body.ref.startsWith('refs/') || body.ref.split('/').length < 3) {
    // Wording unverified; the rule is the documented one ("refs/" prefix and at least two slashes).
    throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
  }
  if (!(await state.git.isValidRefName(body.ref)))
    throw unprocessable(`${body.ref} is not a valid ref name.`);
  if ((await state.git.objectType(body.sha)) === null) throw unprocessable('Object does not exist');
  if ((await state.git.readRef(body.ref)) !== null) throw unprocessable('Reference already exists');
  await state.setRef(body.ref, body.sha, ZERO_SHA);
  return created(state, `/git/${body.ref}`, await refPayload(state, body.ref, body.sha));
}

async function updateRef(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const ref = `refs/${request.params.ref ?? ''}`;
  const body = request.body as UpdateRefBody;
  const current = await state.git.readRef(ref);
  if (current === null) throw unprocessable('Reference does not exist');
  if ((await state.git.objectType(body.sha)) === null) throw unprocessable('Object does not exist');
  if (body.force !== true && current !== body.sha && !(await state.git.isAncestor(current, body.sha))) {
    throw unprocessable('Update is not a fast forward');
  }
  await state.setRef(ref, body.sha, current);
  return { status: 200, body: await refPayload(state, ref, body.sha) };
}

async function deleteRef(state: RepoState, request: RouteRequest): Promise<RouteResponse> {
  const ref = `refs/${request.params.ref ?? ''}`;
  if ((await state.git.readRef(ref)) === null) throw unprocessable('Reference does not exist');
  await state.deleteRef(ref);
  return { status: 204 };
}

export const gitRoutes: RouteTable = {
  'POST /repos/{owner}/{repo}/git/blobs': createBlob,
  'GET /repos/{owner}/{repo}/git/blobs/{file_sha}': getBlob,
  'POST /repos/{owner}/{repo}/git/trees': createTree,
  'GET /repos/{owner}/{repo}/git/trees/{tree_sha}': getTree,
  'POST /repos/{owner}/{repo}/git/commits': createCommit,
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': getCommit,
  'GET /repos/{owner}/{repo}/git/ref/{ref}': getRef,
  'POST /repos/{owner}/{repo}/git/refs': createRef,
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': updateRef,
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': deleteRef,
};
