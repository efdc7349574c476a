// The one remediation pull request: read what GitHub holds (snapshot), decide (remediation/plan.ts), write the
// few steps the plan names (apply). Every write that could replace or remove commits is a compare-and-swap on
// the branch; when one finds the branch moved, the run reads again and decides again, so a person's push that
// lands in the middle of a run is seen, and kept, rather than overwritten.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileChange } from '../../model.js';
import type { DeliveryState, PullRequestState } from '../../report/pr-body.js';
import { commitMessage } from '../remediation/commit-message.js';
import { DEFAULT_NOTES, extractNotes, renderNotesSection } from '../remediation/notes.js';
import {
  CLOSED_AS_DONE,
  COMMIT_TRAILER,
  isOwnCommitIdentity,
  planRemediation,
  type FixedFile,
  type Plan,
  type RemediationBranch,
  type Snapshot,
} from '../remediation/plan.js';
import {
  apiErrorOf,
  call,
  DeliveryError,
  explainApiError,
  isPullRequestAlreadyExists,
  isPullRequestsNotPermitted,
} from './errors.js';
import { handPullRequestTo, type PullPeople } from './pull-people.js';
import type { HostComment, HostIdentity, HostPull, RepoHost } from './repo-host.js';
import { blobSha, workspaceStoredForm, type StoredForm } from '../stored-form.js';

export { COMMIT_TRAILER };

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
  /** The branch the workspace is a checkout of (refs/heads/… of the event), or null when it is none. */
  checkoutBranch: string | null;
  changes: readonly FileChange[];
  /** The pull request's title; a change of it is written on the next run (it is part of the rendering). */
  title: string;
  /** The first line of the commits the run writes (the trailer is added below it). */
  commitSubject: string;
  /** Asked to review and assigned when the pull request opens, never on later runs. */
  people: PullPeople;
  /** The body for these findings, carrying the delivery's own state and the people-editable notes section. */
  renderBody: (delivery: DeliveryState, notes: string) => string;
  /** Digest of the findings' fingerprints; a PR closed unmerged stays closed while it is the same. */
  stateDigest: string;
  /** Reads the state block back out of an earlier PR body (null when it carries none). */
  readState: (body: string) => PullRequestState | null;
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

/** A concurrent writer (a person, another sweep) moved the branch between reading and writing: read again. */
const RETRY = Symbol('retry');
const ATTEMPTS = 3;

export async function deliverRemediationPullRequest(
  host: RepoHost,
  request: RemediationRequest,
  log: Logger,
): Promise<RemediationOutcome> {
  const identity = await call('learn which account the token acts as', () => host.identity());
  const rendered = digest(`${request.title}\n${request.renderBody({}, renderNotesSection(DEFAULT_NOTES))}`);
  const stored = workspaceStoredForm(request.workspace);
  const fixes = readFixes(request, stored, log);
  for (let attempt = 1; ; attempt++) {
    const snapshot = await readSnapshot(host, request, identity, stored);
    const plan = planRemediation(snapshot, {
      branch: request.branch,
      fixes,
      stateDigest: request.stateDigest,
      rendered,
      dryRun: request.dryRun,
    });
    for (const message of plan.messages) log[message.level](message.text);
    const outcome = await apply(host, plan, snapshot, request, rendered, log);
    if (outcome !== RETRY) return outcome;
    if (attempt === ATTEMPTS) {
      log.warning(
        `\`${request.branch}\` kept moving while this run wrote to it (another run or a person is working on it); it is left to them.`,
      );
      return none(null);
    }
    log.info(`\`${request.branch}\` moved while this run was writing; reading it again.`);
  }
}

