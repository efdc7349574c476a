// Real servers on loopback for the verify tests: each app is started as a child process that listens on a
// free port and prints `PORT <n>`; the CLI under test is the built bundle (dist/cli.js), run the way a
// person runs it. Nothing here reaches beyond 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const REPO = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const CLI = join(REPO, 'dist/cli.js');
/** Debian's interpreter, where python3-tornado, python3-flask and python3-django are installed. */
export const PYTHON = '/usr/bin/python3';

export interface Server {
  port: number;
  stop: () => Promise<void>;
}

export function startServer(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Server> {
  const child: ChildProcess = spawn(command, args, {
    cwd,
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules'), PYTHONDONTWRITEBYTECODE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${command} ${args.join(' ')} did not start:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PORT (\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', read);
      resolve({
        port: Number(match[1]),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before listening:\n${output}`));
    });
  });
}

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** The bundle, asynchronously: the server under test runs in this process's children meanwhile. */
export function runBundle(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

/** A fresh folder holding `files` (path → text), or a copy of `from`. */
export function project(files: Record<string, string>, from?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'ch-verify-'));
  if (from) cpSync(from, folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** `fix` through the bundle, as a person would run it on their checkout. */
export function fixProject(folder: string): void {
  const result = spawnSync(process.execPath, [CLI, 'fix', '.'], { cwd: folder, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`fix failed: ${result.stderr}`);
}

/** A self-signed certificate for 127.0.0.1 (and localhost), made with the openssl CLI. */
export function selfSignedCertificate(): { key: string; cert: string; folder: string } {
  const folder = mkdtempSync(join(tmpdir(), 'ch-verify-tls-'));
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  const result = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`openssl failed: ${result.stderr}`);
  return { key, cert, folder };
}

/** The report's cookies in a form tests can compare whole: name, step, flags seen, problem codes. */
export function cookieSummary(
  json: string,
): Array<{ name: string; step: string | null; flags: string; problems: string[] }> {
  const report = JSON.parse(json) as {
    cookies: Array<{
      name: string;
      step: string | null;
      attributes: { httpOnly: boolean; secure: boolean };
      problems: Array<{ code: string }>;
    }>;
  };
  return report.cookies.map((cookie) => ({
    name: cookie.name,
    step: cookie.step,
    flags: [cookie.attributes.httpOnly && 'HttpOnly', cookie.attributes.secure && 'Secure']
      .filter(Boolean)
      .join(' '),
    problems: cookie.problems.map((problem) => problem.code),
  }));
}
