// GitHub as the remediation pull request sees it: one small interface, so the decisions can be tested against an
// in-memory repository and this file is the only place that knows Octokit's request shapes for that delivery.
import { createGitHubClient, type ClientOptions, type GitHubClient } from './client.js';
import { apiErrorOf } from './errors.js';

/** Who the run's token acts as. GraphQL spells bot logins without "[bot]"; the id is the same account id. */
export interface HostIdentity {
  login: string;
  id: number | null;
}

export interface HostPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  url: string;
  headRef: string;
  author: { login: string; id: number } | null;
}

export interface HostComment {
  id: number;
  body: string;
  author: { login: string; id: number } | null;
}

export interface HostCommit {
  sha: string;
  parents: string[];
  /** The GitHub accounts the commit is attributed to (by email); null when none matches. */
  authorId: number | null;
  committerId: number | null;
  authorEmail: string;
  committerEmail: string;
  message: string;
}

export interface TreeEntry {
  sha: string;
  mode: string;
}

export interface NewFile {
  path: string;
  mode: string;
  content: Buffer;
}

/**
 * What a compare-and-swap ref write found: `done` — the ref now holds the new value; `moved` — the ref was no
 * longer where the caller last saw it, so nothing was written.
 */
export type SwapResult = 'done' | 'moved';

export interface RepoHost {
  identity(): Promise<HostIdentity>;
  repository(): Promise<{ defaultBranch: string; nodeId: string }>;
  /** The commit a branch points at, or null when the branch does not exist. */
  branchHead(branch: string): Promise<string | null>;
  /** A commit's tree SHA and parents. */
  commitTree(sha: string): Promise<{ tree: string; parents: string[] }>;
  /** Every file (blob) of a tree, recursively. */
  tree(sha: string): Promise<Map<string, TreeEntry>>;
  /** Commits reachable from `head` but not from `base`, oldest first, and the paths they change. */
  compare(base: string, head: string): Promise<{ commits: HostCommit[]; files: string[] }>;
  /** Pull requests, open or closed, whose head is `branch` of this repository; newest first. */
  pulls(branch: string): Promise<HostPull[]>;
  comments(pull: number): Promise<HostComment[]>;
  /** One commit with `parent` as its only parent: the parent's tree with `files` replaced. */
  createCommit(
    parent: string,
    parentTree: string,
    files: readonly NewFile[],
    message: string,
  ): Promise<string>;
  /** Creates the branch only if it does not exist (`moved` when it does). */
  createBranch(branch: string, sha: string): Promise<SwapResult>;
  /** Moves (or, with null, deletes) the branch only if it still points at `expected`. */
  swapBranch(branch: string, expected: string, next: string | null): Promise<SwapResult>;
  createPull(input: {
    title: string;
    body: string;
    head: string;
    base: string;
    draft: boolean;
  }): Promise<HostPull>;
  updatePull(
    number: number,
    fields: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void>;
  addLabels(number: number, labels: readonly string[]): Promise<void>;
  comment(number: number, body: string): Promise<void>;
}

const ZERO_OID = '0000000000000000000000000000000000000000';

export interface OctokitHostOptions extends ClientOptions {
  owner: string;
  repo: string;
  /** GITHUB_GRAPHQL_URL; on GitHub Enterprise Server it is not the REST base plus /graphql. */
  graphqlUrl?: string;
}

export function createOctokitRepoHost(options: OctokitHostOptions): RepoHost {
  return new OctokitRepoHost(createGitHubClient(options), options);
}

class OctokitRepoHost implements RepoHost {
  private readonly owner: string;
  private readonly repo: string;
  private nodeId: string | null = null;
  /** Set once GraphQL's updateRefs turned out to be missing (older GitHub Enterprise Server). */
  private noUpdateRefs = false;

  constructor(
    private readonly github: GitHubClient,
    private readonly options: OctokitHostOptions,
  ) {
    this.owner = options.owner;
    this.repo = options.repo;
  }

  private graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return this.github.graphql<T>({
      query,
      ...variables,
      ...(this.options.graphqlUrl ? { url: this.options.graphqlUrl } : {}),
    });
  }

  async identity(): Promise<HostIdentity> {
    // GET /user refuses installation tokens (GITHUB_TOKEN, App tokens); GraphQL's viewer answers for every kind.
    const data = await this.graphql<{ viewer: { login: string; databaseId?: number | null } }>(
      'query { viewer { login databaseId } }',
      {},
    );
    return { login: data.viewer.login, id: data.viewer.databaseId ?? null };
  }

  async repository(): Promise<{ defaultBranch: string; nodeId: string }> {
    const { data } = await this.github.rest.repos.get({ owner: this.owner, repo: this.repo });
    this.nodeId = data.node_id;
    return { defaultBranch: data.default_branch, nodeId: data.node_id };
  }

