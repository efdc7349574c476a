// The pipeline's pure middle: parse → detect → plan → edit → verify, over files handed in by discover.
// Nothing here touches the file system or the network; files are read through the `read` function.
import type { Config } from './config.js';
import { buildEvidence } from './evidence/index.js';
import { emptyEvidence } from './evidence/query.js';
import { evidenceFileKind, templateMentionsCookie } from './evidence/files.js';
import type { ProjectEvidence } from './evidence/types.js';
import { applyEdits } from './fix/insert.js';
import { planFixes, type PlannedFinding, type SiteWithRule } from './fix/plan.js';
import { firstDifferenceOutsideEdits } from './fix/verify.js';
import { identityOf, withholdFailing, type Verification } from './fix/withhold.js';
import { isTestFile, languageOf, mayConfigureServer, mentionsServerSetting } from './languages/index.js';
import { resolveJsSpecifier } from './languages/javascript-support.js';
import { resolvePythonModule } from './languages/python-support.js';
import { LANGUAGES, configLanguagesOf, supportOf } from './languages/registry.js';
import {
  unanalysable,
  type Analysis,
  type AnalyzerContext,
  type LanguageAnalyzer,
  type LanguageSupport,
} from './languages/support.js';
import type { Edit, Evidence, FileChange, Finding, ScanResult, SkippedFile } from './model.js';
import { lineColumn, lineStarts } from './languages/text.js';
import { ignoreReasonOf, type IgnoreSource } from './rules/ignore.js';
import { mentionsCookieApi } from './rules/prefilter.js';
import type { CodeCookie } from './verify/types.js';

/**
 * A file's text, why it is skipped, or (when the caller passed a filter the raw bytes do not match) that it
 * is unrelated: such files are neither decoded nor validated, which keeps huge sweeps cheap.
 */
export type ReadResult = { text: string } | { skip: string } | { unrelated: true };
export type ReadFile = (file: string, mustMention?: (content: Buffer | string) => boolean) => ReadResult;

export interface ScanInput {
  /** Files to scan, relative to the scanned folder, with forward slashes. */
  files: readonly string[];
  read: ReadFile;
  config: Config;
  /**
   * Templates, manifests and deployment files (see `Discovery.evidenceFiles`), read only for the project
   * evidence index.
   */
  evidenceFiles?: readonly string[];
  /** Files listed by discovery but not scanned (too large, binary, …): reported as they are. */
  skipped?: readonly SkippedFile[];
  onProgress?: (done: number, total: number) => void;
  /**
   * Parse every file whose bytes say "cookie" or a rule's word anywhere, as the scan once did: no narrow
   * Python words, no comment-aware stage. Only the prefilter soundness test sets it, to compare both ways.
   */
  broadPrefilter?: boolean;
}

export function scanFiles(input: ScanInput): ScanResult {
  const started = performance.now();
  const fileSet = new Set(input.files);
  const first = analyze(input.files, input.read, input.config, fileSet, {
    onProgress: input.onProgress,
    readSettings: true,
    broadPrefilter: input.broadPrefilter === true,
  });
  const evidence = collectEvidence(first, input, fileSet);
  const cookies: CodeCookie[] = [];
  const planned = plan(first, input.config, evidence, first, cookies);
  // Verification withholds only the edits that fail it (fix/withhold.ts), not every edit in their file.
  const { changes, withheld } = withholdFailing(planned, (edits, tolerated) =>
    buildChanges(first, edits, tolerated, first.texts, input, fileSet, evidence),
  );

  const findings = planned
    .map(({ finding }, index) => {
      const failure = withheld.get(index);
      if (!failure || finding.outcome !== 'fixable') return finding;
      return {
        ...finding,
        outcome: 'manual' as const,
        changedFlags: [],
        edits: [],
        notChangedReasons: [...finding.notChangedReasons, `the fix did not pass verification: ${failure}`],
        message: `${finding.message} The fix was not applied: ${failure}.`,
      } satisfies Finding;
    })
    .sort(compareFindings);

  return {
    findings,
    changes,
    cookies: cookies.sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId),
    ),
    skipped: [...(input.skipped ?? []), ...first.skipped].sort((a, b) => a.file.localeCompare(b.file)),
    stats: {
      filesListed: input.files.length,
      filesParsed: first.parsed,
      ms: Math.round(performance.now() - started),
    },
  };
}

