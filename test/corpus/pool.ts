// Runs corpus files through a few worker threads with a per-file time limit: a file that takes longer is
// recorded as a hang, its worker is terminated and a fresh one takes the next file.
import { build } from 'esbuild';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { WASM_FILES } from '../../src/languages/tree-sitter/runtime.js';
import type { FileReport, FileTask } from './check.js';
import type { WorkerRequest, WorkerResponse } from './worker.js';

/**
 * Worker threads run plain JavaScript, not the TypeScript vitest transforms for us, so the worker and the
 * engine sources it imports are bundled once per run, the way scripts/build.mjs bundles the CLI.
 */
export async function bundleWorker(): Promise<string> {
  const outfile = join(mkdtempSync(join(tmpdir(), 'cookie-hardener-corpus-')), 'worker.mjs');
  await build({
    entryPoints: [new URL('./worker.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __corpusRequire } from 'node:module'; const require = __corpusRequire(import.meta.url);",
    },
  });
  // The WebAssembly parsers are read from beside the bundle, as from dist/ (see tree-sitter/runtime.ts).
  const resolve = createRequire(import.meta.url).resolve;
  for (const { file, pkg } of WASM_FILES)
    copyFileSync(resolve(`${pkg}/${file}`), join(dirname(outfile), file));
  return outfile;
}

export interface PoolOptions {
  script: string;
  workers: number;
  timeLimitMs: number;
  /** Called with each result; returns follow-up tasks (a file's injected copies), run by the same pool. */
  onReport: (task: FileTask, report: FileReport, ms: number) => FileTask[] | void;
}

function lostReport(file: string, check: string, message: string): FileReport {
  return {
    file,
    parsed: false,
    findings: 0,
    changed: false,
    placements: [],
    injections: [],
    pythonChanges: [],
    gofmtChecked: 0,
    phpLinted: 0,
    rubyChecked: 0,
    failures: [{ subject: 'original', check, message }],
  };
}

export function runPool(initial: readonly FileTask[], options: PoolOptions): Promise<void> {
  const queue = [...initial];
  let taken = 0;
  const idle: Array<() => void> = [];
  let slots = 0;
  const stops: Array<() => void> = [];
  return new Promise((resolve) => {
    /** Wakes slots that found the queue empty once follow-up tasks arrive; ends when all are idle. */
    const wake = () => {
      while (idle.length > 0 && taken < queue.length) idle.pop()!();
      if (idle.length === slots && taken >= queue.length) {
        for (const stop of stops) stop();
        resolve();
      }
    };
    const startSlot = () => {
      let worker: Worker;
      let current: { task: FileTask; id: number; timer: NodeJS.Timeout; started: number } | null = null;

      const finish = (report: FileReport, ms: number) => {
        if (!current) return;
        clearTimeout(current.timer);
        const { task } = current;
        current = null;
        const more = options.onReport(task, report, ms);
        if (more) queue.push(...more);
        dispatch();
        wake();
      };
      const lost = (check: string, message: string) => {
        if (!current) return;
        const { task, started } = current;
        worker.removeAllListeners();
        void worker.terminate();
        worker = spawn();
        finish(lostReport(task.file, check, `${message} (${task.part})`), performance.now() - started);
      };
      const spawn = () => {
        const fresh = new Worker(options.script);
        fresh.on('message', (response: WorkerResponse) => {
          if (current?.id === response.id) finish(response.report, response.ms);
        });
        fresh.on('error', (error) => lost('worker crashed', String(error)));
        fresh.on('exit', (code) => lost('worker exited', `exit code ${code}`));
        return fresh;
      };
      const dispatch = () => {
        if (taken >= queue.length) {
          idle.push(dispatch);
          return;
        }
        const id = taken++;
        const task = queue[id]!;
        const timer = setTimeout(
          () => lost('hang', `no result within ${options.timeLimitMs / 1000} s`),
          options.timeLimitMs,
        );
        current = { task, id, timer, started: performance.now() };
        const request: WorkerRequest = { id, ...task };
        worker.postMessage(request);
      };
      worker = spawn();
      stops.push(() => {
        worker.removeAllListeners();
        void worker.terminate();
      });
      dispatch();
    };
    slots = Math.max(1, Math.min(options.workers, queue.length));
    for (let slot = 0; slot < slots; slot++) startSlot();
    wake();
  });
}