  async branchHead(branch: string): Promise<string | null> {
    try {
      const { data } = await this.github.rest.git.getRef({
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${branch}`,
      });
      return data.object.sha;
    } catch (error) {
      if (apiErrorOf(error)?.status === 404) return null;
      throw error;
    }
  }

  async commitTree(sha: string): Promise<{ tree: string; parents: string[] }> {
    const { data } = await this.github.rest.git.getCommit({
      owner: this.owner,
      repo: this.repo,
      commit_sha: sha,
    });
    return { tree: data.tree.sha, parents: data.parents.map((parent) => parent.sha) };
  }

  async tree(sha: string): Promise<Map<string, TreeEntry>> {
    const { data } = await this.github.rest.git.getTree({
      owner: this.owner,
      repo: this.repo,
      tree_sha: sha,
      recursive: 'true',
    });
    if (data.truncated) {
      throw new Error(
        'the repository tree is too large for one API listing; this version cannot build the commit',
      );
    }
    const entries = new Map<string, TreeEntry>();
    for (const entry of data.tree) {
      if (entry.type === 'blob' && entry.path && entry.sha && entry.mode) {
        entries.set(entry.path, { sha: entry.sha, mode: entry.mode });
      }
    }
    return entries;
  }

  async compare(base: string, head: string): Promise<{ commits: HostCommit[]; files: string[] }> {
    const { data } = await this.github.rest.repos.compareCommitsWithBasehead({
      owner: this.owner,
      repo: this.repo,
      basehead: `${base}...${head}`,
    });
    const commits = data.commits.map((commit): HostCommit => ({
      sha: commit.sha,
      parents: commit.parents.map((parent) => parent.sha),
      authorId: commit.author?.id ?? null,
      committerId: commit.committer?.id ?? null,
      authorEmail: commit.commit.author?.email ?? '',
      committerEmail: commit.commit.committer?.email ?? '',
      message: commit.commit.message,
    }));
    const files = new Set<string>();
    for (const file of data.files ?? []) {
      files.add(file.filename);
      if (file.previous_filename) files.add(file.previous_filename);
    }
    return { commits, files: [...files] };
  }

  async pulls(branch: string): Promise<HostPull[]> {
    const pulls = await this.github.paginate(this.github.rest.pulls.list, {
      owner: this.owner,
      repo: this.repo,
      state: 'all',
      head: `${this.owner}:${branch}`,
      per_page: 100,
    });
    return pulls
      .filter((pull) => pull.head.ref === branch)
      .map((pull): HostPull => ({
        number: pull.number,
        state: pull.state === 'open' ? 'open' : 'closed',
        merged: Boolean(pull.merged_at),
        title: pull.title,
        body: pull.body ?? '',
        url: pull.html_url,
        headRef: pull.head.ref,
        author: pull.user ? { login: pull.user.login, id: pull.user.id } : null,
      }))
      .sort((a, b) => b.number - a.number);
  }

  async comments(pull: number): Promise<HostComment[]> {
    const comments = await this.github.paginate(this.github.rest.issues.listComments, {
      owner: this.owner,
      repo: this.repo,
      issue_number: pull,
      per_page: 100,
    });
    return comments.map((comment) => ({
      id: comment.id,
      body: comment.body ?? '',
      author: comment.user ? { login: comment.user.login, id: comment.user.id } : null,
    }));
  }

  async createCommit(
    parent: string,
    parentTree: string,
    files: readonly NewFile[],
    message: string,
  ): Promise<string> {
    // The fixed files travel inline in the tree request: no blob requests, and no author override, so GitHub
    // signs the commit as the token's identity.
    const tree = await this.github.rest.git.createTree({
      owner: this.owner,
      repo: this.repo,
      base_tree: parentTree,
      tree: files.map((file) => ({
        path: file.path,
        mode: file.mode as '100644',
        type: 'blob' as const,
        content: file.content.toString('utf8'),
      })),
    });
    const commit = await this.github.rest.git.createCommit({
      owner: this.owner,
      repo: this.repo,
      message,
      tree: tree.data.sha,
      parents: [parent],
    });
    return commit.data.sha;
  }

  async createBranch(branch: string, sha: string): Promise<SwapResult> {
    try {
      await this.github.rest.git.createRef({
        owner: this.owner,
        repo: this.repo,
        ref: `refs/heads/${branch}`,
        sha,
      });
      return 'done';
    } catch (error) {
      // Creation is itself a compare-and-swap against "absent": a concurrent run got there first.
      const api = apiErrorOf(error);
      if (api?.status === 422 && /reference already exists/i.test(api.message)) return 'moved';
      throw error;
    }
  }

  async swapBranch(branch: string, expected: string, next: string | null): Promise<SwapResult> {
    if (!this.noUpdateRefs) {
      try {
        return await this.updateRefs(branch, expected, next);
      } catch (error) {
        if (!isMissingUpdateRefs(error)) throw error;
        this.noUpdateRefs = true;
      }
    }
    return this.swapWithoutLock(branch, expected, next);
  }

  /** GraphQL updateRefs: GitHub checks `beforeOid` and writes in one step, so nothing can slip in between. */
  private async updateRefs(branch: string, expected: string, next: string | null): Promise<SwapResult> {
    const repositoryId = this.nodeId ?? (await this.repository()).nodeId;
    try {
      await this.graphql(
        'mutation($input: UpdateRefsInput!) { updateRefs(input: $input) { clientMutationId } }',
        {
          input: {
            repositoryId,
            refUpdates: [
              { name: `refs/heads/${branch}`, beforeOid: expected, afterOid: next ?? ZERO_OID, force: true },
            ],
          },
        },
      );
      return 'done';
    } catch (error) {
      if (isMissingUpdateRefs(error)) throw error;
      // The error's wording is not documented; where the branch is now tells whether it was the lock.
      if ((await this.branchHead(branch)) !== expected) return 'moved';
      throw error;
    }
  }

  private static readonly HOLDING_MESSAGE = [
    'cookie-hardener: hold the branch while it is replaced',
    '',
    'This GitHub has no conditional ref update (GraphQL updateRefs), so the remediation branch is first',
    'fast-forwarded to this empty commit: a push made meanwhile is refused instead of overwritten. The next',
    'write replaces it with the rebuilt fix (or deletes the branch).',
  ].join('\n');

  /**
   * Without updateRefs only REST is left, and a forced REST update is not conditional. What REST does offer:
   * an update without `force` is refused unless the branch's current head is an ancestor of the new commit,
   * so it can never drop a commit. The swap therefore goes as far as it can with such updates:
   * - when `next` already descends from `expected`, one fast-forward does the whole swap atomically;
   * - otherwise the branch first fast-forwards to a holding commit (an empty commit on `expected`). A person's
   *   ordinary push, made on top of what they last fetched, is refused from then on instead of overwritten.
   *   Then the head is read again, and only while it is still the holding commit is it forced to `next` (or
   *   deleted). A forced push, or a commit made on GitHub on top of the holding commit, landing in that last
   *   round trip is the one thing that can still be replaced; the README says so.
   */
  private async swapWithoutLock(branch: string, expected: string, next: string | null): Promise<SwapResult> {
    if ((await this.branchHead(branch)) !== expected) return 'moved';
    if (next !== null && (await this.descendsFrom(next, expected))) {
      return this.fastForward(branch, next);
    }
    const hold = await this.holdingCommit(expected);
    if ((await this.fastForward(branch, hold)) === 'moved') return 'moved';
    if ((await this.branchHead(branch)) !== hold) return 'moved';
    if (next === null) {
      try {
        await this.github.rest.git.deleteRef({ owner: this.owner, repo: this.repo, ref: `heads/${branch}` });
      } catch (error) {
        const status = apiErrorOf(error)?.status;
        if (status === 422 || status === 404) return 'moved';
        throw error;
      }
      return 'done';
    }
    await this.github.rest.git.updateRef({
      owner: this.owner,
      repo: this.repo,
      ref: `heads/${branch}`,
      sha: next,
      force: true,
    });
    const after = await this.branchHead(branch);
    return after === next ? 'done' : 'moved';
  }

  /** Whether `sha` has `ancestor` in its history (so moving a branch from one to the other drops nothing). */
  private async descendsFrom(sha: string, ancestor: string): Promise<boolean> {
    const { data } = await this.github.rest.repos.compareCommitsWithBasehead({
      owner: this.owner,
      repo: this.repo,
      basehead: `${ancestor}...${sha}`,
    });
    return data.status === 'ahead' || data.status === 'identical';
  }

  /** An empty commit on `parent`: moving a branch from `parent` to it is a fast-forward that changes no file. */
  private async holdingCommit(parent: string): Promise<string> {
    const { tree } = await this.commitTree(parent);
    const { data } = await this.github.rest.git.createCommit({
      owner: this.owner,
      repo: this.repo,
      message: OctokitRepoHost.HOLDING_MESSAGE,
      tree,
      parents: [parent],
    });
    return data.sha;
  }

  /** A non-forced update: GitHub refuses it (422) when the branch's head is not an ancestor of `sha`. */
  private async fastForward(branch: string, sha: string): Promise<SwapResult> {
    try {
      await this.github.rest.git.updateRef({
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${branch}`,
        sha,
        force: false,
      });
      return 'done';
    } catch (error) {
      if (apiErrorOf(error)?.status === 422) return 'moved';
      throw error;
    }
  }

  async createPull(input: {
    title: string;
    body: string;
    head: string;
    base: string;
    draft: boolean;
  }): Promise<HostPull> {
    const { data } = await this.github.rest.pulls.create({ owner: this.owner, repo: this.repo, ...input });
    return {
      number: data.number,
      state: 'open',
      merged: false,
      title: data.title,
      body: data.body ?? '',
      url: data.html_url,
      headRef: data.head.ref,
      author: { login: data.user.login, id: data.user.id },
    };
  }

  async updatePull(
    number: number,
    fields: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void> {
    await this.github.rest.pulls.update({
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      ...fields,
    });
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    await this.github.rest.issues.addLabels({
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      labels: [...labels],
    });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.github.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      body,
    });
  }
}

/** GitHub Enterprise Server releases before updateRefs answer with a schema error naming the field. */
function isMissingUpdateRefs(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /field 'updateRefs' doesn't exist|undefinedField.*updateRefs|UpdateRefsInput isn't a defined input type/i.test(
    message,
  );
}
