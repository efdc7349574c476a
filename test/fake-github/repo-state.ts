// The repository the fake serves: the bare git repository plus everything GitHub keeps beside it (pull
// requests, reviews, comments, labels, commit signatures), and the rules that tie them together — a pull
// request follows its head branch, closes when that branch is deleted or left with nothing to merge, and
// counts as merged once its head lands in the base.

import type { Hunk, Side } from './diff-hunks.js';
import { diffHunkFor, findHunk, parsePatch, positionOf } from './diff-hunks.js';
import type { CommitObject, FileChange, GitIdentity, GitStore, TreeChange } from './git-store.js';
import { ZERO_SHA } from './git-store.js';
import type { CommentAnchor, Payloads } from './payloads.js';
import { isoTime } from './payloads.js';
import type {
  DeletedRef,
  FakeTeam,
  FakeUser,
  IssueCommentRecord,
  IssueRecord,
  LabelRecord,
  PullRecord,
  ReviewCommentRecord,
  ReviewRecord,
  Verification,
} from './records.js';
import { UNSIGNED, WEB_FLOW } from './records.js';

/** File contents keyed by path; `null` deletes the path. */
export type FileMap = Record<string, string | Buffer | null>;

export interface PullDiff {
  mergeBase: string;
  headSha: string;
  files: FileChange[];
  hunks: Map<string, Hunk[]>;
}

export class RepoState {
  readonly pulls: PullRecord[] = [];
  /** Plain issues; pull requests are issues too, but live in `pulls`. */
  readonly issues: IssueRecord[] = [];
  readonly reviews: ReviewRecord[] = [];
  readonly reviewComments: ReviewCommentRecord[] = [];
  readonly issueComments: IssueCommentRecord[] = [];
  readonly labels: LabelRecord[] = [];
  readonly deletedRefs: DeletedRef[] = [];
  /** Review threads (keyed by their first comment's id) resolved through GraphQL. */
  readonly resolvedThreads = new Set<number>();
  /** Accounts with access to the repository: who can be asked to review or assigned. */
  collaborators: FakeUser[] = [];
  /** The owner's teams with access to the repository. */
  teams: FakeTeam[] = [];
  /** The repository setting "Allow GitHub Actions to create and approve pull requests". */
  actionsCanCreatePullRequests = true;

  private readonly verifications = new Map<string, Verification>();
  private readonly usersByEmail = new Map<string, FakeUser>();
  private readonly diffCache = new Map<string, PullDiff>();
  private readonly ids = {
    issue: 0,
    review: 2_000_000,
    reviewComment: 3_000_000,
    issueComment: 4_000_000,
    label: 5_000_000,
    issueRecord: 6_000_000,
  };
  private clockMs: number;
  private lastPush: string;

  constructor(
    readonly git: GitStore,
    readonly payloads: Payloads,
    readonly defaultBranch: string,
    /** Who the API token belongs to: authors of everything created through the API. */
    public tokenUser: FakeUser,
    startTime: Date,
  ) {
    this.clockMs = startTime.getTime();
    this.lastPush = isoTime(startTime);
    this.registerUser(tokenUser);
  }

  // ---- time and ids ----

  /**
   * The fake's clock. It starts at a fixed instant and moves one second per reading, so commit SHAs and
   * timestamps are the same on every run, and ordering by time matches creation order.
   */
  now(): Date {
    this.clockMs += 1000;
    return new Date(this.clockMs);
  }

  nowIso(): string {
    return isoTime(this.now());
  }

  nextIssueNumber(): number {
    return ++this.ids.issue;
  }

  nextId(kind: 'review' | 'reviewComment' | 'issueComment' | 'label' | 'issueRecord'): number {
    return ++this.ids[kind];
  }

  get pushedAt(): string {
    return this.lastPush;
  }

  // ---- users ----

  registerUser(user: FakeUser): void {
    this.usersByEmail.set(user.email.toLowerCase(), user);
  }

  /** The GitHub account a commit identity belongs to (GitHub matches by email), or null. */
  userForEmail(email: string): FakeUser | null {
    return this.usersByEmail.get(email.toLowerCase()) ?? null;
  }

  // ---- commits ----

