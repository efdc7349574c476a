// The remediation pull request's decisions against an in-memory GitHub: who owns the branch, what may be
// overwritten or deleted, what happens when someone moves the branch in the middle of a run, whose markers
// count, and when the body is written.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deliverRemediationPullRequest,
  type RemediationRequest,
} from '../../src/deliver/github/remediation-pr.js';
import { DEFAULT_NOTES, renderNotesSection } from '../../src/deliver/remediation/notes.js';
import { CLOSED_AS_DONE, humanCommitsMarker } from '../../src/deliver/remediation/plan.js';
import type { DeliveryState, PullRequestState } from '../../src/report/pr-body.js';
import { BOT, HUMAN, MemoryHost, OUTSIDER } from './memory-host.js';

const BRANCH = 'cookie-hardener/remediation';
const WEAK = "res.cookie('sid', v);\n";
const FIXED = "res.cookie('sid', v, { httpOnly: true, secure: true });\n";
const WEAK_2 = "res.cookie('token', t);\n";
const FIXED_2 = "res.cookie('token', t, { httpOnly: true, secure: true });\n";
const MESSAGE =
  'Harden cookie flags\n\nAdds the missing HttpOnly / Secure cookie flags in 1 file; the pull request explains each change.\n\nGenerated-by: cookie-hardener';
const STATE = '<!-- test-state ';

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-plan-'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(folder, path), text);
  return folder;
}

/** A body that carries the state the way the real one does, in a form the test can read at a glance. */
function renderBody(findings: string) {
  return (delivery: DeliveryState, notes: string) =>
    `Fixes ${findings}.\n\n${notes}\n\n${STATE}${JSON.stringify({ digest: findings, ...delivery })} -->\n`;
}

/** What the state records as the rendering: a SHA-256 of the title and the body as first rendered. */
function renderedDigest(findings: string): string {
  const body = renderBody(findings)({}, renderNotesSection(DEFAULT_NOTES));
  return createHash('sha256').update(`Harden cookie flags\n${body}`).digest('hex');
}

function readState(body: string): PullRequestState | null {
  const at = body.lastIndexOf(STATE);
  if (at === -1) return null;
  const json = body.slice(at + STATE.length, body.indexOf(' -->', at));
  const { digest, head, rendered } = JSON.parse(json) as { digest: string } & DeliveryState;
  return {
    version: 1,
    fingerprints: [],
    outcomes: {},
    digest,
    complete: false,
    delivery: { ...(head ? { head } : {}), ...(rendered ? { rendered } : {}) },
  };
}

function request(
  folder: string,
  changes: Record<string, [string, string]>,
  checkout = 'main',
): RemediationRequest {
  const findings = Object.keys(changes).sort().join('+') || 'nothing';
  return {
    owner: 'acme',
    repo: 'webapp',
    branch: BRANCH,
    base: null,
    labels: [],
    draft: false,
    dryRun: false,
    workspace: folder,
    checkoutBranch: checkout,
    changes: Object.entries(changes).map(([file, [before, after]]) => ({ file, before, after, edits: [] })),
    title: 'Harden cookie flags',
    commitSubject: 'Harden cookie flags',
    people: { reviewers: [], teamReviewers: [], assignees: [] },
    renderBody: renderBody(findings),
    stateDigest: findings,
    readState,
    serverUrl: 'https://github.com',
  };
}

function logger() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (text: string) => lines.push(`info: ${text}`),
      notice: (text: string) => lines.push(`notice: ${text}`),
      warning: (text: string) => lines.push(`warning: ${text}`),
    },
  };
}

async function sweep(host: MemoryHost, req: RemediationRequest) {
  const { lines, log } = logger();
  const outcome = await deliverRemediationPullRequest(host, req, log);
  return { outcome, lines };
}

/** A repository whose main has one weak cookie, after a first sweep opened #1. */
async function opened() {
  const host = new MemoryHost({ 'app.js': WEAK });
  const folder = workspace({ 'app.js': WEAK });
  const first = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
  expect(first.outcome.operation).toBe('created');
  host.writes.length = 0;
  return { host, folder, botCommit: host.branches.get(BRANCH)! };
}