function none(pull: HostPull | null): RemediationOutcome {
  return {
    operation: 'none',
    number: pull?.number ?? null,
    url: pull?.url ?? null,
    failure: null,
    pushedFiles: [],
  };
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The fixed files with the blob SHA of the checked-out copy they were computed from, both in the form git
 * stores (an `eol=crlf` checkout's fix goes in with the repository's LF endings). A file whose stored form
 * cannot be reproduced (a filter other than end-of-line conversion) is left out with a warning.
 */
function readFixes(request: RemediationRequest, stored: StoredForm, log: Logger): FixedFile[] {
  const fixes: FixedFile[] = [];
  for (const change of request.changes) {
    const original = readFileSync(join(request.workspace, change.file));
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? '\uFEFF' : '';
    const content = stored.content(change.file, Buffer.from(bom + change.after, 'utf8'));
    if (!content) {
      log.warning(
        `${change.file}: git stores it through a filter this tool cannot reproduce; its fix is left out.`,
      );
      continue;
    }
    fixes.push({
      path: change.file,
      original: stored.sha(change.file, original),
      content,
      blob: blobSha(content),
    });
  }
  return fixes;
}

function checkoutBlob(workspace: string, path: string, stored: StoredForm): string | null {
  try {
    return stored.sha(path, readFileSync(join(workspace, path)));
  } catch {
    return null;
  }
}

async function readSnapshot(
  host: RepoHost,
  request: RemediationRequest,
  identity: HostIdentity,
  stored: StoredForm,
): Promise<Snapshot> {
  const repository = await call('read the repository', () => host.repository());
  const base = request.base ?? repository.defaultBranch;
  const baseSha = await call(`read the base branch ${base}`, () => host.branchHead(base));
  if (baseSha === null) throw new DeliveryError(`The base branch ${base} does not exist.`);
  const baseCommit = await call('read the base commit', () => host.commitTree(baseSha));
  const baseTree = await call('read the base tree', () => host.tree(baseCommit.tree));
  const pulls = await call('list pull requests', () => host.pulls(request.branch));

  const comments = new Map<number, HostComment[]>();
  const states = new Map<number, PullRequestState | null>();
  const open = pulls.find((pull) => pull.state === 'open');
  const closed = pulls.find((pull) => pull.state === 'closed');
  for (const pull of [open, closed]) {
    if (!pull) continue;
    comments.set(
      pull.number,
      await call(`read the comments of #${pull.number}`, () => host.comments(pull.number)),
    );
    states.set(pull.number, request.readState(pull.body));
  }

  let branch: RemediationBranch | null = null;
  const head = await call(`read the branch ${request.branch}`, () => host.branchHead(request.branch));
  if (head !== null) {
    const comparison = await call(`compare ${base} with ${request.branch}`, () =>
      host.compare(baseSha, head),
    );
    const [below, top] = comparison.commits;
    let emptyTop = false;
    if (comparison.commits.length === 2 && below && top && isOwnCommitIdentity(top, identity)) {
      // Possibly the REST swap's holding commit: it holds nothing when its tree is the one below it.
      const [belowCommit, topCommit] = await call('read the commits of the branch', () =>
        Promise.all([host.commitTree(below.sha), host.commitTree(top.sha)]),
      );
      emptyTop = belowCommit.tree === topCommit.tree;
    }
    let headTree = null;
    if (comparison.commits.length === 1 || emptyTop) {
      const headCommit = await call('read the head of the branch', () => host.commitTree(head));
      headTree = await call('read the tree of the branch', () => host.tree(headCommit.tree));
    }
    branch = { head, commits: comparison.commits, files: comparison.files, headTree, emptyTop };
  }

  const checkoutBlobs = new Map<string, string | null>();
  for (const path of branch?.files ?? [])
    checkoutBlobs.set(path, checkoutBlob(request.workspace, path, stored));
  return {
    identity,
    base,
    baseSha,
    baseTreeSha: baseCommit.tree,
    baseTree,
    checkoutBranch: request.checkoutBranch,
    checkoutBlobs,
    branch,
    pulls,
    comments,
    states,
  };
}

async function apply(
  host: RepoHost,
  plan: Plan,
  snapshot: Snapshot,
  request: RemediationRequest,
  rendered: string,
  log: Logger,
): Promise<RemediationOutcome | typeof RETRY> {
  const { branch } = request;
  switch (plan.kind) {
    case 'none':
      return none(plan.pull);
    case 'leave':
      if (plan.pull && plan.comment !== null) {
        const pull = plan.pull;
        await call(`comment on #${pull.number}`, () => host.comment(pull.number, plan.comment as string));
      }
      return none(plan.pull);
    case 'close': {
      const { pull } = plan;
      if (plan.deleteHead !== null) {
        const head = plan.deleteHead;
        const swapped = await call(`delete the branch ${branch}`, () => host.swapBranch(branch, head, null));
        if (swapped === 'moved') return RETRY;
      }
      const done = `${snapshot.base} now contains every cookie fix this pull request proposed (or the findings are gone), so it is no longer needed.`;
      const body =
        plan.deleteHead !== null
          ? `${done} Closing it and deleting \`${branch}\`.\n\n${CLOSED_AS_DONE}`
          : `${done} Closing it, but \`${branch}\` is kept because ${plan.keptBecause ?? 'it is not the branch cookie-hardener wrote'}: delete it once that work is no longer needed.\n\n${CLOSED_AS_DONE}`;
      await call(`comment on #${pull.number}`, () => host.comment(pull.number, body));
      await call(`close #${pull.number}`, () => host.updatePull(pull.number, { state: 'closed' }));
      log.info(
        `Closed #${pull.number}: ${snapshot.base} already contains every fix${plan.deleteHead === null ? `; \`${branch}\` was kept` : ''}.`,
      );
      return { ...none(pull), operation: 'closed' };
    }
    case 'deliver':
      return deliver(host, plan, snapshot, request, rendered, log);
  }
}

async function deliver(
  host: RepoHost,
  plan: Extract<Plan, { kind: 'deliver' }>,
  snapshot: Snapshot,
  request: RemediationRequest,
  rendered: string,
  log: Logger,
): Promise<RemediationOutcome | typeof RETRY> {
  const { branch } = request;
  const step = plan.branchStep;
  let head: string;
  if (step.kind === 'keep') {
    head = step.head;
  } else {
    const message = commitMessage(request.commitSubject, step.files.length);
    head = await call('create the fixed tree and commit', () =>
      host.createCommit(snapshot.baseSha, snapshot.baseTreeSha, step.files, message),
    );
    const written = head;
    const swapped =
      step.kind === 'create'
        ? await call(`create the branch ${branch}`, () => host.createBranch(branch, written))
        : await call(`update ${branch}`, () => host.swapBranch(branch, step.expected, written));
    if (swapped === 'moved') return RETRY;
  }
  const branchChanged = step.kind !== 'keep';
  const pushed = { failure: null, pushedFiles: plan.files };
  const notes = (plan.notesFrom === null ? null : extractNotes(plan.notesFrom)) ?? DEFAULT_NOTES;
  const body = request.renderBody({ head, rendered }, renderNotesSection(notes));

  if (plan.pull) {
    const pull = plan.pull;
    if (plan.rewrite) {
      await call(`update #${pull.number}`, () =>
        host.updatePull(pull.number, { title: request.title, body }),
      );
    }
    const operation = branchChanged || plan.rewrite ? 'updated' : 'none';
    log.info(operation === 'updated' ? `Updated #${pull.number}.` : `#${pull.number} is already up to date.`);
    return { ...pushed, operation, number: pull.number, url: pull.url };
  }

  let created: HostPull;
  try {
    created = await host.createPull({
      title: request.title,
      body,
      head: branch,
      base: snapshot.base,
      draft: request.draft,
    });
  } catch (error) {
    const api = apiErrorOf(error);
    // Opened by a concurrent run between our listing and now: read again and adopt it.
    if (api && isPullRequestAlreadyExists(api)) return RETRY;
    if (api && isPullRequestsNotPermitted(api)) {
      const compare = `${request.serverUrl}/${request.owner}/${request.repo}/compare/${encodeURI(snapshot.base)}...${encodeURI(branch)}?expand=1`;
      return {
        ...none(null),
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
  if (request.labels.length > 0) {
    await call(`label #${created.number}`, () => host.addLabels(created.number, request.labels));
  }
  await handPullRequestTo(host, created.number, request.people, snapshot.identity, log);
  log.info(`Opened #${created.number}: ${created.url}`);
  log.notice(
    'Pull requests opened with the workflow token do not start other workflows (no CI runs on them until someone ' +
      'pushes). Pass a GitHub App token as `token` if checks must run on the remediation pull request.',
  );
  return { ...pushed, operation: 'created', number: created.number, url: created.url };
}