/** Sites whose Secure is written as the framework's own request-following value (Symfony's `auto`). */
function requestFollowingSettings(analysis: Analysis): Evidence[] {
  const found: Evidence[] = [];
  for (const { site, meta } of analysis.sites) {
    const value = meta.secureFollowingRequest;
    const secure = site.flags.secure;
    if (!value || secure.kind !== 'true') continue;
    const text = analysis.texts.get(site.file);
    if (text?.slice(secure.span.start, secure.span.end) !== value) continue;
    found.push({
      file: site.file,
      line: lineColumn(lineStarts(text), secure.span.start).line,
      fact: `\`${site.keys.secure ?? 'secure'}: ${value}\` makes the session cookie Secure on HTTPS requests only`,
    });
  }
  return found;
}

/**
 * The project evidence index, from what the scan read plus the templates, manifests and deployment files
 * discovery listed for it (templates only when they mention a cookie).
 */
function collectEvidence(
  analysis: Analysis,
  input: ScanInput,
  fileSet: ReadonlySet<string>,
): ProjectEvidence {
  // Evidence only ever decides about a cookie site that may be changed: a sweep that found none, or only sites
  // in test code that is left alone (most of a dependency tree or a standard library), need not read templates
  // and manifests or search its settings modules for it.
  const changeable = input.config.fixTests
    ? analysis.sites
    : analysis.sites.filter((entry) => !isTestFile(entry.site.file));
  if (changeable.length === 0) return emptyEvidence();
  const sources = new Map(analysis.texts);
  for (const [file, text] of analysis.settingTexts) sources.set(file, text);
  const extras = new Map<string, string>();
  for (const file of input.evidenceFiles ?? []) {
    const known = sources.get(file);
    if (known !== undefined) {
      extras.set(file, known);
      continue;
    }
    const result = input.read(
      file,
      evidenceFileKind(file) === 'template' ? templateMentionsCookie : undefined,
    );
    if ('text' in result) extras.set(file, result.text);
  }
  return buildEvidence({
    sources,
    extras,
    requestFollowingSettings: requestFollowingSettings(analysis),
    sites: analysis.sites.flatMap(({ site, meta }) =>
      meta.language === 'javascript' || meta.language === 'python' ? [{ site, language: meta.language }] : [],
    ),
    isTestFile,
    loadImport: (fromFile, specifier, language) => {
      const target =
        language === 'python'
          ? resolvePythonModule(fromFile, specifier, fileSet)
          : specifier.startsWith('.')
            ? resolveJsSpecifier(fromFile, specifier, fileSet)
            : null;
      if (!target) return null;
      const known = sources.get(target);
      if (known !== undefined) return { file: target, text: known };
      const result = input.read(target);
      return 'text' in result ? { file: target, text: result.text } : null;
    },
  });
}

function plan(
  analysis: Analysis,
  config: Config,
  evidence: ProjectEvidence,
  /** The first pass's analysis, when this one covers only the fixed files. */
  project: Analysis = analysis,
  /** Receives every judged cookie site (first pass only). */
  cookies?: CodeCookie[],
): PlannedFinding[] {
  const enabled = (entry: SiteWithRule) => config.rules[entry.meta.id] !== 'off';
  const planned = planFixes({
    sites: analysis.sites.filter(enabled),
    texts: project === analysis ? analysis.texts : new Map([...project.texts, ...analysis.texts]),
    policy: { flags: config.flags, sameSite: config.sameSite, fixTests: config.fixTests },
    isTestFile,
    evidence,
    projectSites: project === analysis ? undefined : project.sites.filter(enabled),
    cookies,
  });
  // Rules switched to `report` keep their findings but make no edits.
  return planned.map((entry) =>
    config.rules[entry.finding.ruleId] === 'report' && entry.finding.outcome === 'fixable'
      ? {
          finding: {
            ...entry.finding,
            outcome: 'manual',
            changedFlags: [],
            edits: [],
            notChangedReasons: [
              ...entry.finding.notChangedReasons,
              'the configuration sets this rule to report only',
            ],
            // The message offered a fix; it must say why none is made, like a withheld or unwritten fix does.
            message: `${entry.finding.message} Not changed: the configuration sets this rule to report only.`,
          },
          edits: [],
        }
      : entry,
  );
}

