// The aggregate job's dashboard: every planned repository's outcome (swept, unchanged, failed, without a
// result, deferred) as Markdown for the job summary and the tracking issue, and as CSV. Pure: the plan and the
// results in, text out.
import { escapeText, tableCell } from '../report/escape.js';
import { plural } from '../report/wording.js';
import type { Exclusion, SweepPlan } from './plan.js';
import { compareText } from './plan.js';
import { emptyCounts, type FindingCounts, type SweepPullRequest, type SweepResult } from './result.js';

export type RowStatus = 'swept' | 'unchanged' | 'failed' | 'no result' | 'deferred';

export interface DashboardRow {
  repository: string;
  status: RowStatus;
  commit: string | null;
  toolVersion: string | null;
  findings: FindingCounts | null;
  fixed: number;
  pullRequest: SweepPullRequest | null;
  /** Why a repository failed or has no result. */
  error: string | null;
}

/** The hidden marker the tracking issue carries; trusted only in issues the token's own account opened. */
export const TRACKING_MARKER = '<!-- cookie-hardener:org-sweep -->';

/** GitHub refuses an issue body over 65,536 characters; the margin keeps room for its normalisation. */
export const MAX_ISSUE_BODY = 60_000;

const NO_RESULT =
  'the sweep job left no result (cancelled, timed out, or its artifact was not uploaded); the next run sweeps it again';

/** One row per planned repository, in name order. Results for repositories this plan did not sweep are ignored. */
export function dashboardRows(plan: SweepPlan, fresh: readonly SweepResult[]): DashboardRow[] {
  const byRepository = new Map(fresh.map((result) => [result.repository.toLowerCase(), result]));
  const rows: DashboardRow[] = [];
  for (const planned of plan.sweep) {
    const result = byRepository.get(planned.repository.toLowerCase());
    rows.push(
      result
        ? fromResult(result, result.status === 'swept' ? 'swept' : 'failed')
        : {
            repository: planned.repository,
            status: 'no result',
            commit: null,
            toolVersion: null,
            findings: null,
            fixed: 0,
            pullRequest: null,
            error: NO_RESULT,
          },
    );
  }
  for (const skipped of plan.skipped)
    rows.push({ ...fromResult(skipped.result, 'unchanged'), repository: skipped.repository });
  for (const deferred of plan.deferred) {
    rows.push({
      repository: deferred.repository,
      status: 'deferred',
      commit: null,
      toolVersion: null,
      findings: null,
      fixed: 0,
      pullRequest: null,
      error: null,
    });
  }
  return rows.sort((a, b) => compareText(a.repository, b.repository));
}

function fromResult(result: SweepResult, status: RowStatus): DashboardRow {
  return {
    repository: result.repository,
    status,
    commit: result.commit,
    toolVersion: result.toolVersion,
    findings: result.findings,
    fixed: result.fixed,
    pullRequest: result.pullRequest,
    error: status === 'failed' ? (result.error ?? 'failed without saying why') : null,
  };
}

export interface DashboardTotals {
  counts: Record<RowStatus, number>;
  findings: FindingCounts;
  fixed: number;
  openPullRequests: number;
}

export function totalsOf(rows: readonly DashboardRow[]): DashboardTotals {
  const counts: Record<RowStatus, number> = {
    swept: 0,
    unchanged: 0,
    failed: 0,
    'no result': 0,
    deferred: 0,
  };
  const findings = emptyCounts();
  const frameworks = new Map<string, number>();
  let fixed = 0;
  let openPullRequests = 0;
  for (const row of rows) {
    counts[row.status] += 1;
    fixed += row.fixed;
    if (row.pullRequest?.state === 'open') openPullRequests += 1;
    if (!row.findings) continue;
    findings.total += row.findings.total;
    for (const severity of ['high', 'medium', 'low'] as const)
      findings.bySeverity[severity] += row.findings.bySeverity[severity];
    for (const [framework, count] of Object.entries(row.findings.byFramework))
      frameworks.set(framework, (frameworks.get(framework) ?? 0) + count);
  }
  findings.byFramework = Object.fromEntries([...frameworks].sort(([a], [b]) => compareText(a, b)));
  return { counts, findings, fixed, openPullRequests };
}

export interface DashboardContext {
  /** Web address of GitHub (GITHUB_SERVER_URL), for repository links. */
  serverUrl: string;
  /** The workflow run that produced it, when known (its summary and artifacts hold everything). */
  runUrl: string | null;
}

