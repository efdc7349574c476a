// Runs the bundled action (dist/index.js) in a child process exactly as a runner does: INPUT_* and GITHUB_*
// variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a real git checkout.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FakeGitHub } from '../fake-github/api.js';

export const ACTION = new URL('../../dist/index.js', import.meta.url).pathname;

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface RunOptions {
  workspace: string;
  event?: string;
  payload?: Record<string, unknown>;
  inputs?: Record<string, string>;
  /** Extra or overriding environment variables (e.g. GITHUB_REF for a run on another branch). */
  env?: Record<string, string>;
}

/** A git checkout holding `files`, as actions/checkout leaves it. */
export function makeWorkspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'cookie-hardener-workspace-'));
  writeFiles(folder, files);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: folder, stdio: 'ignore', env: gitEnv() });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'checkout');
  return folder;
}

export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

function gitEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    GIT_AUTHOR_NAME: 'Runner',
    GIT_AUTHOR_EMAIL: 'runner@example.com',
    GIT_COMMITTER_NAME: 'Runner',
    GIT_COMMITTER_EMAIL: 'runner@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
  };
}

/** Spawns the action asynchronously (the fake server lives in this process's event loop). */
export async function runAction(fake: FakeGitHub, options: RunOptions): Promise<ActionRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'cookie-hardener-runner-'));
  const outputFile = join(scratch, 'output');
  const summaryFile = join(scratch, 'summary');
  const eventFile = join(scratch, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, JSON.stringify(options.payload ?? {}));
  const inputs: Record<string, string> = { token: 'ghs_test', ...options.inputs };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: tmpdir(),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...fake.actionEnv(),
    GITHUB_EVENT_NAME: options.event ?? 'schedule',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: scratch,
    // GitHub's pacing between writes guards against its secondary rate limits; the fake has none to trip.
    COOKIE_HARDENER_WRITE_SPACING_MS: '0',
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [ACTION], { cwd: options.workspace, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
  rmSync(scratch, { recursive: true, force: true });
  return run;
}

/** GITHUB_OUTPUT's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[index] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const value: string[] = [];
    for (index++; index < lines.length && lines[index] !== delimiter; index++) value.push(lines[index] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** Requests that changed something on the server (GraphQL is left out: queries are POSTs too). */
export function writesOf(fake: FakeGitHub, since = 0): string[] {
  return fake.requests
    .slice(since)
    .filter((entry) => entry.method !== 'GET' && !entry.path.endsWith('/graphql'))
    .map((entry) => `${entry.method} ${entry.path}`);
}
