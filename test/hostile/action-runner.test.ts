// The action on a runner whose checkout is hostile: links planted where output files go, file names that
// spell workflow commands, summaries past GitHub's byte limit, fork pull requests under
// pull_request_target, and CRLF checkouts of an LF repository. Runs dist/index.js as a runner does.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSummary } from '../../src/action/run.js';
import { capUtf8, CUT_NOTE, STEP_SUMMARY_LIMIT } from '../../src/action/job-summary.js';
import { escapeLogLine } from '../../src/action/log.js';
import type { FakeGitHub } from '../fake-github/api.js';
import { startFakeGitHub } from '../fake-github/server.js';
import { ACTION, makeWorkspace, runAction, writesOf } from '../e2e/harness.js';

const WEAK = "res.cookie('sid', token, { path: '/' });\n";
let fake: FakeGitHub | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

interface Runner {
  workspace: string;
  temp: string;
  outside: string;
  summary: string;
}

/** A workspace, a RUNNER_TEMP holding the summary file, and a folder outside both that nothing may touch. */
function runner(files: Record<string, string> = { 'app.js': WEAK }): Runner {
  const base = mkdtempSync(join(tmpdir(), 'cookie-hardener-runner-'));
  const workspace = join(base, 'work');
  const temp = join(base, 'temp');
  const outside = join(base, 'outside');
  for (const folder of [workspace, temp, outside]) mkdirSync(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(workspace, name), text);
  writeFileSync(join(outside, 'victim.txt'), 'precious\n');
  const summary = join(temp, 'step_summary');
  writeFileSync(summary, '');
  return { workspace, temp, outside, summary };
}

/** `mode: report` needs no API: the bundled action with the variables a runner sets. */
function runReport(box: Runner, inputs: Record<string, string>, summary = box.summary) {
  const output = join(box.temp, 'output');
  writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_WORKSPACE: box.workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_REPOSITORY: 'acme/webapp',
    RUNNER_TEMP: box.temp,
    INPUT_MODE: 'report',
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [ACTION], { cwd: box.workspace, env, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, outputs: readFileSync(output, 'utf8') };
}

