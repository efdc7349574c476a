// The CLI shell: arguments in, report out, exit code back. All decisions happen in the core.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { writeChanges } from '../deliver/local.js';
import { discoverFiles } from '../discover/list-files.js';
import { loadConfigFile } from '../discover/load-config.js';
import { readSourceFile } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import type { Finding, ScanResult } from '../model.js';
import { isWeak, renderText } from '../report/console.js';
import { escapeControlCharacters } from '../report/control-chars.js';
import { renderUnifiedDiff } from '../report/diff.js';
import { renderJson } from '../report/json.js';
import { renderAnalysis } from '../report/markdown.js';
import { scanFiles } from '../scan.js';
import { VERSION } from '../version.js';
import { parseCliArguments, USAGE, type CliRequest } from './args.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is drawn only on a terminal. */
  stderrIsTerminal: boolean;
}

export function runCli(argv: readonly string[], io: CliIO): number {
  let request: CliRequest | null = null;
  try {
    request = parseCliArguments(argv);
    if (request.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (request.command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    return runScan(request, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`cookie-hardener: ${escapeControlCharacters(error.message)}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cookie-hardener: unexpected error: ${escapeControlCharacters(message)}\n`);
    if (request?.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('Run again with --debug for details.\n');
    return 2;
  }
}

function runScan(request: CliRequest, io: CliIO): number {
  const folder = resolveFolder(request.folder);
  if (!existsSync(folder)) throw new UsageError(`folder not found: ${request.folder}`);
  if (!statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${request.folder}`);
  const { config, file: configFile } = loadConfigFile(folder, request.configFile, process.cwd());
  const discovery = discoverFiles(request.folder, config);
  for (const warning of discovery.warnings)
    io.stderr(`cookie-hardener: warning: ${escapeControlCharacters(warning)}\n`);
  const progress = makeProgress(io);
  const scanned = scanFiles({
    files: discovery.files,
    evidenceFiles: discovery.evidenceFiles,
    read: (file, mustMention) => readSourceFile(discovery.root, file, mustMention),
    config,
    skipped: discovery.skipped,
    onProgress: progress.update,
  });
  progress.done();

  let result: ScanResult = scanned;
  if (request.command === 'fix' && !request.dryRun) {
    const written = writeChanges(discovery.root, scanned.changes);
    const writtenFiles = new Set(written.written);
    const refused = new Map(written.refused.map((entry) => [entry.file, entry.reason]));
    result = {
      ...scanned,
      changes: scanned.changes.filter((change) => writtenFiles.has(change.file)),
      findings: scanned.findings.map((finding) => markWritten(finding, writtenFiles, refused)),
      // A file left unwritten is skipped with its reason, like a file that could not be read.
      skipped: [
        ...scanned.skipped,
        ...written.refused.map((entry) => ({ file: entry.file, reason: `not written: ${entry.reason}` })),
      ],
    };
  }

  if (request.format === 'json') io.stdout(renderJson(result));
  else if (request.format === 'markdown') {
    const mode = request.command === 'fix' && !request.dryRun ? 'fix' : 'scan';
    io.stdout(renderAnalysis(result, { mode }));
  } else {
    io.stdout(
      renderText(result, {
        quiet: request.quiet,
        facts: { configFile, excluded: discovery.excluded },
      }),
    );
    if (request.command === 'fix' && request.dryRun && result.changes.length > 0) {
      io.stdout(`\n${renderUnifiedDiff(result.changes)}`);
    }
  }
  return result.findings.some(isWeak) ? 1 : 0;
}

/** The folder's real path, or the path as given when it does not exist (discover reports that). */
function resolveFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return folder;
  }
}

function markWritten(
  finding: Finding,
  written: ReadonlySet<string>,
  refused: ReadonlyMap<string, string>,
): Finding {
  const files = [...new Set(finding.edits.map((edit) => edit.file))];
  if ((finding.outcome !== 'fixable' && finding.outcome !== 'manual') || files.length === 0) return finding;
  if (files.every((file) => written.has(file)))
    return finding.outcome === 'fixable' ? { ...finding, outcome: 'fixed' } : finding;
  const reason = files.map((file) => refused.get(file)).find(Boolean) ?? 'the file could not be written';
  return {
    ...finding,
    outcome: 'manual',
    changedFlags: [],
    notChangedReasons: [...finding.notChangedReasons, `not written: ${reason}`],
    message: `${finding.message} Not written: ${reason}.`,
  };
}

function makeProgress(io: CliIO): { update: (done: number, total: number) => void; done: () => void } {
  if (!io.stderrIsTerminal) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (total < 200 || (now - last < 100 && done !== total)) return;
      last = now;
      shown = true;
      io.stderr(`\rcookie-hardener: scanning ${done}/${total} files`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