  verificationOf(sha: string): Verification {
    return this.verifications.get(sha) ?? UNSIGNED;
  }

  /**
   * Writes a commit. Without explicit identities it is authored by the token's user and committed by
   * GitHub, and signed: that is what GitHub does for commits a bot token creates through the API.
   */
  async createCommit(input: {
    tree: string;
    parents: readonly string[];
    message: string;
    author?: Partial<GitIdentity> & { name: string; email: string };
    committer?: Partial<GitIdentity> & { name: string; email: string };
    signed: boolean;
  }): Promise<string> {
    const when = this.now();
    const author: GitIdentity = input.author
      ? { name: input.author.name, email: input.author.email, date: input.author.date ?? when }
      : { name: this.tokenUser.name, email: this.tokenUser.email, date: when };
    const committer: GitIdentity = input.committer
      ? { name: input.committer.name, email: input.committer.email, date: input.committer.date ?? when }
      : input.signed
        ? { ...WEB_FLOW, date: when }
        : author;
    const sha = await this.git.writeCommit({
      tree: input.tree,
      parents: input.parents,
      message: input.message,
      author,
      committer,
    });
    if (input.signed) {
      this.verifications.set(sha, {
        verified: true,
        reason: 'valid',
        signature: '-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQBQJmZmFrZQ==\n-----END PGP SIGNATURE-----\n',
        payload: await this.git.git(['cat-file', 'commit', sha]),
        verified_at: isoTime(when),
      });
    }
    return sha;
  }

  /** Commits `files` on top of `parent` (or as a root commit), as a person pushing from a clone would. */
  async commitFiles(
    parent: string | null,
    files: FileMap,
    message: string,
    author: FakeUser,
  ): Promise<string> {
    const changes: TreeChange[] = [];
    for (const [path, content] of Object.entries(files)) {
      const sha = content === null ? null : await this.git.writeBlob(Buffer.from(content));
      changes.push({ path, mode: '100644', type: 'blob', sha });
    }
    const base = parent ? await this.git.treeOf(parent) : null;
    const tree = await this.git.buildTree(base, changes);
    this.registerUser(author);
    return this.createCommit({
      tree,
      parents: parent ? [parent] : [],
      message,
      author: { name: author.name, email: author.email },
      signed: false,
    });
  }

  async readCommit(sha: string): Promise<CommitObject | null> {
    return this.git.readCommit(sha);
  }

  // ---- refs ----

  async branchSha(branch: string): Promise<string | null> {
    return this.git.readRef(`refs/heads/${branch}`);
  }

  /** Points a ref at `sha` (creating it if needed) and lets the pull requests react. */
  async setRef(ref: string, sha: string, expected?: string): Promise<void> {
    await this.git.updateRef(ref, sha, expected);
    this.lastPush = this.nowIso();
    await this.syncPulls();
  }

  async deleteRef(ref: string): Promise<void> {
    const sha = await this.git.readRef(ref);
    if (sha === null) return;
    await this.git.deleteRef(ref);
    this.deletedRefs.push({ ref, sha, at: this.nowIso() });
    await this.syncPulls();
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.setRef(`refs/heads/${branch}`, sha, ZERO_SHA);
  }

  // ---- pull requests ----

  findPull(number: number): PullRecord | undefined {
    return this.pulls.find((pr) => pr.number === number);
  }

  /**
   * Brings every open pull request up to date with the branches, whoever moved them (the API, a seeding
   * helper, or a test pushing into the bare repository with git): a deleted head or base closes it; a head
   * with nothing left to merge closes it; a base that now contains the head marks it merged.
   */
  async syncPulls(): Promise<void> {
    const open = this.pulls.filter((pr) => pr.state === 'open');
    if (open.length === 0) return;
    const branches = new Map(
      (await this.git.listRefs('refs/heads/')).map(({ ref, sha }) => [ref.slice('refs/heads/'.length), sha]),
    );
    for (const pr of open) {
      const head = branches.get(pr.head);
      const base = branches.get(pr.base);
      if (head === undefined || base === undefined) {
        this.close(pr);
        continue;
      }
      if (head === pr.headSha && base === pr.baseSha) continue;
      const headMoved = head !== pr.headSha;
      pr.headSha = head;
      pr.baseSha = base;
      pr.updatedAt = this.nowIso();
      if (await this.git.isAncestor(head, base)) {
        if (headMoved) this.close(pr);
        else this.markMerged(pr, base);
      }
    }
  }

