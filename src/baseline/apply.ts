// Reading a project's baseline and marking the findings it holds. The file lives in the checked-out code
// (in the action, possibly a fork's), so it is read like the config file: never through a link.
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { readRegularFile } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import type { Finding, Problem, ScanResult } from '../model.js';
import { BASELINE_PATH, parseBaseline, type BaselineEntry } from './file.js';

const MAX_BASELINE_BYTES = 4 * 1024 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The baseline's entries under `root`, or null when the project has none. */
export function loadBaseline(root: string): BaselineEntry[] | null {
  const folder = BASELINE_PATH.slice(0, BASELINE_PATH.indexOf('/'));
  try {
    if (lstatSync(join(root, folder)).isSymbolicLink()) {
      throw new UsageError(
        `${BASELINE_PATH}: the baseline is refused: ${folder} is a symbolic link (not followed)`,
      );
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return null; // no .github folder: no baseline
  }
  const read = readRegularFile(join(root, BASELINE_PATH), MAX_BASELINE_BYTES);
  if ('skip' in read) {
    if (read.code === 'ENOENT') return null;
    throw new UsageError(`${BASELINE_PATH}: the baseline is refused: ${read.skip}`);
  }
  let text: string;
  try {
    text = decoder.decode(read.bytes);
  } catch {
    throw new UsageError(`${BASELINE_PATH}: the baseline is not valid UTF-8`);
  }
  return parseBaseline(BASELINE_PATH, text);
}

/**
 * Every open finding gets `baselined`: true when an entry of its line recorded at least its problems (fewer
 * now means partly fixed by hand, still the old finding). Each entry covers one finding, so a second
 * identical line added later is new. A finding whose line was recorded with fewer problems gets the new
 * ones in `problemsNewSinceBaseline`. Without a baseline, unchanged.
 */
export function markBaselined(result: ScanResult, baseline: readonly BaselineEntry[] | null): ScanResult {
  if (baseline === null) return result;
  const entriesByKey = new Map<string, Array<ReadonlySet<string>>>();
  for (const entry of baseline) {
    const list = entriesByKey.get(entry.key) ?? [];
    list.push(new Set(entry.problems));
    entriesByKey.set(entry.key, list);
  }
  const openByKey = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    if (finding.outcome === 'ignored') continue;
    const list = openByKey.get(finding.baselineKey) ?? [];
    list.push(finding);
    openByKey.set(finding.baselineKey, list);
  }
  const matched = new Set<Finding>();
  const usedByKey = new Map<string, ReadonlySet<number>>();
  for (const [key, entries] of entriesByKey) {
    const pairs = matchFindings(openByKey.get(key) ?? [], entries);
    for (const finding of pairs.keys()) matched.add(finding);
    usedByKey.set(key, new Set(pairs.values()));
  }
  const findings = result.findings.map((finding): Finding => {
    if (finding.outcome === 'ignored') return finding;
    if (matched.has(finding)) return { ...finding, baselined: true };
    const entries = entriesByKey.get(finding.baselineKey) ?? [];
    const added = newProblems(finding, entries, usedByKey.get(finding.baselineKey) ?? new Set());
    return { ...finding, baselined: false, ...(added ? { problemsNewSinceBaseline: added } : {}) };
  });
  return { ...result, findings };
}

/** What `cookie-hardener baseline` records: every finding not ignored in the code. */
export function baselineEntries(findings: readonly Finding[]): BaselineEntry[] {
  return findings
    .filter((finding) => finding.outcome !== 'ignored')
    .map((finding) => ({ key: finding.baselineKey, problems: [...finding.problems] }));
}

/**
 * Pairs findings of one line with entries that cover their problems, as many as can be paired, earlier
 * findings first. Taking the first fitting entry is not enough: a partly fixed line could take the entry
 * an unfixed twin needs, and the twin would turn red. The lists are tiny (identical lines of one file), so
 * the plain augmenting-path search is enough.
 */
function matchFindings(
  findings: readonly Finding[],
  entries: ReadonlyArray<ReadonlySet<string>>,
): Map<Finding, number> {
  const owner: Array<number | null> = entries.map(() => null);
  const fits = (finding: Finding, entry: number) => finding.problems.every((p) => entries[entry]!.has(p));
  const place = (index: number, seen: Set<number>): boolean => {
    for (let entry = 0; entry < entries.length; entry++) {
      if (seen.has(entry) || !fits(findings[index]!, entry)) continue;
      seen.add(entry);
      const holder = owner[entry];
      if (holder === null || holder === undefined || place(holder, seen)) {
        owner[entry] = index;
        return true;
      }
    }
    return false;
  };
  for (let index = 0; index < findings.length; index++) place(index, new Set());
  const result = new Map<Finding, number>();
  owner.forEach((index, entry) => {
    if (index !== null && index !== undefined) result.set(findings[index]!, entry);
  });
  return result;
}

/**
 * The problems that make an unmatched finding new when its line still has a free entry: those the closest
 * free entry lacks. Null when no entry is left for the line (a new line, or one more copy of a recorded one).
 */
function newProblems(
  finding: Finding,
  entries: ReadonlyArray<ReadonlySet<string>>,
  used: ReadonlySet<number>,
): Problem[] | null {
  let best: Problem[] | null = null;
  entries.forEach((problems, entry) => {
    if (used.has(entry)) return;
    const missing = finding.problems.filter((problem) => !problems.has(problem));
    if (best === null || missing.length < best.length) best = missing;
  });
  return best;
}
