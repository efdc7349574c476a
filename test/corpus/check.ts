// The checks one corpus file goes through, in memory: read it as the CLI would, scan and fix it, and hold the
// fix to the engine's promises (no crash, re-parses, bytes outside the edits untouched, a second fix changes
// nothing; for Go, a gofmt-clean file stays gofmt-clean; for PHP, a text `php -l` accepts stays accepted).
// Then the same for copies with an injected cookie site, which must also be found and fixed.
import { parse as babelParse } from '@babel/parser';
import { basename, extname } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { readSourceFile } from '../../src/discover/read-file.js';
import { firstDifferenceOutsideEdits } from '../../src/fix/verify.js';
import { parseGo } from '../../src/languages/go/parse.js';
import { parseCSharp } from '../../src/languages/csharp/parse.js';
import { parseJava } from '../../src/languages/java/parse.js';
import { parsePhp } from '../../src/languages/php/parse.js';
import { parseRuby } from '../../src/languages/ruby/parse.js';
import { isTestFile, languageOf } from '../../src/languages/index.js';
import { babelOptions, type JsNode } from '../../src/languages/javascript.js';
import { parsePython } from '../../src/languages/python.js';
import { lineStarts } from '../../src/languages/text.js';
import type { ScanResult } from '../../src/model.js';
import { scanFiles } from '../../src/scan.js';
import { gofmt, gofmtDifference, hasGofmt } from './gofmt.js';
import {
  injectCSharp,
  injectGo,
  injectJs,
  injectPhp,
  injectPy,
  injectRuby,
  locateGo,
  type Injection,
  type Placement,
} from './inject.js';
import { injectJava, javaErrorsWithin } from './java-inject.js';
import { hasPhp, phpLint } from './php-lint.js';
import { hasRuby, rubyCheck } from './ruby-check.js';

export interface FileTask {
  root: string;
  /** Relative to root, forward slashes. */
  file: string;
  /** The file's place in the run (picks the placement when only one is tried). */
  index: number;
  allPlacements: boolean;
  /**
   * What this task checks: the file as it is, or one injected copy. Each is its own task with its own time
   * limit, so a large file's several scans do not add up to a false hang.
   */
  part: 'original' | Placement;
}

export type Subject = 'original' | `injected-${Placement}`;

export interface Failure {
  subject: Subject;
  check: string;
  message: string;
}

export interface InjectionReport {
  placement: Placement;
  /** fixed; excused (spread, flag already set: fix not required); invalid (the copy does not parse here). */
  status: 'fixed' | 'excused' | 'invalid' | 'failed';
  detail: string;
}

/** A changed Python text, for the CPython cross-check the main thread runs over all of them at once. */
export interface PythonChange {
  subject: Subject;
  before: string;
  after: string;
}

export interface FileReport {
  file: string;
  /** Set when the CLI's reader skips the file (size, binary, encoding, minified). */
  skipped?: string;
  /** Set when the file does not parse (or parses with errors) before anything is done to it. */
  syntaxError?: string;
  /** Whether the parser produced a tree (with or without recoverable errors). */
  parsed: boolean;
  findings: number;
  changed: boolean;
  /** The injected copies this file gets (reported by the `original` task; each is then checked on its own). */
  placements: Placement[];
  injections: InjectionReport[];
  failures: Failure[];
  pythonChanges: PythonChange[];
  /** Fixed Go texts held to gofmt (their text before the fix was gofmt-clean). */
  gofmtChecked: number;
  /** Fixed PHP texts held to `php -l` (their text before the fix passed it). */
  phpLinted: number;
  /** Fixed Ruby texts held to `ruby -c` (their text before the fix passed it). */
  rubyChecked: number;
}

interface Parsed {
  errors: number;
  /** A parse failure babel could not recover from (the file is skipped by the engine). */
  fatal?: string;
  /** babel's program node, for JavaScript. */
  program?: JsNode;
  /** Error nodes between two offsets, where the parser gives a tree (Java). */
  errorsWithin?: (from: number, to: number) => number;
}

