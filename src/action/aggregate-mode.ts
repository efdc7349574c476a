// `mode: aggregate`, the organisation sweep's last job: every sweep result (and the plan, for what was skipped
// or never reported) into one dashboard — the job summary, Markdown and CSV files, the state the next run
// resumes from, and optionally one tracking issue in the workflow's repository, edited in place on every run.
import * as core from '@actions/core';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../deliver/github/errors.js';
import { isSelf } from '../deliver/github/identity.js';
import { createGitHubOrgHost } from '../deliver/github/org-host.js';
import {
  dashboardRows,
  renderCsv,
  renderDashboard,
  renderTrackingIssue,
  totalsOf,
  TRACKING_MARKER,
  type DashboardContext,
  type DashboardRow,
} from '../org/dashboard.js';
import { nextState, parseSweepPlan, parseSweepState, type SweepPlan } from '../org/plan.js';
import { parseSweepResult, type SweepResult } from '../org/result.js';
import { InputError } from './inputs.js';
import { logInfo, logWarning } from './log.js';
import { writeOutputFile } from './output-file.js';
import { resolveIn } from './plan-mode.js';
import { repositoryOf } from './repo-host-from-env.js';
import { writeSummary, type ModeContext } from './run.js';

export async function runAggregateMode(context: ModeContext): Promise<DashboardRow[]> {
  const { inputs, env, workspace } = context;
  const roots = [workspace, env.RUNNER_TEMP];
  const planPath = resolveIn(inputs.org.planFile ?? '', workspace);
  if (!existsSync(planPath))
    throw new InputError(`plan-file ${planPath} does not exist: download the plan job's artifact first`);
  const plan = parseSweepPlan(readFileSync(planPath, 'utf8'));
  if (plan === null) throw new InputError(`plan-file ${planPath} is not a plan written by \`mode: plan\``);
  const results = readResults(resolveIn(inputs.org.resultsDir ?? '', workspace), planPath);
  const rows = dashboardRows(plan, results);
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const dashboard: DashboardContext = {
    serverUrl,
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : null,
  };
  const markdown = renderDashboard(plan, rows, dashboard);
  writeSummary(markdown);

  if (inputs.org.dashboardDir !== null) {
    const folder = resolveIn(inputs.org.dashboardDir, workspace);
    const md = writeOutputFile('dashboard-dir', join(folder, 'dashboard.md'), markdown, roots);
    const csv = writeOutputFile('dashboard-dir', join(folder, 'dashboard.csv'), renderCsv(rows), roots);
    core.setOutput('dashboard-file', md);
    core.setOutput('csv-file', csv);
    logInfo(`Dashboard written to ${md} and ${csv}`);
  }
  if (inputs.org.stateFile !== null) {
    const path = resolveIn(inputs.org.stateFile, workspace);
    const previous = existsSync(path) ? parseSweepState(readFileSync(path, 'utf8')) : null;
    const state = nextState(previous, plan, results);
    writeOutputFile('state-file', path, `${JSON.stringify(state, null, 2)}\n`, roots);
    core.setOutput('state-file', path);
    logInfo(`Sweep state (${Object.keys(state.entries).length} repositories) written to ${path}`);
  }
  const totals = totalsOf(rows);
  core.setOutput('failed', String(totals.counts.failed + totals.counts['no result']));
  core.setOutput('findings', String(totals.findings.total));
  for (const row of rows) {
    if (row.status === 'failed' || row.status === 'no result')
      logWarning(`${row.repository}: ${row.error ?? 'failed'}`);
  }
  if (inputs.org.trackingIssue !== null) await keepTrackingIssue(context, plan, rows, dashboard);
  return rows;
}

/**
 * Every *.json under the folder (download-artifact puts each artifact in its own folder unless told to merge
 * them), except the plan itself. A file that is no sweep result is named in a warning and left out.
 */
function readResults(folder: string, planPath: string): SweepResult[] {
  if (!existsSync(folder)) {
    logWarning(`results-dir ${folder} does not exist: no sweep left a result.`);
    return [];
  }
  const plan = realpathSync(planPath);
  const results = new Map<string, SweepResult>();
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory() && depth < 2) visit(path, depth + 1);
      if (!stats.isFile() || !name.endsWith('.json') || realpathSync(path) === plan) continue;
      const parsed = parseSweepResult(readFileSync(path, 'utf8'));
      if (typeof parsed === 'string') {
        logWarning(`${path} is left out: ${parsed}.`);
        continue;
      }
      // Two results for one repository (a re-run job): the later one counts.
      const key = parsed.repository.toLowerCase();
      const earlier = results.get(key);
      if (!earlier || earlier.finishedAt <= parsed.finishedAt) results.set(key, parsed);
    }
  };
  visit(folder, 0);
  return [...results.values()];
}

/**
 * One issue, found by its marker among the issues the token's own account opened (open or closed: a closed
 * one is still the one, so a person closing it never leads to a second), edited only when its text changed.
 */
async function keepTrackingIssue(
  context: ModeContext,
  plan: SweepPlan,
  rows: readonly DashboardRow[],
  dashboard: DashboardContext,
): Promise<void> {
  const { inputs, env } = context;
  const { owner, repo } = repositoryOf(env);
  const title = inputs.org.trackingIssue ?? '';
  const host = createGitHubOrgHost({
    token: inputs.token,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    warn: (message) => core.warning(message),
  });
  const body = renderTrackingIssue(plan, rows, dashboard);
  if (inputs.dryRun) {
    logInfo('Dry run: the tracking issue is left as it is.');
    return;
  }
  const identity = await call('learn which account the token acts as', () => host.identity());
  const issues = await call(`list the issues of ${owner}/${repo}`, () =>
    host.issuesBy(owner, repo, identity.login),
  );
  const ours = issues
    .filter((issue) => isSelf(issue.author, identity) && issue.body.startsWith(TRACKING_MARKER))
    .sort((a, b) => a.number - b.number)[0];
  if (!ours) {
    const created = await call(`open the tracking issue in ${owner}/${repo}`, () =>
      host.createIssue(owner, repo, title, body),
    );
    core.setOutput('tracking-issue-number', String(created.number));
    core.setOutput('tracking-issue-url', created.url);
    logInfo(`Opened the tracking issue #${created.number}.`);
    return;
  }
  core.setOutput('tracking-issue-number', String(ours.number));
  core.setOutput('tracking-issue-url', ours.url);
  if (ours.body === body) {
    logInfo(`The tracking issue #${ours.number} is up to date.`);
    return;
  }
  await call(`update the tracking issue #${ours.number}`, () =>
    host.updateIssueBody(owner, repo, ours.number, body),
  );
  logInfo(
    `Updated the tracking issue #${ours.number}${ours.state === 'closed' ? ' (closed by someone; it stays closed)' : ''}.`,
  );
}
