// The CLI shell: arguments in, report out, exit code back. All decisions happen in the core.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { applyInputs } from '../action/inputs.js';
import { baselineEntries, loadBaseline, markBaselined } from '../baseline/apply.js';
import { BASELINE_PATH, renderBaseline } from '../baseline/file.js';
import { writeChanges } from '../deliver/local.js';
import type { Config } from '../config.js';
import { discoverFiles, type Discovery } from '../discover/list-files.js';
import { loadConfigFile } from '../discover/load-config.js';
import { readSourceFile } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import type { Finding, ScanResult } from '../model.js';
import { renderText, summaryLine, type RunFacts } from '../report/console.js';
import { escapeControlCharacters } from '../report/control-chars.js';
import { renderUnifiedDiff } from '../report/diff.js';
import { renderJson } from '../report/json.js';
import { countForGate, exitSentence } from '../report/gate.js';
import { renderAnalysis } from '../report/markdown.js';
import { renderSarif } from '../report/sarif.js';
import { languagesToPrepare } from '../languages/registry.js';
import { scanFiles } from '../scan.js';
import { VERSION } from '../version.js';
import { renderVerifyJson, renderVerifyMarkdown, renderVerifyText, summarize } from '../verify/render.js';
import { runVerify } from '../verify/run.js';
import { DEFAULT_SCENARIO_PATH } from '../verify/scenario.js';
import { parseCliArguments, USAGE, type CliRequest } from './args.js';
import { writeProjectFile, writeReportFile } from './output.js';
import { resolveTargets } from './targets.js';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress is drawn only on a terminal. */
  stderrIsTerminal: boolean;
}

/** A number, or for `verify` (which waits on the network) a promise of one. */
export function runCli(argv: readonly string[], io: CliIO): number | Promise<number> {
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
    if (request.command === 'usage') {
      io.stderr(USAGE);
      return 2;
    }
    if (request.command === 'verify') {
      const debug = request.debug;
      return runVerifyCommand(request, io).catch((error: unknown) => reportError(error, debug, io));
    }
    return runCommand(request, io);
  } catch (error) {
    return reportError(error, request?.debug ?? false, io);
  }
}

/** One line for a mistake or a failure the person can act on; the stack only with --debug. */
function reportError(error: unknown, debug: boolean, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr(`cookie-hardener: ${escapeControlCharacters(error.message)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`cookie-hardener: unexpected error: ${escapeControlCharacters(message)}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('cookie-hardener: run again with --debug for details\n');
  return 2;
}

async function runVerifyCommand(request: CliRequest, io: CliIO): Promise<number> {
  const options = request.verify;
  const project = options.project ?? '.';
  // The project's scenario file is used when present, as the config file is.
  const defaultScenario = join(project, DEFAULT_SCENARIO_PATH);
  const scenario = options.scenario ?? (existsSync(defaultScenario) ? defaultScenario : null);
  const report = await runVerify({
    urls: request.targets,
    expectations: options.findings !== null ? { findings: options.findings } : { project },
    scenario,
    ca: options.ca,
    ...(options.timeoutMs !== null && { timeoutMs: options.timeoutMs }),
    browser: options.browser,
  });
  // Not a failure: the HTTP checks stand on their own, and the line says what to install.
  if (report.browser?.skipped)
    io.stderr(`cookie-hardener: ${escapeControlCharacters(report.browser.skipped)}\n`);
  const rendered =
    request.format === 'json'
      ? renderVerifyJson(report)
      : request.format === 'markdown'
        ? renderVerifyMarkdown(report)
        : renderVerifyText(report);
  if (request.output !== null) {
    writeReportFile('`--output`', request.output, rendered);
    io.stdout(`${summarize(report)}\n`);
  } else io.stdout(rendered);
  return report.problemCount > 0 ? 1 : 0;
}

function runCommand(request: CliRequest, io: CliIO): number | Promise<number> {
  const cwd = process.cwd();
  const target = resolveTargets(request.targets, cwd);
  const { config: fileConfig, file: configFile } = loadConfigFile(target.root, request.configFile, cwd);
  const config = applyInputs(fileConfig, {
    paths: target.paths,
    exclude: request.exclude,
    flags: request.flags,
    sameSite: request.sameSite,
  });
  // Read before anything is written: a broken baseline stops `fix` before it touches a file.
  const baseline = request.command === 'baseline' ? null : loadBaseline(target.root);
  const discovery = discoverFiles(target.root, config);
  for (const warning of discovery.warnings)
    io.stderr(`cookie-hardener: warning: ${escapeControlCharacters(warning)}\n`);
  // Parsers compiled from WebAssembly (Ruby, C#) are readied first; a tree without such files stays synchronous.
  const preparing = languagesToPrepare(discovery.files);
  const finish = () =>
    scanAndDeliver(request, io, { root: target.root, cwd, config, baseline, discovery, configFile });
  return preparing
    ? preparing.then(finish).catch((error: unknown) => reportError(error, request.debug, io))
    : finish();
}

interface CommandSetting {
  root: string;
  cwd: string;
  config: Config;
  baseline: ReturnType<typeof loadBaseline>;
  discovery: Discovery;
  configFile: string | null;
}

function scanAndDeliver(request: CliRequest, io: CliIO, setting: CommandSetting): number {
  const { root, cwd, config, baseline, discovery, configFile } = setting;
  const facts: RunFacts = { configFile, excluded: discovery.excluded };
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

  if (request.command === 'baseline') return writeBaseline(scanned, facts, root, cwd, io);

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
  result = markBaselined(result, baseline);

  const gate = countForGate(request.failOn, result.findings);
  const exitLine = exitSentence(request.failOn, gate);
  const report = renderReport(request, result, exitLine, facts, gate.counted);
  if (request.output !== null) {
    writeReportFile('`--output`', request.output, report);
    io.stdout(`${summaryLine(result, facts)}\n${exitLine}\n`);
  } else io.stdout(report);
  return gate.fails ? 1 : 0;
}

function renderReport(
  request: CliRequest,
  result: ScanResult,
  exitLine: string,
  facts: RunFacts,
  counted: readonly Finding[],
): string {
  switch (request.format) {
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'markdown':
      return renderAnalysis(result, { mode: request.command === 'fix' && !request.dryRun ? 'fix' : 'scan' });
    case 'text': {
      const text = `${renderText(result, { quiet: request.quiet, counted, facts })}${exitLine}\n`;
      const diff = request.command === 'fix' && request.dryRun && result.changes.length > 0;
      return diff ? `${text}\n${renderUnifiedDiff(result.changes)}` : text;
    }
  }
}

function writeBaseline(result: ScanResult, facts: RunFacts, root: string, cwd: string, io: CliIO): number {
  const entries = baselineEntries(result.findings);
  const path = writeProjectFile('the baseline', root, BASELINE_PATH, renderBaseline(entries));
  // Relative when the current folder is in the project (`../.github/…` from a subfolder), else in full.
  const fromRoot = relative(root, cwd);
  const inProject = fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
  const where = inProject ? relative(cwd, path) : path;
  const count = `${entries.length} finding${entries.length === 1 ? '' : 's'}`;
  io.stdout(
    `${summaryLine(result, facts)}\nBaseline written to ${where}: ${count} recorded; --fail-on now counts only findings not in it.\n`,
  );
  return 0;
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