/** Parsed as the engine parses (the same babel options), but reporting what babel says about the bytes. */
function parse(name: string, text: string): Parsed {
  const language = languageOf(name);
  if (language === 'python') return { errors: parsePython(name, text).errorCount };
  if (language === 'go') return { errors: parseGo(name, text).errorCount };
  if (language === 'php') return { errors: parsePhp(name, text).errorCount };
  if (language === 'csharp') {
    const module = parseCSharp(name, text);
    module.tree.delete();
    return { errors: module.errorCount };
  }
  if (language === 'ruby') {
    const module = parseRuby(name, text);
    module.tree.delete();
    return { errors: module.errorCount };
  }
  // @lezer/java marks some valid Java as errors (`String.class`), so only the count is compared.
  if (language === 'java') {
    const module = parseJava(name, text);
    return { errors: module.errorCount, errorsWithin: (from, to) => javaErrorsWithin(module, from, to) };
  }
  try {
    const file = babelParse(text, babelOptions(name, false, false));
    return { errors: file.errors?.length ?? 0, program: file.program };
  } catch (error) {
    // babel throws SyntaxErrors (with a position) for what it cannot recover from.
    if (error instanceof SyntaxError) return { errors: Infinity, fatal: error.message };
    throw error;
  }
}

/**
 * The name the engine sees: the file's own base name (rules read names like settings.py), but never one that
 * marks a test file, because test files are reported and not fixed and the point here is to exercise the fixer.
 */
export function scanName(file: string): string {
  const name = `src/${basename(file)}`;
  return isTestFile(name) ? `src/file${extname(file)}` : name;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '));
  return `${error.name}: ${error.message}${frame ? ` (${frame.trim()})` : ''}`;
}

function scanOne(name: string, text: string): ScanResult {
  return scanFiles({
    files: [name],
    read: (file) => (file === name ? { text } : { skip: 'not in the corpus' }),
    config: DEFAULT_CONFIG,
  });
}

/**
 * Every check on one text; returns the scan so injection checks can look at the findings. `gofmtClean` is
 * true when the text is known to be gofmt's own output (an injected copy that went through it).
 */
function checkText(
  name: string,
  text: string,
  subject: Subject,
  report: FileReport,
  before: Parsed,
  gofmtClean?: boolean,
  phpLintClean?: boolean,
  rubyClean?: boolean,
): ScanResult | null {
  const fail = (check: string, message: string) => report.failures.push({ subject, check, message });
  let result: ScanResult;
  try {
    result = scanOne(name, text);
  } catch (error) {
    fail('scan crashed', describe(error));
    return null;
  }
  if (subject === 'original') report.findings = result.findings.length;
  // The engine verifies its own fixes and demotes a fix that fails to a manual finding: that it caught the
  // bug is good, that it made one is still a bug.
  for (const finding of result.findings) {
    const rejected = finding.notChangedReasons.find((reason) => reason.includes('did not pass verification'));
    if (rejected)
      fail('engine rejected its own fix', `${finding.ruleId} at line ${finding.line}: ${rejected}`);
  }
  for (const change of result.changes) {
    if (subject === 'original') report.changed = true;
    if (change.file !== name || change.before !== text) {
      fail('change is not of the scanned text', `change for ${change.file}`);
      continue;
    }
    const outside = firstDifferenceOutsideEdits(change.before, change.after, change.edits);
    if (outside !== null) fail('bytes outside the edits changed', `first difference at offset ${outside}`);
    let after: Parsed;
    try {
      after = parse(name, change.after);
    } catch (error) {
      fail('re-parse crashed', describe(error));
      continue;
    }
    if (after.fatal !== undefined && before.fatal === undefined) {
      fail('fixed file no longer parses', after.fatal);
    } else if (after.errors > before.errors) {
      fail('fixed file has new syntax errors', `${before.errors} errors before, ${after.errors} after`);
    }
    if (languageOf(name) === 'python') {
      report.pythonChanges.push({ subject, before: change.before, after: change.after });
    }
    if (languageOf(name) === 'go' && hasGofmt()) {
      // Asked only once a fix changed the text: most originals have nothing to fix.
      gofmtClean ??= gofmtDifference(text) === null;
      if (gofmtClean) {
        report.gofmtChecked++;
        const difference = gofmtDifference(change.after);
        if (difference !== null) fail('fixed file is not gofmt-clean', difference);
      }
    }
    if (languageOf(name) === 'php' && hasPhp()) {
      phpLintClean ??= phpLint(text) === null;
      if (phpLintClean) {
        report.phpLinted++;
        const complaint = phpLint(change.after);
        if (complaint !== null) fail('fixed file fails php -l', complaint);
      }
    }
    if (languageOf(name) === 'ruby' && hasRuby()) {
      rubyClean ??= rubyCheck(text) === null;
      if (rubyClean) {
        report.rubyChecked++;
        const complaint = rubyCheck(change.after);
        if (complaint !== null) fail('fixed file fails ruby -c', complaint);
      }
    }
    let second: ScanResult;
    try {
      second = scanOne(name, change.after);
    } catch (error) {
      fail('second scan crashed', describe(error));
      continue;
    }
    if (second.changes.length > 0) {
      const edits = second.changes.flatMap((entry) => entry.edits);
      fail(
        'second fix changed the file again',
        edits.map((edit) => `${edit.start}-${edit.end} ${JSON.stringify(edit.text)}`).join('; '),
      );
    }
  }
  return result;
}

