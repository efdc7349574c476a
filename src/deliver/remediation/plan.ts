// The remediation pull request's decisions, as a pure function of what the run saw: the base branch as it is
// on GitHub, the remediation branch and its commits, the pull requests and their comments, the checkout, and
// the fixes. Nothing here reads or writes anything; apply.ts performs the steps, and a compare-and-swap that
// finds the branch moved sends the run back here with a fresh snapshot.
import type { DeliveryState, PullRequestState } from '../../report/pr-body.js';
import type {
  HostComment,
  HostCommit,
  HostIdentity,
  HostPull,
  NewFile,
  TreeEntry,
} from '../github/repo-host.js';
import { isSelf } from '../github/identity.js';

/** Marks our commits' messages (informational only: ownership is decided by identity and SHA). */
export const COMMIT_TRAILER = 'Generated-by: cookie-hardener';
export const HUMAN_COMMITS_MARKER = '<!-- cookie-hardener:human-commits';
/** Ends the comment of a pull request this tool closed because the base held every fix (not a human's "no"). */
export const CLOSED_AS_DONE = '<!-- cookie-hardener:closed-as-done -->';
/** GitHub's committer for commits it creates through the API and signs on a token's behalf ("web-flow"). */
const WEB_FLOW_EMAIL = 'noreply@github.com';

export interface FixedFile {
  path: string;
  /** Git blob SHA of the checked-out file the fix was computed from. */
  original: string;
  /** The fixed bytes, and their blob SHA. */
  content: Buffer;
  blob: string;
}

export interface RemediationBranch {
  head: string;
  /** Commits on the branch that the base does not have, oldest first. */
  commits: HostCommit[];
  /** Paths the branch changes against the base (what the pull request shows). */
  files: string[];
  /** The head commit's tree, read when the branch is one commit on top of something (or two, see emptyTop). */
  headTree: Map<string, TreeEntry> | null;
  /**
   * Whether the branch is two commits and the newer one, made by the token's identity, changes no file (its tree
   * is its parent's): what the REST swap's holding commit leaves when a run stops between its two writes.
   */
  emptyTop: boolean;
}

export interface Snapshot {
  identity: HostIdentity;
  base: string;
  baseSha: string;
  baseTreeSha: string;
  baseTree: Map<string, TreeEntry>;
  /** The branch the workspace is a checkout of (from the event), or null when it is no branch. */
  checkoutBranch: string | null;
  /** Blob SHAs of the workspace's files at the paths the decision needs (null: no such file). */
  checkoutBlobs: Map<string, string | null>;
  branch: RemediationBranch | null;
  /** Ours by head branch, newest first. */
  pulls: HostPull[];
  /** Comments of the pull requests the decision reads (the open one and the newest closed one). */
  comments: Map<number, HostComment[]>;
  /** The state block of a pull request body, already parsed (only bodies written by the token's identity). */
  states: Map<number, PullRequestState | null>;
}

export interface PlanRequest {
  branch: string;
  fixes: readonly FixedFile[];
  /** Digest of the findings' fingerprints; a pull request closed unmerged stays closed while it is the same. */
  stateDigest: string;
  /** Digest of the title and body as rendered for these findings (without the delivery's own fields). */
  rendered: string;
  dryRun: boolean;
}

export type Message = { level: 'info' | 'notice' | 'warning'; text: string };

export type BranchStep =
  | { kind: 'keep'; head: string }
  | { kind: 'create'; files: NewFile[] }
  | { kind: 'move'; expected: string; files: NewFile[] };

