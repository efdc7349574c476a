// An in-memory GitHub for delivery's decisions: content-addressed blobs, trees and commits, branches with
// compare-and-swap, pull requests and comments, reviews and their threads, and a log of every write. It keeps
// GitHub's rules that the decisions depend on (who authored what, which commits a comparison lists,
// "Reference already exists", "A pull request already exists", one review with all its comments or none)
// and nothing else, so a test runs in milliseconds.
import { createHash } from 'node:crypto';
import type {
  HostComment,
  HostCommit,
  HostIdentity,
  HostPull,
  HostPullFile,
  HostReview,
  HostReviewComment,
  HostThread,
  NewFile,
  NewReview,
  RepoHost,
  SwapResult,
  TreeEntry,
} from '../../src/deliver/github/repo-host.js';
import { blobSha } from '../../src/deliver/stored-form.js';

export interface Account {
  login: string;
  id: number;
  email: string;
  type?: 'User' | 'Bot';
}

/** GITHUB_TOKEN's account as REST shows it; GraphQL's viewer drops the "[bot]". */
export const BOT: Account = {
  login: 'github-actions[bot]',
  id: 41898282,
  email: '41898282+github-actions[bot]@users.noreply.github.com',
  type: 'Bot',
};
export const HUMAN: Account = { login: 'octocat', id: 583231, email: 'octocat@github.com', type: 'User' };
export const OUTSIDER: Account = { login: 'mallory', id: 666, email: 'mallory@example.com', type: 'User' };
const WEB_FLOW_EMAIL = 'noreply@github.com';

interface StoredCommit {
  tree: string;
  parents: string[];
  author: Account;
  committerEmail: string;
  committerId: number | null;
  message: string;
}

interface StoredPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  title: string;
  body: string;
  head: string;
  base: string;
  author: Account;
}

export class MemoryHost implements RepoHost {
  readonly writes: string[] = [];
  readonly branches = new Map<string, string>();
  readonly pullRecords: StoredPull[] = [];
  readonly commentRecords: Array<{ id: number; pull: number; body: string; author: Account }> = [];
  tokenAccount: Account = BOT;
  defaultBranch = 'main';
  /** Runs once before the next write of this kind: someone else acting in the run's read-write window. */
  readonly before = new Map<string, () => void>();

  private readonly trees = new Map<string, Map<string, TreeEntry>>();
  private readonly commits = new Map<string, StoredCommit>();
  private counter = 0;

  constructor(files: Record<string, string>) {
    this.branches.set('main', this.commitFiles(null, files, 'Initial commit', HUMAN));
  }

  // ---- what people do on github.com ----

  /** A commit of `files` on top of `parent` by `author` (committed by them, as from a clone). */
  commitFiles(
    parent: string | null,
    files: Record<string, string>,
    message: string,
    author: Account,
  ): string {
    const tree = new Map(parent ? this.trees.get(this.commits.get(parent)!.tree) : []);
    for (const [path, text] of Object.entries(files)) {
      tree.set(path, { sha: blobSha(Buffer.from(text)), mode: '100644' });
    }
    return this.store(tree, parent ? [parent] : [], message, author, author.email, author.id);
  }

  push(
    branch: string,
    files: Record<string, string>,
    author: Account = HUMAN,
    message = `Edit ${branch}`,
  ): string {
    const sha = this.commitFiles(
      this.branches.get(branch) ?? this.branches.get('main')!,
      files,
      message,
      author,
    );
    this.branches.set(branch, sha);
    return sha;
  }

  /** `git commit --amend` of the branch head by `author`, force-pushed: same message and parents. */
  amend(branch: string, files: Record<string, string>, author: Account): string {
    const head = this.commits.get(this.branches.get(branch)!)!;
    const tree = new Map(this.trees.get(head.tree));
    for (const [path, text] of Object.entries(files)) {
      tree.set(path, { sha: blobSha(Buffer.from(text)), mode: '100644' });
    }
    const amended = this.store(tree, head.parents, head.message, author, author.email, author.id);
    this.branches.set(branch, amended);
    return amended;
  }

