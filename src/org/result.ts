// One repository's sweep result: the small JSON file a sweep job uploads and the aggregate job reads. It is
// keyed by repository + default-branch commit + tool version: a later run skips a repository whose key has
// not changed, and a failed sweep still writes one (with its error) so the dashboard can list it.
import type { Finding, Severity } from '../model.js';

export const RESULT_SCHEMA = 1;

export type SweepMode = 'pr' | 'report';

export interface FindingCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Framework name → findings, sorted by name. */
  byFramework: Record<string, number>;
}

export interface SweepPullRequest {
  number: number;
  url: string;
  /** `created`, `updated`, `closed` (the base holds every fix) or `none` (already up to date). */
  operation: string;
  state: 'open' | 'closed';
}

export interface SweepResult {
  schema: typeof RESULT_SCHEMA;
  /** owner/name. */
  repository: string;
  /** The default-branch commit the sweep scanned; null when the checkout could not be read. */
  commit: string | null;
  toolVersion: string;
  mode: SweepMode;
  status: 'swept' | 'failed';
  findings: FindingCounts;
  /** Findings the remediation pull request's branch fixes. */
  fixed: number;
  pullRequest: SweepPullRequest | null;
  /** Why the sweep failed (status `failed`), in the action's own words. */
  error: string | null;
  durationMs: number;
  finishedAt: string;
}

export function emptyCounts(): FindingCounts {
  return { total: 0, bySeverity: { high: 0, medium: 0, low: 0 }, byFramework: {} };
}

/** Counts the findings that count: ignored ones are left out, as everywhere else. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = emptyCounts();
  const frameworks = new Map<string, number>();
  for (const finding of findings) {
    if (finding.outcome === 'ignored') continue;
    counts.total += 1;
    counts.bySeverity[finding.severity] += 1;
    frameworks.set(finding.framework, (frameworks.get(finding.framework) ?? 0) + 1);
  }
  counts.byFramework = Object.fromEntries([...frameworks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return counts;
}

/** What a later run compares: the same key means the same code scanned by the same rules. */
export function resumeKey(repository: string, commit: string, toolVersion: string): string {
  return `${repository.toLowerCase()}@${commit}#${toolVersion}`;
}

const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low'];

/**
 * Reads a result file: the result, or why it cannot be used. Files come from other jobs' artifacts, so every
 * field is checked before the dashboard trusts it.
 */
export function parseSweepResult(text: string): SweepResult | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  if (!isRecord(value)) return 'it is not a JSON object';
  if (value.schema !== RESULT_SCHEMA)
    return `its schema is ${JSON.stringify(value.schema)}, not ${RESULT_SCHEMA}`;
  if (typeof value.repository !== 'string' || !isRepositoryName(value.repository))
    return 'it names no owner/name repository';
  if (value.commit !== null && (typeof value.commit !== 'string' || !/^[0-9a-f]{40}$/.test(value.commit)))
    return 'its commit is not a 40-hex commit id';
  if (typeof value.toolVersion !== 'string' || value.toolVersion === '') return 'it names no tool version';
  if (value.mode !== 'pr' && value.mode !== 'report') return 'its mode is neither pr nor report';
  if (value.status !== 'swept' && value.status !== 'failed') return 'its status is neither swept nor failed';
  const findings = value.findings;
  if (
    !isRecord(findings) ||
    !isCount(findings.total) ||
    !isRecord(findings.bySeverity) ||
    !SEVERITIES.every((severity) => isCount((findings.bySeverity as Record<string, unknown>)[severity])) ||
    !isRecord(findings.byFramework) ||
    !Object.values(findings.byFramework).every(isCount)
  )
    return 'its findings are not counts';
  if (!isCount(value.fixed)) return 'its fixed count is not a count';
  const pull = value.pullRequest;
  if (
    pull !== null &&
    (!isRecord(pull) ||
      !isCount(pull.number) ||
      typeof pull.url !== 'string' ||
      typeof pull.operation !== 'string' ||
      (pull.state !== 'open' && pull.state !== 'closed'))
  )
    return 'its pull request is malformed';
  if (value.error !== null && typeof value.error !== 'string') return 'its error is not text';
  if (!isCount(value.durationMs)) return 'its duration is not a count';
  if (typeof value.finishedAt !== 'string') return 'it has no finishing time';
  return value as unknown as SweepResult;
}

/** owner/name as GitHub allows them: the name is never `.` or `..`, so it can never climb a path. */
function isRepositoryName(text: string): boolean {
  const match = /^[A-Za-z0-9][A-Za-z0-9-]*\/([A-Za-z0-9._-]+)$/.exec(text);
  return match !== null && match[1] !== '.' && match[1] !== '..';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