export type Plan =
  /** Nothing to write; the messages say why. `pull` is the pull request to report in the outputs. */
  | { kind: 'none'; messages: Message[]; pull: HostPull | null }
  /** The branch holds someone else's work: leave it, say so once on the pull request. */
  | { kind: 'leave'; messages: Message[]; pull: HostPull | null; comment: string | null }
  | {
      kind: 'close';
      messages: Message[];
      pull: HostPull;
      /** The branch head to delete (compare-and-swap), or null when the branch must be kept. */
      deleteHead: string | null;
      keptBecause: string | null;
    }
  | {
      kind: 'deliver';
      messages: Message[];
      branchStep: BranchStep;
      /** The open pull request to update, or null to open one. */
      pull: HostPull | null;
      /** Whether the open pull request's title and body must be written even if the branch stays. */
      rewrite: boolean;
      notesFrom: string | null;
      files: string[];
    };

/** Commits name accounts by id only: with no id on either side, nothing is ours. */
export function isOwnCommitIdentity(commit: HostCommit, identity: HostIdentity): boolean {
  if (identity.id === null || !isSelf({ id: commit.authorId }, identity)) return false;
  return (
    isSelf({ id: commit.committerId }, identity) || commit.committerEmail.toLowerCase() === WEB_FLOW_EMAIL
  );
}

/**
 * The branch as the ownership rules judge it: an empty commit of the token's identity on top of one other commit
 * holds no change that replacing it could lose, so it is set aside and the commit below is judged.
 */
function withoutEmptyTop(branch: RemediationBranch, identity: HostIdentity): RemediationBranch {
  const [below, top] = branch.commits;
  if (!branch.emptyTop || branch.commits.length !== 2 || !below || !top) return branch;
  if (!isOwnCommitIdentity(top, identity) || top.parents.length !== 1 || top.parents[0] !== below.sha) {
    return branch;
  }
  return { ...branch, head: below.sha, commits: [below], emptyTop: false };
}

/** The files the base tree would have after the fixes. */
function wantedTree(snapshot: Snapshot, fixes: readonly FixedFile[]): Map<string, string> {
  const tree = new Map([...snapshot.baseTree].map(([path, entry]) => [path, entry.sha]));
  for (const fix of fixes) tree.set(fix.path, fix.blob);
  return tree;
}

/** Whether the branch is exactly one commit on the current base holding exactly `tree`. */
function holdsExactly(snapshot: Snapshot, branch: RemediationBranch, tree: Map<string, string>): boolean {
  const [only] = branch.commits;
  if (branch.commits.length !== 1 || !only || only.sha !== branch.head) return false;
  if (only.parents.length !== 1 || only.parents[0] !== snapshot.baseSha || !branch.headTree) return false;
  if (branch.headTree.size !== tree.size) return false;
  for (const [path, sha] of tree) if (branch.headTree.get(path)?.sha !== sha) return false;
  return true;
}

/**
 * Whether the branch's one commit already shows exactly these fixes against the current base: it changes
 * exactly the fixed files, each to its fixed content, so rebuilding it on a base that only moved elsewhere
 * would change nothing a reviewer sees (and would churn the branch, its checks and the body).
 */
function stillCurrent(branch: RemediationBranch, fixes: readonly FixedFile[]): boolean {
  if (!branch.headTree || branch.commits.length !== 1) return false;
  const paths = new Set(fixes.map((fix) => fix.path));
  if (branch.files.length !== paths.size || !branch.files.every((path) => paths.has(path))) return false;
  return fixes.every((fix) => branch.headTree?.get(fix.path)?.sha === fix.blob);
}

/**
 * Ours means: one commit on top of a base commit, made by the token's identity, and exactly the commit the
 * tool recorded as its last (or, when the record is missing, exactly the commit it would write now). An amended
 * commit keeps message and trailer but not SHA or author, so it is someone else's.
 */
export function ownsBranch(
  snapshot: Snapshot,
  branch: RemediationBranch,
  recordedHead: string | undefined,
  tree: Map<string, string> | null,
): boolean {
  // A branch the base already contains holds nothing that moving or deleting it could lose.
  if (branch.commits.length === 0) return true;
  const [only] = branch.commits;
  if (branch.commits.length !== 1 || !only || only.sha !== branch.head) return false;
  if (!isOwnCommitIdentity(only, snapshot.identity)) return false;
  if (recordedHead !== undefined && only.sha === recordedHead) return true;
  return tree !== null && holdsExactly(snapshot, branch, tree);
}

