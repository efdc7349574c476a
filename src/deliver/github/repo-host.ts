// GitHub as delivery sees it (the remediation pull request and the pull request review): one small interface,
// so the decisions can be tested against an in-memory repository and this file is the only place that knows
// Octokit's request shapes.
import { createGitHubClient, type ClientOptions, type GitHubClient } from './client.js';
import { apiErrorOf } from './errors.js';
import { learnIdentity, type HostIdentity } from './identity.js';

export type { HostIdentity } from './identity.js';

/** An account as REST names it on pull requests, comments and reviews. */
export interface HostAuthor {
  login: string;
  id: number;
  /** "User", "Bot", "Organization". */
  type?: string;
}

export interface HostPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  url: string;
  headRef: string;
  author: HostAuthor | null;
}

export interface HostComment {
  id: number;
  body: string;
  author: HostAuthor | null;
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
  /**
   * Whom the token acts as, asked once per host (that is, per run): the GraphQL viewer, else `GET /user`.
   * Throws when neither answers.
   */
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
  /**
   * Asks accounts and teams (slugs) to review. GitHub refuses the whole request (422) when any one of them
   * cannot be asked (the pull request's author, someone without access), and asks nobody then.
   */
  requestReviewers(
    number: number,
    reviewers: { users: readonly string[]; teams: readonly string[] },
  ): Promise<void>;
  /**
   * Assigns accounts; answers the logins assigned afterwards. GitHub drops accounts it cannot assign without
   * an error, so the answer is the only way to tell.
   */
  addAssignees(number: number, logins: readonly string[]): Promise<string[]>;
  comment(number: number, body: string): Promise<void>;

  // ---- the pull request review (review mode) ----

  /** A pull request's state and head commit. */
  pullHead(number: number): Promise<{ state: 'open' | 'closed'; headSha: string }>;
  /** The files a pull request changes, with their patches (every page; GitHub stops at 3,000). */
  pullFiles(number: number): Promise<HostPullFile[]>;
  /** Inline review comments of a pull request, replies included. */
  reviewComments(number: number): Promise<HostReviewComment[]>;
  reviews(number: number): Promise<HostReview[]>;
  /** One review with its inline comments, all on the right side of the diff. Not repeated on its own. */
  createReview(number: number, review: NewReview): Promise<void>;
  updateReviewComment(id: number, body: string): Promise<void>;
  /** Rewrites an issue comment of the pull request's conversation. */
  updateComment(id: number, body: string): Promise<void>;
  /** Review threads by the id of their first comment (threads exist only in GraphQL). */
  reviewThreads(number: number): Promise<Map<number, HostThread>>;
  resolveThread(threadId: string): Promise<void>;
}

export interface HostPullFile {
  filename: string;
  status: string;
  /** Blob SHA of the file at the pull request's head. */
  sha: string;
  /** Absent for binary files and diffs GitHub finds too large to show. */
  patch?: string;
}

export interface HostReviewComment {
  id: number;
  body: string;
  author: HostAuthor | null;
  /** The comment this one answers, or null for the first comment of a thread. */
  inReplyTo: number | null;
}

export interface HostReview {
  id: number;
  body: string;
  author: HostAuthor | null;
  commitId: string | null;
}

export interface NewReviewComment {
  path: string;
  body: string;
  /** Last line of the range, in the head version of the file. */
  line: number;
  /** First line, when the range spans more than one line. */
  startLine?: number;
}

export interface NewReview {
  commitId: string;
  body: string;
  comments: readonly NewReviewComment[];
}

export interface HostThread {
  id: string;
  isResolved: boolean;
}

const ZERO_OID = '0000000000000000000000000000000000000000';

export interface GitHubHostOptions extends ClientOptions {
  owner: string;
  repo: string;
  /** GITHUB_GRAPHQL_URL; on GitHub Enterprise Server it is not the REST base plus /graphql. */
  graphqlUrl?: string;
}

export function createGitHubRepoHost(options: GitHubHostOptions): RepoHost {
  return new OctokitRepoHost(createGitHubClient(options), options);
}

class OctokitRepoHost implements RepoHost {
  private readonly owner: string;
  private readonly repo: string;
  private nodeId: string | null = null;
  private identityLookup: Promise<HostIdentity> | null = null;
  /** Set once GraphQL's updateRefs turned out to be missing (older GitHub Enterprise Server). */
  private noUpdateRefs = false;

