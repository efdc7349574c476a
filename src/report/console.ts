// The text report: one line per finding (`path:line:col  rule-id  message`, then `(in the baseline)` for
// one the baseline holds, or what is new on a recorded line), then a summary.
import type { Finding, Outcome, ScanResult } from '../model.js';
import { escapeControlCharacters } from './control-chars.js';

export function renderText(result: ScanResult, options: { quiet?: boolean } = {}): string {
  const lines: string[] = [];
  for (const finding of result.findings) {
    if (options.quiet && (!isWeak(finding) || finding.baselined === true)) continue;
    const mark = finding.baselined === true ? '  (in the baseline)' : newSinceBaseline(finding);
    lines.push(
      escapeControlCharacters(
        `${finding.file}:${finding.line}:${finding.column}  ${finding.ruleId}  ${finding.message}${mark}`,
      ),
    );
  }
  if (!options.quiet) {
    for (const entry of result.skipped) {
      lines.push(escapeControlCharacters(`${entry.file}  skipped  ${entry.reason}`));
    }
  }
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

// A recorded line that gained a problem fails the check: say which, or it looks like the baseline was ignored.
function newSinceBaseline(finding: Finding): string {
  const added = finding.problemsNewSinceBaseline;
  if (!added || added.length === 0) return '';
  return `  (not in the baseline: it recorded this line without ${added.join(', ')})`;
}

export function summaryLine(result: ScanResult): string {
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
  return `${findings}; ${files}${skipped} in ${result.stats.ms} ms.`;
}

/** A finding that still leaves a cookie weak: something missing or off, not fixed, not ignored, not minor. */
export function isWeak(finding: Finding): boolean {
  if (finding.outcome === 'fixed' || finding.outcome === 'ignored') return false;
  if (finding.severity === 'low') return false;
  return finding.problems.some((problem) => problem.endsWith('-missing') || problem.endsWith('-false'));
}