/** What the REST swap leaves when it stops after its first write: an empty commit of the token's on the branch. */
async function holdingCommit(host: MemoryHost, parent: string): Promise<string> {
  const { tree } = await host.commitTree(parent);
  const hold = await host.createCommit(
    parent,
    tree,
    [],
    'cookie-hardener: hold the branch while it is replaced',
  );
  host.branches.set(BRANCH, hold);
  return hold;
}

/** main gets the fix by hand; the checkout follows. */
function fixMain(host: MemoryHost, folder: string) {
  host.push('main', { 'app.js': FIXED });
  writeFileSync(join(folder, 'app.js'), FIXED);
}

describe('the remediation pull request against an in-memory GitHub', () => {
  it('opens one pull request, records its commit, and a second run writes nothing', async () => {
    const { host, folder, botCommit } = await opened();
    expect(readState(host.pullRecords[0]!.body)?.delivery?.head).toBe(botCommit);
    const again = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(again.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
  });

  it('deletes its own branch when main holds every fix (compare-and-swap on the recorded head)', async () => {
    const { host, folder } = await opened();
    fixMain(host, folder);
    const run = await sweep(host, request(folder, {}));
    expect(run.outcome.operation).toBe('closed');
    expect(host.writes).toEqual(['delete cookie-hardener/remediation', 'comment #1', 'update #1: state']);
  });

  // Item 1: closing must never delete a branch holding a commit the bot did not make.
  it('closes but keeps a branch with a person’s commit, and says why', async () => {
    const { host, folder } = await opened();
    const human = host.push(BRANCH, { 'NOTES.md': 'reviewed\n' }, HUMAN, 'Reviewer notes');
    fixMain(host, folder);
    const run = await sweep(host, request(folder, {}));
    expect(run.outcome.operation).toBe('closed');
    expect(host.branches.get(BRANCH)).toBe(human);
    expect(host.writes).toEqual(['comment #1', 'update #1: state']);
    expect(host.commentRecords.at(-1)!.body).toBe(
      `main now contains every cookie fix this pull request proposed (or the findings are gone), so it is no longer needed. Closing it, but \`${BRANCH}\` is kept because it holds 1 commit(s) that cookie-hardener did not make (${human.slice(0, 7)}): delete it once that work is no longer needed.\n\n${CLOSED_AS_DONE}`,
    );
  });

  it('keeps the branch when a person pushes between the check and the delete', async () => {
    const { host, folder } = await opened();
    fixMain(host, folder);
    let human = '';
    host.before.set('swapBranch', () => {
      human = host.push(BRANCH, { 'NOTES.md': 'reviewed\n' }, HUMAN, 'Reviewer notes');
    });
    const run = await sweep(host, request(folder, {}));
    expect(run.outcome.operation).toBe('closed');
    expect(host.branches.get(BRANCH)).toBe(human);
    expect(host.writes).toEqual([
      'swap cookie-hardener/remediation: moved',
      'comment #1',
      'update #1: state',
    ]);
    expect(run.lines).toContain(`info: \`${BRANCH}\` moved while this run was writing; reading it again.`);
  });

  // Item 2: an amended commit keeps message and trailer but is not the bot's.
  it('leaves an amended commit alone, with one comment, even when the findings change', async () => {
    const { host, folder } = await opened();
    const amended = host.amend(BRANCH, { 'app.js': FIXED.replace('sid', 'sid') + '// reviewed\n' }, HUMAN);
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    const changes = { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] } as Record<
      string,
      [string, string]
    >;
    const run = await sweep(host, request(folder, changes));
    expect(run.outcome.operation).toBe('none');
    expect(host.branches.get(BRANCH)).toBe(amended);
    expect(host.writes).toEqual(['comment #1']);
    expect(host.commentRecords.at(-1)!.body).toBe(
      `\`${BRANCH}\` has 1 commit(s) that cookie-hardener did not make (${amended.slice(0, 7)}), so it is left as it is: updating it would overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.\n\n${humanCommitsMarker(amended)}`,
    );
    await sweep(host, request(folder, changes));
    expect(host.writes).toEqual(['comment #1']);
  });

  it('does not own a commit by its own identity that is not the one it recorded', async () => {
    const { host, folder } = await opened();
    // Same author as the bot (say, another workflow using the same token), different content.
    const other = host.commitFiles(
      host.branches.get('main')!,
      { 'app.js': FIXED, 'x.js': '1\n' },
      MESSAGE,
      BOT,
    );
    host.branches.set(BRANCH, other);
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    const run = await sweep(
      host,
      request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
    );
    expect(run.outcome.operation).toBe('none');
    expect(host.branches.get(BRANCH)).toBe(other);
    expect(host.writes).toEqual(['comment #1']);
  });

  it('rebuilds its own recorded commit on a base that moved on', async () => {
    const { host, folder, botCommit } = await opened();
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    const run = await sweep(
      host,
      request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
    );
    expect(run.outcome.operation).toBe('updated');
    expect(host.branches.get(BRANCH)).not.toBe(botCommit);
    expect(host.writes.slice(1)).toEqual(['move cookie-hardener/remediation', 'update #1: title, body']);
    expect(readState(host.pullRecords[0]!.body)?.delivery?.head).toBe(host.branches.get(BRANCH));
  });

  it('leaves its branch and the body alone when main only moved elsewhere', async () => {
    const { host, folder, botCommit } = await opened();
    host.pullRecords[0]!.body = `Edited by a person.\n\n${host.pullRecords[0]!.body}`;
    host.push('main', { 'README.md': '# webapp\n' });
    const run = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(run.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
    expect(host.branches.get(BRANCH)).toBe(botCommit);
    expect(host.pullRecords[0]!.body).toMatch(/^Edited by a person\./);
  });

  // Item 3: a person's push inside the window between the check and the ref update.
  it('never force-moves over a push that lands between the check and the update', async () => {
    const { host, folder } = await opened();
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    let human = '';
    host.before.set('swapBranch', () => {
      human = host.push(BRANCH, { 'NOTES.md': 'mine\n' }, HUMAN, 'Reviewer notes');
    });
    const run = await sweep(
      host,
      request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
    );
    expect(run.outcome.operation).toBe('none');
    expect(host.branches.get(BRANCH)).toBe(human);
    expect(host.writes.slice(1)).toEqual(['swap cookie-hardener/remediation: moved', 'comment #1']);
    expect(run.lines.at(-1)).toMatch(
      /^warning: `cookie-hardener\/remediation` has 1 commit\(s\) that cookie-hardener did not make/,
    );
  });

  // The REST swap (no updateRefs) holds the branch on an empty commit before forcing it; a run that stops
  // between those two writes leaves that commit on top, and the next run must not take it for a person's work.
  it('takes back its branch from an empty holding commit of its own that a stopped REST swap left on top', async () => {
    const { host, folder, botCommit } = await opened();
    const hold = await holdingCommit(host, botCommit);
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    host.writes.length = 0;
    const run = await sweep(
      host,
      request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
    );
    expect(run.outcome.operation).toBe('updated');
    expect(host.writes).toEqual([
      `commit on ${host.branches.get('main')!.slice(0, 7)}: app.js, routes.js`,
      'move cookie-hardener/remediation',
      'update #1: title, body',
    ]);
    const { commits } = await host.compare(host.branches.get('main')!, host.branches.get(BRANCH)!);
    expect(commits.map((commit) => [commit.parents, commit.authorId])).toEqual([
      [[host.branches.get('main')], BOT.id],
    ]);
    expect(host.branches.get(BRANCH)).not.toBe(hold);
  });

  it('deletes its branch with the holding commit on top when main holds every fix', async () => {
    const { host, folder, botCommit } = await opened();
    await holdingCommit(host, botCommit);
    fixMain(host, folder);
    host.writes.length = 0;
    const run = await sweep(host, request(folder, {}));
    expect(run.outcome.operation).toBe('closed');
    expect(host.writes).toEqual(['delete cookie-hardener/remediation', 'comment #1', 'update #1: state']);
    expect(host.branches.has(BRANCH)).toBe(false);
  });

  it('still leaves a person’s empty commit on top alone', async () => {
    const { host, folder, botCommit } = await opened();
    const empty = host.commitFiles(botCommit, {}, 'Ready for review', HUMAN);
    host.branches.set(BRANCH, empty);
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    const run = await sweep(
      host,
      request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
    );
    expect(run.outcome.operation).toBe('none');
    expect(host.branches.get(BRANCH)).toBe(empty);
    expect(host.writes).toEqual(['comment #1']);
    expect(host.commentRecords.at(-1)!.body).toBe(
      `\`${BRANCH}\` has 1 commit(s) that cookie-hardener did not make (${empty.slice(0, 7)}), so it is left as it is: updating it would overwrite that work. Merge or close the pull request, or delete the branch, and the next run starts afresh.\n\n${humanCommitsMarker(empty)}`,
    );
  });

  // Item 4.
  it('only reports when the checkout is not the base branch', async () => {
    const { host, folder } = await opened();
    writeFileSync(join(folder, 'app.js'), FIXED);
    const run = await sweep(host, request(folder, {}, 'feature'));
    expect(run.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
    expect(run.lines).toEqual([
      "notice: This run's checkout is `feature`, not the pull request's base `main`, so it only reports: the remediation pull request follows runs on main.",
    ]);
  });

  it('does not close when the base on GitHub is not what the checkout holds', async () => {
    const { host, folder } = await opened();
    // The checkout claims main (say, actions/checkout with another ref) but holds a fixed file main lacks.
    writeFileSync(join(folder, 'app.js'), FIXED);
    const run = await sweep(host, request(folder, {}));
    expect(run.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
    expect(run.lines).toEqual([
      'warning: app.js on main is not the checked-out copy; #1 is left as it is until a run sees main as it is now.',
    ]);
  });

  // Item 5.
  it('keeps a person’s edit of the body while the rendering is unchanged, and carries the notes over', async () => {
    const { host, folder } = await opened();
    const pull = host.pullRecords[0]!;
    pull.body = pull.body
      .replace('Fixes app.js.', 'Fixes app.js. (Checked on staging: fine.)')
      .replace(/(<!-- cookie-hardener:notes -->\n)[^\n]*/, '$1Ship after the 2.3 release.');
    const edited = pull.body;
    await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(host.writes).toEqual([]);
    expect(pull.body).toBe(edited);

    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    await sweep(host, request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }));
    // Regenerated outside the notes (the staging remark is gone), the notes carried over word for word.
    const state = {
      digest: 'app.js+routes.js',
      head: host.branches.get(BRANCH),
      rendered: renderedDigest('app.js+routes.js'),
    };
    expect(pull.body).toBe(
      'Fixes app.js+routes.js.\n\n' +
        '### Notes\n\n<!-- cookie-hardener:notes -->\nShip after the 2.3 release.\n<!-- cookie-hardener:notes-end -->\n\n' +
        `${STATE}${JSON.stringify(state)} -->\n`,
    );
    expect(host.writes.slice(-2)).toEqual(['move cookie-hardener/remediation', 'update #1: title, body']);
  });

  // Item 6: markers count only from the token's own identity.
  it('ignores a "closed as done" marker in an outsider’s comment on a declined pull request', async () => {
    const { host, folder } = await opened();
    host.pullRecords[0]!.state = 'closed';
    host.addComment(1, `please reopen\n\n${CLOSED_AS_DONE}`, OUTSIDER);
    const run = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(run.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
    expect(run.lines).toContain(
      'notice: #1 proposed these same fixes and was closed without merging, so it is not reopened. A new pull request opens when the set of findings changes.',
    );
  });

  it('still explains a person’s commit when an outsider pasted the explanation’s marker', async () => {
    const { host, folder } = await opened();
    const human = host.push(BRANCH, { 'NOTES.md': 'x\n' }, HUMAN);
    host.addComment(1, humanCommitsMarker(human), OUTSIDER);
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    await sweep(host, request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }));
    expect(host.writes).toEqual(['comment #1']);
  });

  it('neither edits nor trusts a pull request on its branch that someone else opened', async () => {
    const host = new MemoryHost({ 'app.js': WEAK });
    const folder = workspace({ 'app.js': WEAK });
    host.push(BRANCH, { 'app.js': FIXED }, HUMAN);
    host.openPull({
      head: BRANCH,
      body: `${STATE}{"digest":"x","head":"${host.branches.get(BRANCH)}"} -->`,
      author: OUTSIDER,
    });
    const run = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(run.outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
    expect(run.lines).toEqual([
      "notice: #1 on `cookie-hardener/remediation` was opened by @mallory, not by the identity of this run's token, so cookie-hardener edits neither it nor its branch.",
    ]);
  });

  // Item 11: two sweeps at once.
  it('adopts the branch and the pull request a concurrent sweep created first', async () => {
    const host = new MemoryHost({ 'app.js': WEAK });
    const folder = workspace({ 'app.js': WEAK });
    host.before.set('createBranch', () => {
      host.branches.set(
        BRANCH,
        host.commitFiles(host.branches.get('main')!, { 'app.js': FIXED }, MESSAGE, BOT),
      );
    });
    host.before.set('createPull', () => {
      host.openPull({ head: BRANCH, body: 'opened by the other run', author: BOT });
    });
    const run = await sweep(host, request(folder, { 'app.js': [WEAK, FIXED] }));
    expect(run.outcome).toEqual({
      operation: 'updated',
      number: 1,
      url: 'https://github.com/acme/webapp/pull/1',
      failure: null,
      pushedFiles: ['app.js'],
    });
    expect(host.writes.map((write) => write.replace(/^commit on \w+/, 'commit'))).toEqual([
      'commit: app.js',
      'create cookie-hardener/remediation: already exists',
      'open pull request: already exists',
      'update #1: title, body',
    ]);
    // The other run's pull request, adopted: its body rewritten with this run's state, no second one opened.
    expect(host.pullRecords.map((pull) => [pull.number, pull.state, pull.author.login, pull.body])).toEqual([
      [
        1,
        'open',
        BOT.login,
        `Fixes app.js.\n\n${renderNotesSection(DEFAULT_NOTES)}\n\n${STATE}${JSON.stringify({
          digest: 'app.js',
          head: host.branches.get(BRANCH),
          rendered: renderedDigest('app.js'),
        })} -->\n`,
      ],
    ]);
    expect(run.lines).toEqual([
      `info: \`${BRANCH}\` moved while this run was writing; reading it again.`,
      `info: \`${BRANCH}\` moved while this run was writing; reading it again.`,
      'info: Updated #1.',
    ]);
  });
});

describe('reviewers and assignees of the remediation pull request', () => {
  const people = (set: Partial<RemediationRequest['people']>) => ({
    reviewers: [],
    teamReviewers: [],
    assignees: [],
    ...set,
  });

  function setup() {
    const host = new MemoryHost({ 'app.js': WEAK });
    host.collaborators.add('alice');
    host.teams.add('security');
    const folder = workspace({ 'app.js': WEAK });
    return { host, folder };
  }

  it('asks the reviewers and assigns the assignees once, in one request each, when the pull request opens', async () => {
    const { host, folder } = setup();
    const req = {
      ...request(folder, { 'app.js': [WEAK, FIXED] }),
      labels: ['security'],
      people: people({ reviewers: ['alice', 'octocat'], teamReviewers: ['security'], assignees: ['alice'] }),
    };
    const first = await sweep(host, req);
    expect(first.outcome.operation).toBe('created');
    expect(host.writes.slice(-3)).toEqual([
      'label #1: security',
      'request review #1: alice, octocat, team security',
      'assign #1: alice',
    ]);
    expect(first.lines).toContain('info: Asked @alice, @octocat, team security to review #1.');
    expect(first.lines).toContain('info: Assigned #1 to @alice.');

    // A later sweep that updates the pull request leaves its reviewers and assignees to people.
    host.push('main', { 'app.js': WEAK, 'b.js': WEAK_2 });
    writeFileSync(join(folder, 'b.js'), WEAK_2);
    host.writes.length = 0;
    const again = await sweep(host, {
      ...req,
      changes: [
        { file: 'app.js', before: WEAK, after: FIXED, edits: [] },
        { file: 'b.js', before: WEAK_2, after: FIXED_2, edits: [] },
      ],
      stateDigest: 'app.js+b.js',
    });
    expect(again.outcome.operation).toBe('updated');
    expect(host.writes.filter((write) => /request review|assign|label/.test(write))).toEqual([]);
    expect(host.requested.get(1)).toEqual(['alice', 'octocat', 'team security']);
  });

  it('asks each reviewer alone after a 422, warns about the one GitHub refuses, and still succeeds', async () => {
    const { host, folder } = setup();
    const { outcome, lines } = await sweep(host, {
      ...request(folder, { 'app.js': [WEAK, FIXED] }),
      people: people({ reviewers: ['alice', 'mallory'], teamReviewers: ['security'] }),
    });
    expect(outcome).toMatchObject({ operation: 'created', number: 1, failure: null });
    expect(host.writes.slice(-4)).toEqual([
      'request review #1: alice, mallory, team security: refused',
      'request review #1: alice',
      'request review #1: mallory: refused',
      'request review #1: team security',
    ]);
    expect(lines).toContain(
      'warning: Could not ask @mallory to review #1. GitHub answered: "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the acme/webapp repository." The pull request is open without that review request.',
    );
    expect(lines).toContain('info: Asked @alice, team security to review #1.');
  });

  it('does not ask the token’s own account, which opened the pull request', async () => {
    const { host, folder } = setup();
    host.tokenAccount = HUMAN;
    const { outcome, lines } = await sweep(host, {
      ...request(folder, { 'app.js': [WEAK, FIXED] }),
      people: people({ reviewers: ['OctoCat', 'alice'] }),
    });
    expect(outcome.operation).toBe('created');
    expect(host.writes.slice(-1)).toEqual(['request review #1: alice']);
    expect(lines).toContain(
      "warning: @OctoCat opened #1 (it is the token's account), and GitHub does not let an author review their own pull request; it was not asked.",
    );
  });

  it('warns about a refusal other than 422 once, and about assignees GitHub dropped', async () => {
    const { host, folder } = setup();
    host.failures.set(
      'requestReviewers',
      Object.assign(new Error('Resource not accessible by integration'), {
        status: 403,
        response: { data: { message: 'Resource not accessible by integration' } },
      }),
    );
    const { outcome, lines } = await sweep(host, {
      ...request(folder, { 'app.js': [WEAK, FIXED] }),
      people: people({ teamReviewers: ['security'], assignees: ['alice', 'mallory'] }),
    });
    expect(outcome).toMatchObject({ operation: 'created', failure: null });
    expect(lines.filter((line) => line.startsWith('warning:'))).toEqual([
      'warning: Could not ask team security to review #1. The token cannot ask for reviews on #1 (HTTP 403 "Resource not accessible by integration"): it is read-only. Give the job `permissions: { contents: write, pull-requests: write }` (for a GitHub App token, give the App Contents and Pull requests read and write access). Pull requests from forks always get a read-only token; use `mode: report` there. The pull request is open without that review request.',
      'warning: GitHub did not assign #1 to @mallory: it assigns only accounts with access to the repository and drops others without an error.',
    ]);
    expect(host.assigned.get(1)).toEqual(['alice']);
  });

  it('writes a changed title on the next run, finding the pull request by its branch', async () => {
    const { host, folder } = await opened();
    const renamed = { ...request(folder, { 'app.js': [WEAK, FIXED] }), title: 'fix(security): cookie flags' };
    const { outcome } = await sweep(host, renamed);
    expect(outcome).toMatchObject({ operation: 'updated', number: 1 });
    expect(host.writes).toEqual(['update #1: title, body']);
    expect(host.pullRecords).toHaveLength(1);
    expect(host.pullRecords[0]!.title).toBe('fix(security): cookie flags');
    host.writes.length = 0;
    expect((await sweep(host, renamed)).outcome.operation).toBe('none');
    expect(host.writes).toEqual([]);
  });

  it('keeps recognising its own commit whatever its subject', async () => {
    const host = new MemoryHost({ 'app.js': WEAK });
    const folder = workspace({ 'app.js': WEAK });
    const subject = 'fix(security): harden cookie flags';
    const first = { ...request(folder, { 'app.js': [WEAK, FIXED] }), commitSubject: subject };
    expect((await sweep(host, first)).outcome.operation).toBe('created');
    const { commits } = await host.compare(host.branches.get('main')!, host.branches.get(BRANCH)!);
    expect(commits.map((commit) => commit.message)).toEqual([
      MESSAGE.replace('Harden cookie flags', subject),
    ]);
    // A new finding means rebuilding the branch, which only a commit judged the tool's own allows.
    host.push('main', { 'routes.js': WEAK_2 });
    writeFileSync(join(folder, 'routes.js'), WEAK_2);
    host.writes.length = 0;
    const run = await sweep(host, {
      ...request(folder, { 'app.js': [WEAK, FIXED], 'routes.js': [WEAK_2, FIXED_2] }),
      commitSubject: subject,
    });
    expect(run.outcome.operation).toBe('updated');
    expect(host.writes.slice(1)).toEqual(['move cookie-hardener/remediation', 'update #1: title, body']);
  });
});