  constructor(
    private readonly github: GitHubClient,
    private readonly options: GitHubHostOptions,
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

  identity(): Promise<HostIdentity> {
    // GET /user refuses installation tokens (GITHUB_TOKEN, App tokens); GraphQL's viewer answers for every kind.
    this.identityLookup ??= learnIdentity({
      viewer: async () =>
        (
          await this.graphql<{ viewer?: { login?: unknown; databaseId?: unknown } | null }>(
            'query { viewer { login databaseId } }',
            {},
          )
        ).viewer,
      user: async () => (await this.github.rest.users.getAuthenticated()).data,
    });
    return this.identityLookup;
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
        author: authorOf(pull.user),
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
      author: authorOf(comment.user),
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
      author: authorOf(data.user),
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

  async requestReviewers(
    number: number,
    reviewers: { users: readonly string[]; teams: readonly string[] },
  ): Promise<void> {
    await this.github.rest.pulls.requestReviewers({
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      ...(reviewers.users.length > 0 ? { reviewers: [...reviewers.users] } : {}),
      ...(reviewers.teams.length > 0 ? { team_reviewers: [...reviewers.teams] } : {}),
    });
  }

  async addAssignees(number: number, logins: readonly string[]): Promise<string[]> {
    const { data } = await this.github.rest.issues.addAssignees({
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      assignees: [...logins],
    });
    return (data.assignees ?? []).map((user) => user.login);
  }

  async comment(number: number, body: string): Promise<void> {
    await this.github.rest.issues.createComment({
      owner: this.owner,
      repo: this.repo,
      issue_number: number,
      body,
    });
  }

  // ---- the pull request review ----

  async pullHead(number: number): Promise<{ state: 'open' | 'closed'; headSha: string }> {
    const { data } = await this.github.rest.pulls.get({
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
    });
    return { state: data.state === 'open' ? 'open' : 'closed', headSha: data.head.sha };
  }

  async pullFiles(number: number): Promise<HostPullFile[]> {
    const files = await this.github.paginate(this.github.rest.pulls.listFiles, {
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      per_page: 100,
    });
    return files.map((file) => ({
      filename: file.filename,
      status: file.status,
      sha: file.sha ?? '',
      ...(file.patch === undefined ? {} : { patch: file.patch }),
    }));
  }

  async reviewComments(number: number): Promise<HostReviewComment[]> {
    const comments = await this.github.paginate(this.github.rest.pulls.listReviewComments, {
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      per_page: 100,
    });
    return comments.map((comment) => ({
      id: comment.id,
      body: comment.body,
      author: authorOf(comment.user),
      inReplyTo: comment.in_reply_to_id ?? null,
    }));
  }

  async reviews(number: number): Promise<HostReview[]> {
    const reviews = await this.github.paginate(this.github.rest.pulls.listReviews, {
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      per_page: 100,
    });
    return reviews.map((review) => ({
      id: review.id,
      body: review.body ?? '',
      author: authorOf(review.user),
      commitId: review.commit_id ?? null,
    }));
  }

  async createReview(number: number, review: NewReview): Promise<void> {
    await this.github.rest.pulls.createReview({
      owner: this.owner,
      repo: this.repo,
      pull_number: number,
      commit_id: review.commitId,
      event: 'COMMENT',
      body: review.body,
      comments: review.comments.map((comment) => ({
        path: comment.path,
        body: comment.body,
        side: 'RIGHT' as const,
        line: comment.line,
        ...(comment.startLine !== undefined && comment.startLine < comment.line
          ? { start_line: comment.startLine, start_side: 'RIGHT' as const }
          : {}),
      })),
    });
  }

  async updateReviewComment(id: number, body: string): Promise<void> {
    await this.github.rest.pulls.updateReviewComment({
      owner: this.owner,
      repo: this.repo,
      comment_id: id,
      body,
    });
  }

  async updateComment(id: number, body: string): Promise<void> {
    await this.github.rest.issues.updateComment({
      owner: this.owner,
      repo: this.repo,
      comment_id: id,
      body,
    });
  }

  async reviewThreads(number: number): Promise<Map<number, HostThread>> {
    const threads = new Map<number, HostThread>();
    let cursor: string | null = null;
    for (let page = 0; page < MAX_THREAD_PAGES; page++) {
      const data: ThreadsPage = await this.graphql<ThreadsPage>(THREADS_QUERY, {
        owner: this.owner,
        name: this.repo,
        number,
        cursor,
      });
      const connection = data.repository?.pullRequest?.reviewThreads;
      if (!connection) break;
      for (const node of connection.nodes) {
        const first = node.comments.nodes[0]?.databaseId;
        if (first !== undefined) threads.set(first, { id: node.id, isResolved: node.isResolved });
      }
      if (!connection.pageInfo.hasNextPage) break;
      cursor = connection.pageInfo.endCursor;
    }
    return threads;
  }

  async resolveThread(threadId: string): Promise<void> {
    await this.graphql(
      'mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }',
      { threadId },
    );
  }
}

function authorOf(user: { login: string; id: number; type?: string } | null | undefined): HostAuthor | null {
  return user ? { login: user.login, id: user.id, ...(user.type ? { type: user.type } : {}) } : null;
}

/** 50 pages of 100 threads: far beyond any pull request a review can usefully speak to. */
const MAX_THREAD_PAGES = 50;

const THREADS_QUERY = `query($owner: String!, $name: String!, $number: Int!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $cursor) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved comments(first: 1) { nodes { databaseId } } }
      }
    }
  }
}`;

interface ThreadsPage {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{ id: string; isResolved: boolean; comments: { nodes: Array<{ databaseId: number }> } }>;
      };
    } | null;
  } | null;
}

/** GitHub Enterprise Server releases before updateRefs answer with a schema error naming the field. */
function isMissingUpdateRefs(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /field 'updateRefs' doesn't exist|undefinedField.*updateRefs|UpdateRefsInput isn't a defined input type/i.test(
    message,
  );
}
