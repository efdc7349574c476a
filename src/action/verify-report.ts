// A verify report where a workflow run shows things: the job summary (the report's Markdown) and annotations
// (one per problem; cookies no code explains as notices). Shared by the deployment flow and report mode.
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { InputError, type FailOn } from './inputs.js';
import { logInfo, logNotice, logWarning } from './log.js';
import { codeSpan } from '../report/escape.js';
import { shownUrlText } from '../verify/http.js';
import { renderVerifyMarkdown, summarize } from '../verify/render.js';
import { DEFAULT_SCENARIO_PATH } from '../verify/scenario.js';
import type { VerifyReport } from '../verify/types.js';

export function annotateVerify(report: VerifyReport): void {
  for (const cookie of report.cookies) {
    for (const problem of cookie.problems)
      core.error(`${cookie.url}: ${problem.message}`, { title: `cookie-hardener verify (${cookie.name})` });
  }
  for (const check of report.transport) {
    for (const problem of check.problems)
      logWarning(`${check.httpUrl}: ${problem.message}`, { title: 'cookie-hardener verify (transport)' });
  }
  for (const step of report.steps) {
    for (const problem of step.problems)
      logWarning(`${step.method} ${step.url}: ${problem.message}`, {
        title: `cookie-hardener verify (step ${step.name})`,
      });
  }
  for (const redirect of report.unfollowedRedirects) {
    logNotice(
      `${redirect.from} redirects to ${redirect.to}, which was not followed (${redirect.reason}): cookies set past it were not checked.`,
      { title: 'cookie-hardener verify (redirect not followed)' },
    );
  }
  for (const cookie of report.unexplained) {
    logNotice(
      `${cookie.url} sets ${cookie.name}, which no code location the scan found sets: a proxy, a CDN or a library may add it.`,
      { title: 'cookie-hardener verify (unexplained cookie)' },
    );
  }
  logInfo(`verify: ${summarize(report)}`);
}

/** The summary heading of a check of `url` (a query or credentials may hold a bypass secret: not shown). */
export function deploymentCheckHeading(url: string): string {
  return `# Deployment check of ${codeSpan(shownUrlText(url))}`;
}

/** The job summary's section for this report, headed by what was checked. */
export function verifySummary(report: VerifyReport, heading: string): string {
  return `${heading}\n\n${renderVerifyMarkdown(report)}`;
}

/**
 * The scenario to run: the input (relative to the workspace, and inside it), else the default file when the
 * repository has one, else none.
 */
export function scenarioPath(input: string | null, workspace: string): string | null {
  if (input === null) {
    const fallback = join(workspace, DEFAULT_SCENARIO_PATH);
    return existsSync(fallback) ? fallback : null;
  }
  const path = isAbsolute(input) ? input : join(workspace, input);
  const inside = relative(workspace, path);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new InputError(`input \`verify-scenario\` must name a file inside the workspace (got "${input}")`);
  if (!existsSync(path))
    throw new InputError(`input \`verify-scenario\`: ${input} does not exist in the workspace`);
  return path;
}

/** `fail-on` for a deployment: any problem verify found fails the step unless the gate is `none`. */
export function gateVerify(failOn: FailOn, report: VerifyReport): void {
  if (failOn === 'none' || report.problemCount === 0) return;
  core.setFailed(
    `verify found ${report.problemCount} problem${report.problemCount === 1 ? '' : 's'} on the deployment (fail-on: ${failOn}).`,
  );
}