  openPull(input: { head: string; body: string; author: Account; state?: 'open' | 'closed' }): number {
    const number = this.pullRecords.length + 1;
    this.pullRecords.push({
      number,
      state: input.state ?? 'open',
      merged: false,
      title: 'A pull request',
      body: input.body,
      head: input.head,
      base: 'main',
      author: input.author,
    });
    return number;
  }

  addComment(pull: number, body: string, author: Account): void {
    this.commentRecords.push({ id: ++this.lastId, pull, body, author });
  }

  fileAt(branch: string, path: string): string | undefined {
    return this.trees.get(this.commits.get(this.branches.get(branch)!)!.tree)!.get(path)?.sha;
  }

  // ---- RepoHost ----

  async identity(): Promise<HostIdentity> {
    return { login: this.tokenAccount.login.replace(/\[bot\]$/, ''), id: this.tokenAccount.id };
  }

  async repository(): Promise<{ defaultBranch: string; nodeId: string }> {
    return { defaultBranch: this.defaultBranch, nodeId: 'R_memory' };
  }

  async branchHead(branch: string): Promise<string | null> {
    return this.branches.get(branch) ?? null;
  }

  async commitTree(sha: string): Promise<{ tree: string; parents: string[] }> {
    const commit = this.commits.get(sha);
    if (!commit) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { tree: commit.tree, parents: [...commit.parents] };
  }

  async tree(sha: string): Promise<Map<string, TreeEntry>> {
    return new Map(this.trees.get(sha));
  }

  async compare(base: string, head: string): Promise<{ commits: HostCommit[]; files: string[] }> {
    const fromBase = this.ancestors(base);
    const ahead = [...this.ancestors(head)].filter((sha) => !fromBase.has(sha)).reverse();
    // The merge base: the newest commit of head's history that the base also has.
    const mergeBase = [...this.ancestors(head)].find((sha) => fromBase.has(sha));
    const before = mergeBase
      ? this.trees.get(this.commits.get(mergeBase)!.tree)!
      : new Map<string, TreeEntry>();
    const after = this.trees.get(this.commits.get(head)!.tree)!;
    const files = [...new Set([...before.keys(), ...after.keys()])].filter(
      (path) => before.get(path)?.sha !== after.get(path)?.sha,
    );
    return {
      commits: ahead.map((sha) => {
        const commit = this.commits.get(sha)!;
        return {
          sha,
          parents: [...commit.parents],
          authorId: commit.author.id,
          committerId: commit.committerId,
          authorEmail: commit.author.email,
          committerEmail: commit.committerEmail,
          message: commit.message,
        };
      }),
      files,
    };
  }

  async pulls(branch: string): Promise<HostPull[]> {
    return this.pullRecords
      .filter((pull) => pull.head === branch)
      .map((pull) => this.pullOf(pull))
      .sort((a, b) => b.number - a.number);
  }

  async comments(pull: number): Promise<HostComment[]> {
    this.fail('comments');
    return this.commentRecords
      .filter((comment) => comment.pull === pull)
      .map((comment) => ({ id: comment.id, body: comment.body, author: authorOf(comment.author) }));
  }

  async createCommit(
    parent: string,
    parentTree: string,
    files: readonly NewFile[],
    message: string,
  ): Promise<string> {
    this.writes.push(`commit on ${parent.slice(0, 7)}: ${files.map((file) => file.path).join(', ')}`);
    const tree = new Map(this.trees.get(parentTree));
    for (const file of files) tree.set(file.path, { sha: blobSha(file.content), mode: file.mode });
    // What GitHub does for a token's API commit: authored by the token's account, committed by web-flow.
    return this.store(tree, [parent], message, this.tokenAccount, WEB_FLOW_EMAIL, null);
  }