/**
 * The injected Go copy as gofmt prints it, so the fix starts from a gofmt-clean text; the injection's offsets
 * are found again in the formatted text. A string when gofmt rejects the copy or the function got lost.
 */
function formatGoInjection(name: string, injection: Injection): Injection | string {
  const formatted = gofmt(injection.text);
  if ('error' in formatted) return `gofmt rejects the copy: ${formatted.error}`;
  const place = locateGo(parseGo(name, formatted.text));
  if (!place) return 'the injected function is not found after gofmt';
  return { ...injection, text: formatted.text, ...place };
}

function checkInjection(
  name: string,
  spliced: Injection,
  report: FileReport,
  baseErrors: number,
  original: string,
): void {
  const subject: Subject = `injected-${spliced.placement}`;
  const entry: InjectionReport = { placement: spliced.placement, status: 'fixed', detail: '' };
  report.injections.push(entry);
  const go = languageOf(name) === 'go' && hasGofmt();
  const injection = go ? formatGoInjection(name, spliced) : spliced;
  // PHP's compiler rejects what the grammar accepts (a statement after a braced namespace); such a copy is
  // not valid in place, like one the parser rejects. When the original fails too (syntax newer than the
  // installed PHP), the copy is still checked, only not against `php -l`.
  let php = languageOf(name) === 'php' && hasPhp();
  const phpComplaint = php && typeof injection !== 'string' ? phpLint(injection.text) : null;
  if (phpComplaint !== null) {
    if (phpLint(original) === null) {
      entry.status = 'invalid';
      entry.detail = `php -l rejects the copy: ${phpComplaint}`;
      return;
    }
    php = false;
  }
  // Ruby's parser rejects some of what the grammar accepts (`next` or `break` outside a block, which the copied
  // options may hold once they sit in a method): such a copy is not valid in place either.
  let ruby = languageOf(name) === 'ruby' && hasRuby();
  const rubyComplaint = ruby && typeof injection !== 'string' ? rubyCheck(injection.text) : null;
  if (rubyComplaint !== null) {
    if (rubyCheck(original) === null) {
      entry.status = 'invalid';
      entry.detail = `ruby -c rejects the copy: ${rubyComplaint}`;
      return;
    }
    ruby = false;
  }
  if (typeof injection === 'string') {
    entry.status = 'invalid';
    entry.detail = injection;
    return;
  }
  let before: Parsed;
  try {
    before = parse(name, injection.text);
  } catch (error) {
    report.failures.push({ subject, check: 'parse crashed', message: describe(error) });
    entry.status = 'failed';
    return;
  }
  // Copied options can be valid only where they were written (`yield`, `#private`, a label); such a copy
  // says nothing about the fixer.
  if (before.fatal !== undefined || before.errors > baseErrors) {
    entry.status = 'invalid';
    entry.detail = before.fatal ?? `${before.errors - baseErrors} new syntax errors`;
    return;
  }
  // @lezer/java can lose its way in an expression it read fine where it was written (a concatenation of
  // hundreds of strings, moved into a method) while its error count elsewhere goes down: errors inside the
  // injected code say the tree the rules read there is not the code's.
  const inside = before.errorsWithin?.(injection.start, injection.end) ?? 0;
  if (inside > 0) {
    entry.status = 'invalid';
    entry.detail = `${inside} syntax errors inside the injected code`;
    return;
  }
  const failuresBefore = report.failures.length;
  const result = checkText(name, injection.text, subject, report, before, go || undefined, php, ruby);
  if (!result) {
    entry.status = 'failed';
    return;
  }
  const starts = lineStarts(injection.text);
  const offsetOf = (line: number, column: number) => (starts[line - 1] ?? 0) + column - 1;
  const found = result.findings.filter((finding) => {
    const offset = offsetOf(finding.line, finding.column);
    return finding.file === name && offset >= injection.start && offset < injection.end;
  });
  const fail = (message: string) => {
    report.failures.push({ subject, check: 'injected site', message });
    entry.status = 'failed';
    entry.detail = message;
  };
  const edits = result.changes.flatMap((change) => change.edits);
  const editedOptions = edits.some(
    (edit) => edit.start >= injection.optionsStart && edit.end <= injection.end,
  );
  if (injection.excuse !== null) {
    entry.status = 'excused';
    entry.detail = `${injection.excuse}: ${found.map((finding) => finding.outcome).join(', ') || 'no finding'}`;
  } else if (found.length === 0) {
    fail('the injected cookie call was not reported');
  } else if (!found.some((finding) => finding.cookie === 'session')) {
    fail(`reported without its cookie name: ${found.map((finding) => finding.cookie).join(', ')}`);
  } else if (found.some((finding) => finding.outcome !== 'fixable')) {
    const finding = found.find((candidate) => candidate.outcome !== 'fixable')!;
    fail(`not fixed (${finding.outcome}): ${finding.notChangedReasons.join('; ') || finding.message}`);
  } else if (!found.some((finding) => finding.problems.includes('httpOnly-missing'))) {
    fail(`problems ${found.flatMap((finding) => finding.problems).join(', ')}; expected both flags missing`);
  } else if (!editedOptions) {
    fail('reported as fixable, but no edit lands in the injected options');
  } else if (injection.rules?.some((rule) => !found.some((finding) => finding.ruleId === rule))) {
    const missing = injection.rules.filter((rule) => !found.some((finding) => finding.ruleId === rule));
    fail(`no finding of ${missing.join(', ')}`);
  } else {
    entry.detail = found.map((finding) => finding.ruleId).join(', ');
  }
  if (report.failures.length > failuresBefore && entry.status !== 'failed') entry.status = 'failed';
}

