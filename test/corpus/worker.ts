// The worker thread the corpus test runs files in, so one file that hangs or exhausts memory can be cut off
// (the main thread terminates this worker and starts another) without losing the rest of the run.
import { parentPort } from 'node:worker_threads';
import { loadGrammars } from '../../src/languages/tree-sitter/runtime.js';
import { checkFile, type FileReport, type FileTask } from './check.js';

// The scan is synchronous once the WebAssembly parsers are compiled; messages wait on the port until then.
await loadGrammars(['c_sharp']);

export interface WorkerRequest extends FileTask {
  id: number;
}

export interface WorkerResponse {
  id: number;
  report: FileReport;
  ms: number;
}

// The Ruby grammar is WebAssembly, compiled once per worker before the first file (a scan parses synchronously).
const grammars = loadGrammars(['ruby']);

parentPort?.on('message', async (request: WorkerRequest) => {
  await grammars;
  const started = performance.now();
  let report: FileReport;
  try {
    report = checkFile(request);
  } catch (error) {
    // checkFile catches engine errors itself; this is a bug in the checker, reported the same way.
    report = {
      file: request.file,
      parsed: false,
      findings: 0,
      changed: false,
      placements: [],
      injections: [],
      pythonChanges: [],
      gofmtChecked: 0,
      phpLinted: 0,
      rubyChecked: 0,
      failures: [{ subject: 'original', check: 'checker crashed', message: String(error) }],
    };
  }
  const response: WorkerResponse = { id: request.id, report, ms: performance.now() - started };
  parentPort?.postMessage(response);
});