  async createBranch(branch: string, sha: string): Promise<SwapResult> {
    this.runBefore('createBranch');
    if (this.branches.has(branch)) {
      this.writes.push(`create ${branch}: already exists`);
      return 'moved';
    }
    this.writes.push(`create ${branch}`);
    this.branches.set(branch, sha);
    return 'done';
  }

  async swapBranch(branch: string, expected: string, next: string | null): Promise<SwapResult> {
    this.runBefore('swapBranch');
    if (this.branches.get(branch) !== expected) {
      this.writes.push(`swap ${branch}: moved`);
      return 'moved';
    }
    this.writes.push(next === null ? `delete ${branch}` : `move ${branch}`);
    if (next === null) {
      this.branches.delete(branch);
      // GitHub closes a pull request whose head branch is deleted.
      for (const pull of this.pullRecords) if (pull.head === branch) pull.state = 'closed';
    } else {
      this.branches.set(branch, next);
    }
    return 'done';
  }

  async createPull(input: {
    title: string;
    body: string;
    head: string;
    base: string;
    draft: boolean;
  }): Promise<HostPull> {
    this.runBefore('createPull');
    if (this.pullRecords.some((pull) => pull.state === 'open' && pull.head === input.head)) {
      this.writes.push('open pull request: already exists');
      throw Object.assign(new Error('Validation Failed'), {
        status: 422,
        response: {
          data: {
            message: 'Validation Failed',
            errors: [{ message: `A pull request already exists for acme:${input.head}.` }],
          },
        },
      });
    }
    const number = this.pullRecords.length + 1;
    this.writes.push(`open #${number}`);
    const pull: StoredPull = { number, state: 'open', merged: false, ...input, author: this.tokenAccount };
    this.pullRecords.push(pull);
    return this.pullOf(pull);
  }

  async updatePull(
    number: number,
    fields: { title?: string; body?: string; state?: 'open' | 'closed' },
  ): Promise<void> {
    this.writes.push(`update #${number}: ${Object.keys(fields).join(', ')}`);
    Object.assign(
      this.pullRecords.find((pull) => pull.number === number)!,
      fields,
    );
  }

  async addLabels(number: number, labels: readonly string[]): Promise<void> {
    this.writes.push(`label #${number}: ${labels.join(', ')}`);
  }

  /** Accounts (lower-case logins) and team slugs with access: the ones GitHub lets be asked or assigned. */
  readonly collaborators = new Set(['octocat']);
  readonly teams = new Set<string>();
  readonly requested = new Map<number, string[]>();
  readonly assigned = new Map<number, string[]>();

  async requestReviewers(
    number: number,
    reviewers: { users: readonly string[]; teams: readonly string[] },
  ): Promise<void> {
    this.fail('requestReviewers');
    const names = [...reviewers.users, ...reviewers.teams.map((slug) => `team ${slug}`)];
    const pull = this.pullRecords.find((record) => record.number === number)!;
    // All or nothing, as on GitHub: one name it cannot ask refuses the request.
    const refuse = (message: string) => {
      this.writes.push(`request review #${number}: ${names.join(', ')}: refused`);
      return Object.assign(new Error(message), { status: 422, response: { data: { message } } });
    };
    if (reviewers.users.some((login) => login.toLowerCase() === pull.author.login.toLowerCase()))
      throw refuse('Review cannot be requested from pull request author.');
    if (
      reviewers.users.some((login) => !this.collaborators.has(login.toLowerCase())) ||
      reviewers.teams.some((slug) => !this.teams.has(slug))
    ) {
      throw refuse(
        'Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/webapp repository.',
      );
    }
    this.writes.push(`request review #${number}: ${names.join(', ')}`);
    this.requested.set(number, [...(this.requested.get(number) ?? []), ...names]);
  }