  close(pr: PullRecord): void {
    const at = this.nowIso();
    pr.state = 'closed';
    pr.closedAt = at;
    pr.updatedAt = at;
  }

  markMerged(pr: PullRecord, mergeCommitSha: string): void {
    this.close(pr);
    pr.merged = true;
    pr.mergedAt = pr.closedAt;
    pr.mergeCommitSha = mergeCommitSha;
  }

  /** The pull request's diff as GitHub computes it: from the merge base of base and head to the head. */
  async pullDiff(pr: PullRecord, headSha: string = pr.headSha): Promise<PullDiff> {
    const key = `${pr.baseSha}..${headSha}`;
    const cached = this.diffCache.get(key);
    if (cached) return cached;
    const mergeBase = (await this.git.mergeBase(pr.baseSha, headSha)) ?? pr.baseSha;
    const files = await this.git.diffFiles(mergeBase, headSha);
    const hunks = new Map(files.map((file) => [file.filename, parsePatch(file.patch)]));
    const diff: PullDiff = { mergeBase, headSha, files, hunks };
    this.diffCache.set(key, diff);
    return diff;
  }

  /** Commits the pull request adds, oldest first (the order GitHub lists them in). */
  async pullCommits(pr: PullRecord): Promise<string[]> {
    return this.git.revList([pr.headSha, `^${pr.baseSha}`], { reverse: true });
  }

  // ---- review comments ----

  /**
   * Where a review comment sits now. A comment stays on its line while its file is unchanged since the
   * commit it was posted on; once the file changes it becomes outdated (`line: null`, `position: null`), as
   * GitHub reports comments whose code has moved on.
   */
  async anchorNow(comment: ReviewCommentRecord, pr: PullRecord): Promise<CommentAnchor> {
    const original: CommentAnchor = {
      line: comment.originalLine,
      startLine: comment.originalStartLine,
      position: comment.originalPosition,
      commitId: comment.originalCommitId,
    };
    if (comment.originalCommitId === pr.headSha) return original;
    const blobAt = (commit: string) =>
      this.git.git(['rev-parse', '--verify', '--quiet', `${commit}:${comment.path}`], { okCodes: [1, 128] });
    const before = await blobAt(comment.originalCommitId);
    const after = await blobAt(pr.headSha);
    const hunks = (await this.pullDiff(pr)).hunks.get(comment.path) ?? [];
    const position = positionOf(hunks, comment.side, comment.originalLine);
    if (before.trim() === '' || before !== after || position === undefined) {
      return { line: null, startLine: null, position: null, commitId: comment.originalCommitId };
    }
    return { ...original, position, commitId: pr.headSha };
  }

  /** The `diff_hunk` to store with a new comment anchored at `line` on `side` of `path`. */
  diffHunk(diff: PullDiff, path: string, side: Side, line: number): string {
    return diffHunkFor(diff.hunks.get(path) ?? [], side, line) ?? '';
  }

  hunkAt(diff: PullDiff, path: string, side: Side, line: number): Hunk | undefined {
    return findHunk(diff.hunks.get(path) ?? [], side, line);
  }

  /** The collaborator with this login (GitHub compares logins without case), or undefined. */
  collaborator(login: string): FakeUser | undefined {
    return this.collaborators.find((user) => user.login.toLowerCase() === login.toLowerCase());
  }

  team(slug: string): FakeTeam | undefined {
    return this.teams.find((team) => team.slug.toLowerCase() === slug.toLowerCase());
  }

  // ---- labels ----

  /** The repository's label with this name (GitHub compares case-insensitively), created when missing. */
  ensureLabel(name: string): LabelRecord {
    const existing = this.labels.find((label) => label.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    // Adding an unknown label to an issue creates it, with GitHub's default grey.
    const label: LabelRecord = { id: this.nextId('label'), name, color: 'ededed', description: null };
    this.labels.push(label);
    return label;
  }

  labelsOf(pr: { labels: readonly string[] }): LabelRecord[] {
    return pr.labels.map((name) => this.ensureLabel(name));
  }
}