/** The dashboard in Markdown. `maxLength` cuts the repository table (never the totals) to fit an issue body. */
export function renderDashboard(
  plan: SweepPlan,
  rows: readonly DashboardRow[],
  context: DashboardContext,
  maxLength = Number.POSITIVE_INFINITY,
): string {
  const totals = totalsOf(rows);
  const head: string[] = [];
  head.push(`# Cookie flags across ${escapeText(plan.owner)}`, '');
  const parts = [
    `${totals.counts.swept} swept`,
    `${totals.counts.unchanged} unchanged since their last sweep (skipped)`,
    `${totals.counts.failed} failed`,
  ];
  if (totals.counts['no result'] > 0) parts.push(`${totals.counts['no result']} without a result`);
  if (totals.counts.deferred > 0) parts.push(`${totals.counts.deferred} deferred to the next run`);
  head.push(
    `**${plural(rows.length, 'repository', 'repositories')}**: ${parts.join(', ')}. ` +
      `cookie-hardener ${escapeText(plan.toolVersion)}${context.runUrl ? `, [this run](${context.runUrl})` : ''}.`,
  );
  if (plan.excluded.length > 0 || plan.missing.length > 0) {
    const left: string[] = [];
    if (plan.excluded.length > 0)
      left.push(
        `${plural(plan.excluded.length, 'repository', 'repositories')} left out by the filters (${exclusionSummary(plan.excluded)})`,
      );
    if (plan.missing.length > 0)
      left.push(
        `not reachable by the App installation: ${plan.missing.map((name) => escapeText(name)).join(', ')}`,
      );
    head.push('', `${left.join('; ')}.`);
  }
  head.push('', '## Findings', '');
  head.push('| severity | findings |', '|---|---:|');
  for (const severity of ['high', 'medium', 'low'] as const)
    head.push(`| ${severity} | ${totals.findings.bySeverity[severity]} |`);
  head.push(`| **total** | **${totals.findings.total}** |`, '');
  const frameworks = Object.entries(totals.findings.byFramework);
  if (frameworks.length > 0) {
    head.push('| framework | findings |', '|---|---:|');
    for (const [framework, count] of frameworks)
      head.push(`| ${tableCell(escapeText(framework))} | ${count} |`);
    head.push('');
  }
  head.push(
    `Fixed by remediation pull requests: ${totals.fixed}; ${plural(totals.openPullRequests, 'pull request', 'pull requests')} open.`,
  );
  const failed = rows.filter((row) => row.status === 'failed' || row.status === 'no result');
  if (failed.length > 0) {
    head.push('', '## Repositories that failed', '', '| repository | why |', '|---|---|');
    for (const row of failed)
      head.push(`| ${repositoryLink(row.repository, context)} | ${tableCell(escapeText(row.error ?? ''))} |`);
  }
  head.push('', '## Repositories', '');
  const table = [
    '| repository | status | commit | high | medium | low | frameworks | pull request |',
    '|---|---|---|---:|---:|---:|---|---|',
  ];
  const lines = rows.map((row) => repositoryRow(row, context));
  const text = (shown: number) => {
    const cut =
      shown < lines.length
        ? [
            '',
            `> The table is cut after ${shown} of ${lines.length} repositories to fit; the workflow run's summary and CSV artifact list them all.`,
          ]
        : [];
    return [...head, ...table, ...lines.slice(0, shown), ...cut, ''].join('\n');
  };
  let shown = lines.length;
  while (shown > 0 && text(shown).length > maxLength)
    shown = Math.max(0, shown - Math.max(1, Math.ceil((text(shown).length - maxLength) / 80)));
  return text(shown);
}

function exclusionSummary(excluded: readonly Exclusion[]): string {
  const reasons = new Map<string, number>();
  for (const { reason } of excluded) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return [...reasons].map(([reason, count]) => `${count} ${escapeText(reason)}`).join(', ');
}

function repositoryLink(repository: string, context: DashboardContext): string {
  return `[${escapeText(repository)}](${context.serverUrl.replace(/\/$/, '')}/${repository.split('/').map(encodeURIComponent).join('/')})`;
}

function repositoryRow(row: DashboardRow, context: DashboardContext): string {
  const findings = row.findings;
  const frameworks = findings
    ? Object.entries(findings.byFramework)
        .map(([framework, count]) => `${escapeText(framework)} ${count}`)
        .join(', ')
    : '';
  const pull = row.pullRequest
    ? `[#${row.pullRequest.number}](${row.pullRequest.url}) ${row.pullRequest.state}`
    : '';
  const cells = [
    repositoryLink(row.repository, context),
    row.status,
    row.commit ? `\`${row.commit.slice(0, 7)}\`` : '',
    findings ? String(findings.bySeverity.high) : '',
    findings ? String(findings.bySeverity.medium) : '',
    findings ? String(findings.bySeverity.low) : '',
    frameworks,
    pull,
  ];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

/** The tracking issue's body: the marker, then the dashboard cut to fit. */
export function renderTrackingIssue(
  plan: SweepPlan,
  rows: readonly DashboardRow[],
  context: DashboardContext,
): string {
  const prefix = `${TRACKING_MARKER}\n`;
  return prefix + renderDashboard(plan, rows, context, MAX_ISSUE_BODY - prefix.length);
}

const CSV_COLUMNS = [
  'repository',
  'status',
  'commit',
  'tool_version',
  'findings',
  'high',
  'medium',
  'low',
  'frameworks',
  'fixed',
  'pull_request_number',
  'pull_request_url',
  'pull_request_state',
  'error',
] as const;

/** One line per repository (RFC 4180 quoting; CRLF line ends, as spreadsheets expect). */
export function renderCsv(rows: readonly DashboardRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    const findings = row.findings;
    lines.push(
      [
        row.repository,
        row.status,
        row.commit ?? '',
        row.toolVersion ?? '',
        findings ? String(findings.total) : '',
        findings ? String(findings.bySeverity.high) : '',
        findings ? String(findings.bySeverity.medium) : '',
        findings ? String(findings.bySeverity.low) : '',
        findings
          ? Object.entries(findings.byFramework)
              .map(([name, count]) => `${name}:${count}`)
              .join(' ')
          : '',
        String(row.fixed),
        row.pullRequest ? String(row.pullRequest.number) : '',
        row.pullRequest?.url ?? '',
        row.pullRequest?.state ?? '',
        row.error ?? '',
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula; error texts are
 * the one free-text column, so such a cell gets a leading apostrophe, the usual guard.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