describe('output files never follow a link planted in the checkout', () => {
  it('refuses a sarif-file that is a link, naming the path and the reason', () => {
    const box = runner();
    symlinkSync(join(box.outside, 'victim.txt'), join(box.workspace, 'results.sarif'));
    const run = runReport(box, { 'sarif-file': 'results.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::sarif-file "${join(box.workspace, 'results.sarif')}" is not written: it is a symbolic link (not followed)\n`,
    );
    expect(readFileSync(join(box.outside, 'victim.txt'), 'utf8')).toBe('precious\n');
  });

  it('refuses a sarif-file under a folder that is a link', () => {
    const box = runner();
    symlinkSync(box.outside, join(box.workspace, 'reports'));
    const run = runReport(box, { 'sarif-file': 'reports/results.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::sarif-file "${join(box.workspace, 'reports/results.sarif')}" is not written: reports is a symbolic link (not followed)\n`,
    );
    expect(() => statSync(join(box.outside, 'results.sarif'))).toThrow();
  });

  it('refuses a sarif-file outside the workspace and RUNNER_TEMP', () => {
    const box = runner();
    const target = join(box.outside, 'results.sarif');
    const run = runReport(box, { 'sarif-file': target });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `::error::sarif-file "${target}" is not written: it is outside the workspace and RUNNER_TEMP\n`,
    );
    expect(() => statSync(target)).toThrow();
  });

  it('writes a sarif-file in a new folder of the workspace, and one in RUNNER_TEMP', () => {
    const box = runner();
    const run = runReport(box, { 'sarif-file': 'out/results.sarif' });
    expect(run.code).toBe(0);
    const written = join(box.workspace, 'out/results.sarif');
    expect(JSON.parse(readFileSync(written, 'utf8'))).toMatchObject({ version: '2.1.0' });
    expect(run.outputs).toContain(`sarif-file<<`);
    expect(run.outputs).toContain(`\n${written}\n`);
    const inTemp = join(box.temp, 'results.sarif');
    expect(runReport(box, { 'sarif-file': inTemp }).code).toBe(0);
    expect(JSON.parse(readFileSync(inTemp, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('does not write the job summary through a link, and says so', () => {
    const box = runner();
    const summary = join(box.temp, 'linked_summary');
    symlinkSync(join(box.outside, 'victim.txt'), summary);
    const run = runReport(box, {}, summary);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `::warning::Could not write the job summary: GITHUB_STEP_SUMMARY "${summary}" is not written: it is a symbolic link (not followed)\n`,
    );
    expect(readFileSync(join(box.outside, 'victim.txt'), 'utf8')).toBe('precious\n');
  });
});

describe('repository text in the log cannot form a workflow command', () => {
  it('escapes line breaks and a leading :: or ##[ in plain log lines', () => {
    expect(escapeLogLine('a.js\n::warning::forged 100%')).toBe('a.js%0A::warning::forged 100%25');
    expect(escapeLogLine('::add-mask::x')).toBe('%3A%3Aadd-mask::x');
    expect(escapeLogLine('  ##[error]x\r')).toBe('  %23%23[error]x%0D');
  });

  it('prints a file named with a newline and ::warning in the dry-run line without emitting a command', async () => {
    const hostile = 'x\n::warning title=pwned::forged.js';
    const files = { [hostile]: WEAK, 'README.md': '# webapp\n' };
    fake = await startFakeGitHub({ files });
    const workspace = makeWorkspace(files);
    const run = await runAction(fake, { workspace, inputs: { 'dry-run': 'true' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Dry run: would open a pull request on cookie-hardener/remediation changing x%0A::warning title=pwned::forged.js.\n',
    );
    const commands = run.stdout.split('\n').filter((line) => line.trimStart().startsWith('::'));
    expect(commands.filter((line) => line.includes('pwned') && !line.includes('%0A'))).toEqual([]);
    expect(writesOf(fake)).toEqual([]);
  });
});

describe('the job summary stays within 1 MiB of UTF-8', () => {
  it('cuts non-ASCII text at a line and character boundary, with a note', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-summary-'));
    const path = join(folder, 'step_summary');
    writeFileSync(path, '');
    const line = `| クッキー 🍪 | ${'日本語のクッキー名'.repeat(10)} |\n`;
    const markdown = line.repeat(Math.floor(999_999 / line.length)); // under 1,000,000 characters
    expect(markdown.length).toBeLessThan(1_000_000);
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(2 * STEP_SUMMARY_LIMIT);
    const saved = { ...process.env };
    process.env.GITHUB_STEP_SUMMARY = path;
    process.env.RUNNER_TEMP = folder;
    try {
      writeSummary(markdown);
    } finally {
      process.env = saved;
    }
    const written = readFileSync(path);
    expect(written.length).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT);
    const text = written.toString('utf8');
    expect(text.endsWith(CUT_NOTE)).toBe(true);
    const kept = text.slice(0, -CUT_NOTE.length);
    expect(markdown.startsWith(`${kept}\n`)).toBe(true);
    expect(written.length).toBeGreaterThan(STEP_SUMMARY_LIMIT - line.length * 3 - 400);
  });

  it('never splits a character, even with no line break to cut at', () => {
    expect(capUtf8('ab🍪🍪', 6, '!')).toBe('ab!'); // 🍪 is 4 bytes: 5 bytes of room cannot hold ab🍪
    expect(capUtf8('ab🍪🍪', 9, '!')).toBe('ab🍪!');
    // No room left (an earlier summary filled the step's budget): nothing more is written.
    expect(capUtf8('line one\nline two\nline three\n', 0, '[cut]')).toBe('');
    expect(capUtf8('line one\nline two\n', 5, '[cut]')).toBe('');
    expect(capUtf8('a\nbbbbbbbb\n', 4, '!')).toBe('a!');
    expect(capUtf8('short', 100, '!')).toBe('short');
  });
});

/** A fork's pull request into acme/webapp, as a pull_request_target payload. */
async function forkPullRequest(files: Record<string, string>, head: Record<string, string>) {
  fake = await startFakeGitHub({ files });
  await fake.pushBranch('feature', head, { message: 'Add login' });
  const pull = await fake.openPullRequest({ head: 'feature', title: 'Add login' });
  const repository = { full_name: 'acme/webapp', name: 'webapp', owner: { login: 'acme' }, fork: false };
  const payload = {
    action: 'synchronize',
    number: pull.number,
    pull_request: {
      number: pull.number,
      state: 'open',
      head: {
        ref: 'feature',
        sha: (await fake.branchSha('feature'))!,
        label: 'mallory:feature',
        repo: { full_name: 'mallory/webapp', name: 'webapp', fork: true },
      },
      base: { ref: 'main', sha: (await fake.branchSha('main'))!, label: 'acme:main', repo: repository },
    },
    repository,
  };
  return { fake, workspace: makeWorkspace({ ...files, ...head }), payload };
}

describe('pull_request_target from a fork', () => {
  const BASE = { 'README.md': '# webapp\n' };
  const HEAD = { 'app.js': WEAK };

  it('only reports, and says why, unless allow-pull-request-target is set', async () => {
    const { fake, workspace, payload } = await forkPullRequest(BASE, HEAD);
    const run = await runAction(fake, { workspace, event: 'pull_request_target', payload });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "::warning::This pull_request_target run is for a pull request from the fork mallory/webapp into acme/webapp: its token can write to the repository while the checked-out code may be the fork's, so cookie-hardener only reports (annotations and job summary) and posts nothing.",
    );
    expect(run.stdout).toContain('cookie-hardener: mode report (auto, event pull_request_target)');
    expect(writesOf(fake)).toEqual([]);
    expect(fake.reviews).toEqual([]);
  });

  it('reviews when the workflow opts in', async () => {
    const { fake, workspace, payload } = await forkPullRequest(BASE, HEAD);
    const run = await runAction(fake, {
      workspace,
      event: 'pull_request_target',
      payload,
      inputs: { 'allow-pull-request-target': 'true' },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('This pull_request_target run');
    expect(fake.reviews).toHaveLength(1);
  });
});

describe('a CRLF checkout of an LF repository (eol=crlf)', () => {
  const ATTRIBUTES = { '.gitattributes': '*.js text eol=crlf\n' };
  const LF = "const a = 1;\nres.cookie('sid', token, { path: '/' });\n";

  /** A checkout as git makes it with eol=crlf: the working files have CRLF, the repository LF. */
  function crlfCheckout(files: Record<string, string>): string {
    const workspace = makeWorkspace({ ...ATTRIBUTES, ...files });
    execFileSync('git', ['rm', '-q', '--cached', '-r', '.'], { cwd: workspace });
    execFileSync('git', ['reset', '-q', '--hard'], { cwd: workspace });
    return workspace;
  }

  it('opens the remediation PR with the fix in the stored LF form, and no false warning', async () => {
    const files = { ...ATTRIBUTES, 'app.js': LF };
    fake = await startFakeGitHub({ files });
    const workspace = crlfCheckout({ 'app.js': LF });
    expect(readFileSync(join(workspace, 'app.js'), 'utf8')).toBe(LF.replace(/\n/g, '\r\n'));
    const run = await runAction(fake, { workspace });
    expect(run.stdout).not.toContain('differs on main');
    expect(run.stdout).not.toContain('moved on');
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'created', fixed: '1' });
    expect(await fake.readFile('cookie-hardener/remediation', 'app.js')).toBe(
      LF.replace("{ path: '/' }", "{ path: '/', httpOnly: true, secure: true }"),
    );
  });

  it('posts inline comments in review mode', async () => {
    fake = await startFakeGitHub({ files: { ...ATTRIBUTES, 'README.md': '# webapp\n' } });
    await fake.pushBranch('feature', { 'app.js': LF }, { message: 'Add login' });
    const pull = await fake.openPullRequest({ head: 'feature', title: 'Add login' });
    const workspace = crlfCheckout({ 'README.md': '# webapp\n', 'app.js': LF });
    const repository = { full_name: 'acme/webapp', name: 'webapp', owner: { login: 'acme' }, fork: false };
    const payload = {
      action: 'synchronize',
      number: pull.number,
      pull_request: {
        number: pull.number,
        state: 'open',
        head: { ref: 'feature', sha: (await fake.branchSha('feature'))!, repo: repository },
        base: { ref: 'main', sha: (await fake.branchSha('main'))!, repo: repository },
      },
      repository,
    };
    const run = await runAction(fake, { workspace, event: 'pull_request', payload });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain("is not the pull request's head version");
    expect(fake.reviewComments.map((comment) => [comment.path, comment.originalLine])).toEqual([
      ['app.js', 2],
    ]);
  });
});
