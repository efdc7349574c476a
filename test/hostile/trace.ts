// Runs the bundled CLI in a child process with the file system calls it makes recorded, so a test can say
// which paths it opened, how many bytes it read from each, and where it wrote; and with a time limit, so a
// hang fails the test instead of stalling the suite.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { CLI } from '../cli/helpers.js';

export interface FsCall {
  op: string;
  path: string;
  /** Bytes read (readFileSync, readSync) or written. */
  bytes?: number;
}

export interface TracedRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  calls: FsCall[];
}

/**
 * Loaded with `--import` before the CLI. The bundle imports `node:fs` by name; replacing the functions on
 * the module and calling syncBuiltinESMExports() makes those named imports see the wrappers too.
 */
const PRELOAD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const calls = [];
const fdPaths = new Map();
const original = { ...fs };
const pathOf = (value) => (typeof value === 'number' ? fdPaths.get(value) ?? 'fd:' + value : String(value));
const wrap = (name, record) => {
  fs[name] = function (...args) {
    const result = original[name].apply(this, args);
    record(args, result);
    return result;
  };
};
for (const name of ['readdirSync', 'opendirSync', 'realpathSync', 'statSync', 'lstatSync', 'existsSync',
  'renameSync', 'unlinkSync', 'chmodSync', 'mkdirSync', 'rmSync', 'copyFileSync', 'symlinkSync',
  'truncateSync', 'utimesSync']) {
  wrap(name, (args) => calls.push({ op: name, path: pathOf(args[0]) }));
}
wrap('openSync', (args, fd) => {
  fdPaths.set(fd, String(args[0]));
  calls.push({ op: 'openSync:' + String(args[1] ?? 'r'), path: String(args[0]) });
});
wrap('readFileSync', (args, result) => calls.push({ op: 'readFileSync', path: pathOf(args[0]), bytes: result.length }));
wrap('readSync', (args, result) => calls.push({ op: 'readSync', path: pathOf(args[0]), bytes: result }));
wrap('writeFileSync', (args) => calls.push({ op: 'writeFileSync', path: pathOf(args[0]), bytes: String(args[1]).length }));
wrap('writeSync', (args, result) => calls.push({ op: 'writeSync', path: pathOf(args[0]), bytes: result }));
wrap('createReadStream', (args) => calls.push({ op: 'createReadStream', path: pathOf(args[0]) }));
wrap('createWriteStream', (args) => calls.push({ op: 'createWriteStream', path: pathOf(args[0]) }));
syncBuiltinESMExports();
process.on('exit', () => original.writeFileSync(process.env.FS_TRACE_FILE, JSON.stringify(calls)));
`;

let preloadPath: string | null = null;

function preload(): string {
  if (preloadPath === null) {
    preloadPath = join(mkdtempSync(join(tmpdir(), 'cookie-hardener-trace-')), 'trace.mjs');
    writeFileSync(preloadPath, PRELOAD);
  }
  return preloadPath;
}

export function runTraced(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): TracedRun {
  const traceFile = join(mkdtempSync(join(tmpdir(), 'cookie-hardener-trace-')), 'calls.json');
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', preload(), CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, FS_TRACE_FILE: traceFile },
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  let calls: FsCall[] = [];
  try {
    calls = JSON.parse(readFileSync(traceFile, 'utf8')) as FsCall[];
  } catch {
    // Killed before it could write the trace (a hang): the status says so.
  }
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    ms,
    calls,
  };
}

/** Calls that act on the entry itself; every other call follows a symlink to its target. */
const ON_THE_LINK = new Set(['lstatSync', 'unlinkSync', 'renameSync', 'symlinkSync', 'rmSync']);

/** Where a call really landed: a path through a link is judged by the link's target. */
function landing(call: FsCall): string {
  const viaParent = () => {
    try {
      return join(realpathSync(dirname(call.path)), basename(call.path));
    } catch {
      return call.path;
    }
  };
  if (ON_THE_LINK.has(call.op)) return viaParent();
  try {
    return realpathSync(call.path);
  } catch {
    return viaParent(); // gone (a renamed temporary file), dangling or a loop: the entry itself
  }
}

/** Calls that landed outside `roots`, other than the CLI loading its own files. */
export function callsOutside(calls: readonly FsCall[], roots: readonly string[]): FsCall[] {
  const own = realpathSync(new URL('../../', import.meta.url).pathname);
  const inside = roots.map((root) => realpathSync(root));
  return calls
    .filter((call) => !call.path.startsWith('fd:'))
    .map((call) => ({ ...call, path: landing(call) }))
    .filter(
      (call) =>
        !inside.some((root) => call.path === root || call.path.startsWith(`${root}/`)) &&
        !call.path.startsWith(`${own}/dist/`) &&
        !call.path.startsWith(`${own}/node_modules/`),
    );
}