export function checkFile(task: FileTask): FileReport {
  const report: FileReport = {
    file: task.file,
    parsed: false,
    findings: 0,
    changed: false,
    placements: [],
    injections: [],
    failures: [],
    pythonChanges: [],
    gofmtChecked: 0,
    phpLinted: 0,
    rubyChecked: 0,
  };
  const read = readSourceFile(task.root, task.file);
  if (!('text' in read)) {
    report.skipped = 'skip' in read ? read.skip : 'unrelated';
    return report;
  }
  const text = read.text;
  const name = scanName(task.file);
  const language = languageOf(name);
  let before: Parsed;
  let injections: Injection[] = [];
  try {
    if (language === 'python') {
      const module = parsePython(name, text);
      before = { errors: module.errorCount };
      if (module.errorCount === 0) injections = injectPy(module);
    } else if (language === 'go') {
      const module = parseGo(name, text);
      before = { errors: module.errorCount };
      if (module.errorCount === 0) injections = injectGo(module);
    } else if (language === 'php') {
      const module = parsePhp(name, text);
      before = { errors: module.errorCount };
      if (module.errorCount === 0) injections = injectPhp(module);
    } else if (language === 'csharp') {
      const module = parseCSharp(name, text);
      try {
        before = { errors: module.errorCount };
        if (module.errorCount === 0) injections = injectCSharp(module);
      } finally {
        module.tree.delete();
      }
    } else if (language === 'ruby') {
      const module = parseRuby(name, text);
      before = { errors: module.errorCount };
      try {
        if (module.errorCount === 0) injections = injectRuby(module);
      } finally {
        module.tree.delete();
      }
    } else if (language === 'java') {
      // Files with (often false) errors get copies too: checkInjection judges each copy by its errors.
      const module = parseJava(name, text);
      before = { errors: module.errorCount };
      injections = injectJava(module);
    } else {
      before = parse(name, text);
      if (before.errors === 0) injections = injectJs(text, before.program);
    }
    // The bounded sample tries one placement per file, alternating, to stay fast; the full run tries both.
    if (!task.allPlacements && injections.length > 1)
      injections = [injections[task.index % injections.length]!];
  } catch (error) {
    report.failures.push({ subject: 'original', check: 'parse crashed', message: describe(error) });
    return report;
  }
  report.parsed = before.fatal === undefined;
  if (before.fatal !== undefined) report.syntaxError = before.fatal;
  else if (before.errors > 0) report.syntaxError = `${before.errors} recoverable syntax errors`;

  report.placements = injections.map((injection) => injection.placement);
  if (task.part === 'original') checkText(name, text, 'original', report, before);
  const injection = injections.find((candidate) => candidate.placement === task.part);
  if (injection) checkInjection(name, injection, report, before.errors, text);
  return report;
}
