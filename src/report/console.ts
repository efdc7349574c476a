// The text report: one line per finding (`path:line:col  rule-id  [outcome, severity, weak]  message`, then
// `(in the baseline)` for one the baseline holds, or what is new on a recorded line), then a summary.
import type { ExcludedFolder } from '../discover/list-files.js';
import type { Finding, Outcome, ScanResult } from '../model.js';
import { escapeControlCharacters } from './control-chars.js';

/** What the run found out before scanning, for the summary line. */
export interface RunFacts {
  /** The config file used (null: the defaults). */
  configFile?: string | null;
  /** What the built-in exclusions removed. */
  excluded?: readonly ExcludedFolder[];
}

export interface TextOptions {
  /** Only weak findings outside the baseline, and those the exit code counts (`--fail-on any` counts more). */
  quiet?: boolean;
  counted?: readonly Finding[];
  facts?: RunFacts;
}

export function renderText(result: ScanResult, options: TextOptions = {}): string {
  const lines: string[] = [];
  const counted = new Set(options.counted ?? []);
  for (const finding of result.findings) {
    const shown = (isWeak(finding) && finding.baselined !== true) || counted.has(finding);
    if (options.quiet && !shown) continue;
    const mark = finding.baselined === true ? '  (in the baseline)' : newSinceBaseline(finding);
    lines.push(
      escapeControlCharacters(
        `${finding.file}:${finding.line}:${finding.column}  ${finding.ruleId}  [${findingTags(finding)}]  ${finding.message}${mark}`,
      ),
    );
  }
  if (!options.quiet) {
    for (const entry of result.skipped) {
      lines.push(escapeControlCharacters(`${entry.file}  skipped  ${entry.reason}`));
    }
  }
  lines.push(summaryLine(result, options.facts));
  return `${lines.join('\n')}\n`;
}

// A recorded line that gained a problem fails the check: say which, or it looks like the baseline was ignored.
function newSinceBaseline(finding: Finding): string {
  const added = finding.problemsNewSinceBaseline;
  if (!added || added.length === 0) return '';
  return `  (not in the baseline: it recorded this line without ${added.join(', ')})`;
}

export function summaryLine(result: ScanResult, facts: RunFacts = {}): string {
  const counts = new Map<Outcome, number>();
  for (const finding of result.findings) counts.set(finding.outcome, (counts.get(finding.outcome) ?? 0) + 1);
  const parts = (
    [
      ['fixed', 'fixed'],
      ['fixable', 'fixable'],
      ['manual', 'need a human'],
      ['conditional', 'conditional'],
      ['ignored', 'ignored'],
    ] as const
  )
    .filter(([outcome]) => counts.has(outcome))
    .map(([outcome, words]) => `${counts.get(outcome)} ${words}`);
  const total = result.findings.length;
  const findings = `${total} finding${total === 1 ? '' : 's'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
  const files = `${result.stats.filesListed} file${result.stats.filesListed === 1 ? '' : 's'} listed, ${result.stats.filesParsed} parsed`;
  const skipped = result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : '';
  const byDefault = facts.excluded ? excludedSummary(facts.excluded) : '';
  const excluded = byDefault ? `; ${byDefault}` : '';
  const config = facts.configFile ? `; config: ${facts.configFile}` : '';
  return `${findings}; ${files}${skipped} in ${result.stats.ms} ms${excluded}${config}.`;
}

/** Folders shown by name before the rest are counted: a summary line, not a listing. */
const MAX_FOLDERS_SHOWN = 5;

/** `skipped 2 folders by default: vendor/ (120 files), dist/ (4 files)`, the folders with most files first. */
const NOT_PROJECT_CODE =
  /(?:^|\/)(?:node_modules|__pycache__|\.git|\.hg|\.svn|\.venv|venv|\.tox|\.nox|\.mypy_cache|\.pytest_cache|site-packages|\.next|\.nuxt|\.cache)\/$/;

export function excludedSummary(excluded: readonly ExcludedFolder[]): string {
  // Dependency and cache folders hold no project code (nobody expects them scanned), and a folder inside one
  // already named adds nothing: both would bury the folders a person may want back.
  const listed = excluded.filter(
    (entry) => entry.folder.endsWith('/') && !NOT_PROJECT_CODE.test(entry.folder),
  );
  const folders = listed.filter(
    (entry) => !listed.some((outer) => outer !== entry && entry.folder.startsWith(outer.folder)),
  );
  const singles = excluded.filter((entry) => !entry.folder.endsWith('/'));
  const count = (files: number | null) =>
    files === null ? 'not entered' : `${files} file${files === 1 ? '' : 's'}`;
  const shown = folders.slice(0, MAX_FOLDERS_SHOWN).map(({ folder, files }) => `${folder} (${count(files)})`);
  if (folders.length > MAX_FOLDERS_SHOWN) shown.push(`${folders.length - MAX_FOLDERS_SHOWN} more`);
  const parts: string[] = [];
  if (folders.length > 0)
    parts.push(
      `skipped ${folders.length} folder${folders.length === 1 ? '' : 's'} by default: ${shown.join(', ')}`,
    );
  // Files removed one by one (minified bundles) are named by what they are.
  for (const { folder, files } of singles) parts.push(`skipped ${files} ${folder}${files === 1 ? '' : 's'}`);
  return escapeControlCharacters(parts.join('; '));
}

/**
 * `fixable, high, weak`: what happens to the finding, how bad it is, and whether it leaves the cookie weak (what
 * the default fail-on counts, unless the baseline holds it: the line's `(in the baseline)` mark says so).
 */
function findingTags(finding: Finding): string {
  return [finding.outcome, finding.severity, ...(isWeak(finding) ? ['weak'] : [])].join(', ');
}

/** A finding that still leaves a cookie weak: something missing or off, not fixed, not ignored, not minor. */
export function isWeak(finding: Finding): boolean {
  if (finding.outcome === 'fixed' || finding.outcome === 'ignored') return false;
  if (finding.severity === 'low') return false;
  return finding.problems.some((problem) => problem.endsWith('-missing') || problem.endsWith('-false'));
}