interface AnalyzeOptions {
  onProgress?: (done: number, total: number) => void;
  /** Files analysed whatever they mention (the fixed files of the verification pass). */
  always?: ReadonlySet<string>;
  /** Also keep the texts of entry points and settings modules that mention a server setting (first pass). */
  readSettings?: boolean;
  /** See `ScanInput.broadPrefilter`. */
  broadPrefilter?: boolean;
}

function analyze(
  files: readonly string[],
  read: ReadFile,
  config: Config,
  fileSet: ReadonlySet<string>,
  { onProgress, always = new Set(), readSettings = false, broadPrefilter = false }: AnalyzeOptions,
): Analysis {
  const analysis: Analysis = {
    sites: [],
    texts: new Map(),
    parsed: 0,
    skipped: [],
    errorCounts: new Map(),
    parseFailures: new Map(),
    settingTexts: new Map(),
  };
  const context: AnalyzerContext = {
    analysis,
    config,
    fileSet,
    readText: (file) => {
      const known = analysis.texts.get(file);
      if (known !== undefined) return known;
      const result = read(file);
      if (!('text' in result)) return null;
      analysis.texts.set(file, result.text);
      return result.text;
    },
    peek: (file) => {
      const result = read(file);
      return 'text' in result ? result.text : null;
    },
  };
  const analyzers = new Map<LanguageSupport, LanguageAnalyzer>(
    LANGUAGES.map((support) => [support, support.createAnalyzer(context)]),
  );

  files.forEach((file, index) => {
    onProgress?.(index + 1, files.length);
    const language = languageOf(file);
    // A configuration file may be read by the rules of several languages (`.ini`: PasteDeploy and php.ini).
    const configReaders = language ? [] : configLanguagesOf(file);
    const support = language ? supportOf(language) : configReaders[0];
    if (!support) return;
    const analyzer = analyzers.get(support)!;
    const isConfig = language === null;
    const forSettings = readSettings && !isConfig && mayConfigureServer(file);
    const prefilter = broadPrefilter || isConfig ? mentionsCookieApi : support.mentionsApi;
    const see = isConfig ? undefined : analyzer.see?.bind(analyzer);
    const mentionsApi = see
      ? (content: Buffer | string): boolean => {
          see(file, content);
          return prefilter(content);
        }
      : prefilter;
    // A file read only for its server settings is never reported as skipped: before the evidence index it
    // was simply unrelated.
    let onlySettings = false;
    const filter = forSettings
      ? (content: Buffer | string): boolean => {
          // Decoded once for both tests: entry-point names (`index`, `__init__`) are common in a dependency tree.
          const text = typeof content === 'string' ? content : content.toString('latin1');
          if (mentionsApi(text)) return true;
          onlySettings = mentionsServerSetting(text);
          return onlySettings;
        }
      : mentionsApi;
    const result = read(file, always.has(file) ? undefined : filter);
    if ('unrelated' in result) return;
    if ('skip' in result) {
      if (!onlySettings) analysis.skipped.push({ file, reason: result.skip });
      return;
    }
    if (onlySettings) {
      // The filter already found no cookie API in these bytes, only a server setting.
      analysis.settingTexts.set(file, result.text);
      return;
    }
    if (!always.has(file)) {
      if (!mentionsApi(result.text)) return;
      if (!isConfig && !broadPrefilter && support.onlyInProse(file, result.text)) {
        // Not parsed; the evidence index still reads it, as it reads any module it is handed.
        analysis.settingTexts.set(file, result.text);
        return;
      }
    }
    analysis.texts.set(file, result.text);
    try {
      if (isConfig) for (const reader of configReaders) analyzers.get(reader)!.addConfig?.(file, result.text);
      else analyzer.add(file, result.text);
    } catch (error) {
      analysis.skipped.push({ file, reason: unanalysable(error) });
    }
  });
  for (const analyzer of analyzers.values()) analyzer.finish();
  const ignoreSource = (file: string): IgnoreSource | null => {
    for (const analyzer of analyzers.values()) {
      const source = analyzer.ignoreSource(file);
      if (source) return source;
    }
    const text = analysis.texts.get(file);
    return text === undefined ? null : { text };
  };
  for (const entry of analysis.sites) {
    const reason = ignoreReasonOf(entry.site, ignoreSource);
    if (reason !== null) entry.site = { ...entry.site, ignoredReason: reason };
  }
  return analysis;
}