  async addAssignees(number: number, logins: readonly string[]): Promise<string[]> {
    this.writes.push(`assign #${number}: ${logins.join(', ')}`);
    // GitHub drops, without an error, anyone it cannot assign.
    const kept = logins.filter((login) => this.collaborators.has(login.toLowerCase()));
    this.assigned.set(number, [...(this.assigned.get(number) ?? []), ...kept]);
    return [...(this.assigned.get(number) ?? [])];
  }

  async comment(number: number, body: string): Promise<void> {
    const write = () => {
      this.writes.push(`comment #${number}`);
      this.commentRecords.push({ id: ++this.lastId, pull: number, body, author: this.tokenAccount });
    };
    this.fail('comment', write);
    write();
  }

  // ---- the pull request review ----

  readonly pullFileRecords = new Map<number, HostPullFile[]>();
  readonly reviewRecords: Array<{
    id: number;
    pull: number;
    body: string;
    author: Account;
    commitId: string;
  }> = [];
  readonly reviewCommentRecords: Array<{
    id: number;
    pull: number;
    body: string;
    author: Account;
    path: string;
    line: number;
    startLine: number | null;
    inReplyTo: number | null;
    threadId: string;
    resolved: boolean;
  }> = [];
  /** Head commits of pull requests, for pullHead(). */
  readonly pullHeads = new Map<number, string>();
  /** The next call of that kind throws this instead (taken once). */
  readonly failures = new Map<string, unknown>();
  /** Whether the next failure of that kind is answered after the write was carried out (a lost response). */
  readonly landsBeforeFailing = new Set<string>();
  private lastId = 0;

  /** A person's comment on a line, opening a thread (or answering `inReplyTo`'s). */
  addReviewComment(input: {
    pull: number;
    path: string;
    line: number;
    body: string;
    author: Account;
    inReplyTo?: number;
  }): number {
    const id = ++this.lastId;
    const parent = this.reviewCommentRecords.find((comment) => comment.id === input.inReplyTo);
    this.reviewCommentRecords.push({
      id,
      pull: input.pull,
      body: input.body,
      author: input.author,
      path: input.path,
      line: input.line,
      startLine: null,
      inReplyTo: input.inReplyTo ?? null,
      threadId: parent?.threadId ?? `PRRT_${id}`,
      resolved: false,
    });
    return id;
  }

  addReview(pull: number, body: string, author: Account, commitId = 'f'.repeat(40)): number {
    const id = ++this.lastId;
    this.reviewRecords.push({ id, pull, body, author, commitId });
    return id;
  }

  isResolved(commentId: number): boolean {
    const thread = this.reviewCommentRecords.find((comment) => comment.id === commentId)?.threadId;
    return this.reviewCommentRecords.some((comment) => comment.threadId === thread && comment.resolved);
  }

  async pullHead(number: number): Promise<{ state: 'open' | 'closed'; headSha: string }> {
    const pull = this.pullRecords.find((record) => record.number === number);
    if (!pull) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { state: pull.state, headSha: this.pullHeads.get(number) ?? this.branches.get(pull.head)! };
  }

  async pullFiles(number: number): Promise<HostPullFile[]> {
    this.fail('pullFiles');
    return [...(this.pullFileRecords.get(number) ?? [])];
  }

  async reviewComments(number: number): Promise<HostReviewComment[]> {
    this.fail('reviewComments');
    return this.reviewCommentRecords
      .filter((comment) => comment.pull === number)
      .map((comment) => ({
        id: comment.id,
        body: comment.body,
        author: authorOf(comment.author),
        inReplyTo: comment.inReplyTo,
      }));
  }

  async reviews(number: number): Promise<HostReview[]> {
    this.fail('reviews');
    return this.reviewRecords
      .filter((review) => review.pull === number)
      .map((review) => ({
        id: review.id,
        body: review.body,
        author: authorOf(review.author),
        commitId: review.commitId,
      }));
  }