/** The commits that make the branch someone else's: all but the one the tool recorded as its own. */
function foreignCommits(
  snapshot: Snapshot,
  branch: RemediationBranch,
  recordedHead: string | undefined,
): HostCommit[] {
  return branch.commits.filter(
    (commit) => !(commit.sha === recordedHead && isOwnCommitIdentity(commit, snapshot.identity)),
  );
}

/** The newest pull request with a trusted state block: the open one, else the newest closed one. */
function trustedState(snapshot: Snapshot, pull: HostPull | null): PullRequestState | null {
  if (!pull || !isSelf(pull.author, snapshot.identity)) return null;
  return snapshot.states.get(pull.number) ?? null;
}

function selfComments(snapshot: Snapshot, pull: HostPull): HostComment[] {
  return (snapshot.comments.get(pull.number) ?? []).filter((comment) =>
    isSelf(comment.author, snapshot.identity),
  );
}

export function humanCommitsMarker(head: string): string {
  return `${HUMAN_COMMITS_MARKER} ${head} -->`;
}

export function planRemediation(snapshot: Snapshot, request: PlanRequest): Plan {
  const messages: Message[] = [];
  const { base } = snapshot;
  // Ownership is judged without an empty holding commit on top; writes still compare-and-swap the real head.
  const head = snapshot.branch?.head ?? null;
  const branch = snapshot.branch && withoutEmptyTop(snapshot.branch, snapshot.identity);
  const open = snapshot.pulls.find((pull) => pull.state === 'open') ?? null;
  const none = (pull: HostPull | null = open): Plan => ({ kind: 'none', messages, pull });

  if (snapshot.checkoutBranch !== base) {
    messages.push({
      level: 'notice',
      text:
        `This run's checkout is ${snapshot.checkoutBranch === null ? 'not a branch' : `\`${snapshot.checkoutBranch}\``}, ` +
        `not the pull request's base \`${base}\`, so it only reports: the remediation pull request follows runs on ${base}.`,
    });
    return none();
  }
  if (open && !isSelf(open.author, snapshot.identity)) {
    messages.push({
      level: 'notice',
      text:
        `#${open.number} on \`${request.branch}\` was opened by ${open.author ? `@${open.author.login}` : 'someone else'}, ` +
        "not by the identity of this run's token, so cookie-hardener edits neither it nor its branch.",
    });
    return none();
  }

  // Only files whose base version is exactly what was fixed: if the base moved on, the fix is not ours to push.
  const fixes: FixedFile[] = [];
  for (const fix of request.fixes) {
    if (snapshot.baseTree.get(fix.path)?.sha !== fix.original) {
      messages.push({
        level: 'warning',
        text: `${fix.path} differs on ${base} from the checked-out copy; its fix is left for the next run.`,
      });
      continue;
    }
    fixes.push(fix);
  }
  if (fixes.length === 0 && request.fixes.length > 0) {
    messages.push({
      level: 'warning',
      text: `${base} moved on since this checkout; the pull request is left as it is until the next run.`,
    });
    return none();
  }

  const closed = snapshot.pulls.find((pull) => pull.state === 'closed') ?? null;
  const state = trustedState(snapshot, open) ?? (open ? null : trustedState(snapshot, closed));
  const recordedHead = state?.delivery?.head;

  if (fixes.length === 0) {
    if (!open) {
      messages.push({ level: 'info', text: 'Nothing to fix on the base branch; no pull request is needed.' });
      return none(null);
    }
    // "The base contains every fix" is a claim about the base on GitHub: every file the pull request changes
    // must be, on the base, the very file this run scanned and found nothing to fix in.
    const stale = branch
      ? branch.files.filter(
          (path) => (snapshot.baseTree.get(path)?.sha ?? null) !== (snapshot.checkoutBlobs.get(path) ?? null),
        )
      : null;
    if (stale === null || stale.length > 0) {
      messages.push({
        level: 'warning',
        text:
          stale === null
            ? `\`${request.branch}\` is gone, so this run cannot tell whether ${base} holds its fixes; #${open.number} is left as it is.`
            : `${stale.join(', ')} on ${base} is not the checked-out copy; #${open.number} is left as it is until a run sees ${base} as it is now.`,
      });
      return none();
    }
    if (request.dryRun) {
      messages.push({
        level: 'info',
        text: `Dry run: would close #${open.number}, because ${base} already contains every fix.`,
      });
      return none();
    }
    const ours = branch !== null && ownsBranch(snapshot, branch, recordedHead, null);
    const foreign = branch && !ours ? foreignCommits(snapshot, branch, recordedHead) : [];
    return {
      kind: 'close',
      messages,
      pull: open,
      deleteHead: ours ? head : null,
      keptBecause:
        foreign.length > 0
          ? `it holds ${foreign.length} commit(s) that cookie-hardener did not make (${foreign.map((commit) => commit.sha.slice(0, 7)).join(', ')})`
          : null,
    };
  }

  if (!open && closed && !closed.merged && isSelf(closed.author, snapshot.identity)) {
    const closedAsDone = selfComments(snapshot, closed).some((comment) =>
      comment.body.includes(CLOSED_AS_DONE),
    );
    if (state?.digest === request.stateDigest && !closedAsDone) {
      messages.push({
        level: 'notice',
        text:
          `#${closed.number} proposed these same fixes and was closed without merging, so it is not reopened. ` +
          'A new pull request opens when the set of findings changes.',
      });
      return none(closed);
    }
  }

  if (request.dryRun) {
    messages.push({
      level: 'info',
      text: `Dry run: would ${open ? `update #${open.number}` : 'open a pull request'} on ${request.branch} changing ${fixes.map((fix) => fix.path).join(', ')}.`,
    });
    return none();
  }

  const tree = wantedTree(snapshot, fixes);
  const files = fixes.map((fix) => fix.path);
  const newFiles = fixes.map((fix) => ({
    path: fix.path,
    mode: snapshot.baseTree.get(fix.path)?.mode ?? '100644',
    content: fix.content,
  }));
  let branchStep: BranchStep;
  if (!branch) {
    branchStep = { kind: 'create', files: newFiles };
  } else if (!ownsBranch(snapshot, branch, recordedHead, tree)) {
    const foreign = foreignCommits(snapshot, branch, recordedHead);
    const text =
      `\`${request.branch}\` has ${foreign.length} commit(s) that cookie-hardener did not make ` +
      `(${foreign.map((commit) => commit.sha.slice(0, 7)).join(', ')}), so it is left as it is: updating it would ` +
      'overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.';
    messages.push({ level: 'warning', text });
    const marker = humanCommitsMarker(head ?? branch.head);
    const said = open ? selfComments(snapshot, open).some((comment) => comment.body.includes(marker)) : true;
    return { kind: 'leave', messages, pull: open, comment: said ? null : `${text}\n\n${marker}` };
  } else if (branch.head === head && (holdsExactly(snapshot, branch, tree) || stillCurrent(branch, fixes))) {
    branchStep = { kind: 'keep', head: branch.head };
  } else {
    branchStep = { kind: 'move', expected: head ?? branch.head, files: newFiles };
  }

  return {
    kind: 'deliver',
    messages,
    branchStep,
    pull: open,
    // A person's edit of the body survives every run whose rendering and branch did not change.
    rewrite:
      open !== null &&
      (branchStep.kind !== 'keep' ||
        state === null ||
        state.delivery?.rendered !== request.rendered ||
        state.delivery?.head !== branchStep.head),
    notesFrom: open ? open.body : null,
    files,
  };
}

export type { DeliveryState };