/**
 * Applies each file's edits, verifies them, and checks that a second pass over the result plans nothing
 * beyond the `tolerated` findings (those whose edits were withheld).
 */
function buildChanges(
  first: Analysis,
  planned: readonly Edit[],
  tolerated: ReadonlyMap<string, number>,
  texts: ReadonlyMap<string, string>,
  input: ScanInput,
  fileSet: ReadonlySet<string>,
  evidence: ProjectEvidence,
): Verification {
  const editsByFile = new Map<string, Map<string, Edit>>();
  for (const edit of planned) {
    const fileEdits = editsByFile.get(edit.file) ?? new Map<string, Edit>();
    fileEdits.set(`${edit.start}:${edit.end}:${edit.text}`, edit);
    editsByFile.set(edit.file, fileEdits);
  }
  const failures = new Map<string, string>();
  const candidates: FileChange[] = [];
  for (const [file, unique] of editsByFile) {
    const before = texts.get(file);
    if (before === undefined) continue;
    const edits = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
    let after: string;
    try {
      after = applyEdits(before, edits);
    } catch (error) {
      failures.set(file, (error as Error).message);
      continue;
    }
    const change: FileChange = { file, before, after, edits };
    const outside = firstDifferenceOutsideEdits(before, after, edits);
    if (outside !== null) failures.set(file, `bytes outside the edits changed near offset ${outside}`);
    else candidates.push(change);
  }
  if (candidates.length === 0) return { changes: [], failures };

  // Second pass on the fixed texts: it must find nothing more to change in the files it changed.
  const overlay = new Map(candidates.map((change) => [change.file, change.after]));
  // Only what can see the changed files is scanned again: the changed files, the files whose code led to
  // sites in them, and every Python candidate (Python settings are resolved across the whole project).
  const rescan = new Set(overlay.keys());
  for (const entry of first.sites) {
    const touches =
      overlay.has(entry.site.file) ||
      (entry.site.insertion?.container.file !== undefined &&
        overlay.has(entry.site.insertion.container.file));
    if (touches && entry.origin) rescan.add(entry.origin);
    if (entry.origin && languageOf(entry.origin) === 'python') rescan.add(entry.origin);
  }
  const rescanFiles = [...rescan].filter((file) => fileSet.has(file) || overlay.has(file)).sort();
  const second = analyze(
    rescanFiles,
    (file, filter) => {
      const text = overlay.get(file);
      return text === undefined ? input.read(file, filter) : { text };
    },
    input.config,
    fileSet,
    { always: new Set(overlay.keys()), broadPrefilter: input.broadPrefilter === true },
  );
  // The verification pass parsed every fixed file: it must parse at least as well as before.
  for (const change of candidates) {
    const failure = parseRegression(first, second, change.file);
    if (failure) failures.set(change.file, failure);
  }
  // The same evidence as the first pass: the fixes do not change what the project reads or serves.
  const allowed = new Map(tolerated);
  for (const { finding, edits } of plan(second, input.config, evidence, first)) {
    if (!edits.some((edit) => overlay.has(edit.file))) continue;
    const key = identityOf(finding);
    const left = allowed.get(key) ?? 0;
    if (left > 0) {
      allowed.set(key, left - 1); // a withheld finding, still unfixed: expected
      continue;
    }
    for (const edit of edits) {
      if (overlay.has(edit.file) && !failures.has(edit.file)) {
        failures.set(edit.file, 'a second pass over the fixed file still wanted to change it');
      }
    }
  }
  return { changes: candidates.filter((change) => !failures.has(change.file)), failures };
}

/** Why a fixed file parses worse than the original, or null. */
function parseRegression(first: Analysis, second: Analysis, file: string): string | null {
  const failure = second.parseFailures.get(file);
  if (failure !== undefined) return `the edited file no longer parses (${failure})`;
  const after = second.errorCounts.get(file);
  if (after === undefined) {
    const skipped = second.skipped.find((entry) => entry.file === file);
    return `the edited file could not be checked again (${skipped?.reason ?? 'it was not parsed'})`;
  }
  if (after > (first.errorCounts.get(file) ?? 0)) return 'the edited file has new syntax errors';
  return null;
}

function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId)
  );
}