  async createReview(number: number, review: NewReview): Promise<void> {
    const write = () => {
      this.writes.push(
        `review #${number}: ${review.comments.map((comment) => `${comment.path}:${comment.startLine ? `${comment.startLine}-` : ''}${comment.line}`).join(', ') || 'no inline comments'}`,
      );
      const id = ++this.lastId;
      this.reviewRecords.push({
        id,
        pull: number,
        body: review.body,
        author: this.tokenAccount,
        commitId: review.commitId,
      });
      for (const comment of review.comments) {
        const commentId = ++this.lastId;
        this.reviewCommentRecords.push({
          id: commentId,
          pull: number,
          body: comment.body,
          author: this.tokenAccount,
          path: comment.path,
          line: comment.line,
          startLine: comment.startLine ?? null,
          inReplyTo: null,
          threadId: `PRRT_${commentId}`,
          resolved: false,
        });
      }
    };
    this.fail('createReview', write);
    write();
  }

  async updateReviewComment(id: number, body: string): Promise<void> {
    this.fail('updateReviewComment');
    this.writes.push(`edit review comment ${id}`);
    this.reviewCommentRecords.find((comment) => comment.id === id)!.body = body;
  }

  async updateComment(id: number, body: string): Promise<void> {
    this.fail('updateComment');
    this.writes.push(`edit comment ${id}`);
    this.commentRecords.find((comment) => comment.id === id)!.body = body;
  }

  async reviewThreads(number: number): Promise<Map<number, HostThread>> {
    this.fail('reviewThreads');
    const threads = new Map<number, HostThread>();
    for (const comment of this.reviewCommentRecords) {
      if (comment.pull !== number || comment.inReplyTo !== null) continue;
      threads.set(comment.id, { id: comment.threadId, isResolved: this.isResolved(comment.id) });
    }
    return threads;
  }

  async resolveThread(threadId: string): Promise<void> {
    this.fail('resolveThread');
    this.writes.push(`resolve ${threadId}`);
    for (const comment of this.reviewCommentRecords)
      if (comment.threadId === threadId) comment.resolved = true;
  }

  /** Throws the armed failure of this kind, after carrying `write` out when the response is to be lost. */
  private fail(kind: string, write?: () => void): void {
    if (!this.failures.has(kind)) return;
    const error = this.failures.get(kind);
    this.failures.delete(kind);
    if (write && this.landsBeforeFailing.delete(kind)) write();
    throw error;
  }

  // ---- internals ----

  private runBefore(kind: string): void {
    const action = this.before.get(kind);
    if (!action) return;
    this.before.delete(kind);
    action();
  }

  private pullOf(pull: StoredPull): HostPull {
    return {
      number: pull.number,
      state: pull.state,
      merged: pull.merged,
      title: pull.title,
      body: pull.body,
      url: `https://github.com/acme/webapp/pull/${pull.number}`,
      headRef: pull.head,
      author: authorOf(pull.author),
    };
  }

  private store(
    tree: Map<string, TreeEntry>,
    parents: string[],
    message: string,
    author: Account,
    committerEmail: string,
    committerId: number | null,
  ): string {
    const treeSha = hash(JSON.stringify([...tree].sort(([a], [b]) => (a < b ? -1 : 1))));
    this.trees.set(treeSha, tree);
    // Like git, a new commit gets a new SHA even with the same tree and parents (its time differs).
    const sha = hash(
      JSON.stringify([treeSha, parents, message, author.email, committerEmail, ++this.counter]),
    );
    this.commits.set(sha, { tree: treeSha, parents, author, committerEmail, committerId, message });
    return sha;
  }

  /** Every commit reachable from `sha`, newest first (breadth-first over parents). */
  private ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.commits.get(next)?.parents ?? []));
    }
    return seen;
  }
}

function authorOf(account: Account): { login: string; id: number; type?: string } {
  return { login: account.login, id: account.id, ...(account.type ? { type: account.type } : {}) };
}

function hash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}
