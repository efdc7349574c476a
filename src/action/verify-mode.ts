// `mode: verify` (deployment_status events): when the deployment that just succeeded is the remediation pull
// request's head commit, check its Set-Cookie headers, tick the description's checklist items that passed and
// keep one summary comment up to date. Any other deployment (another commit, a state other than success) ends
// the run with one notice. Outside a deployment_status event the mode checks `verify-url` and reports only.
import { resolve } from 'node:path';
import { call, DeliveryError } from '../deliver/github/errors.js';
import { DEFAULT_MAX_BODY_LENGTH } from '../report/pr-body.js';
import { plural } from '../report/wording.js';
import { isSelf, type HostIdentity } from '../deliver/github/identity.js';
import type { HostPull, RepoHost } from '../deliver/github/repo-host.js';
import { repoHostFromEnv } from './repo-host-from-env.js';
import { tickChecklist } from '../verify/checklist-ticks.js';
import { deploymentUrl, readDeploymentStatus, type DeploymentStatusEvent } from '../verify/deployment.js';
import { shownUrlText } from '../verify/http.js';
import { findVerifyComment, renderVerifyComment } from '../verify/pr-comment.js';
import { runVerify } from '../verify/run.js';
import type { ScanResult } from '../model.js';
import type { VerifyReport } from '../verify/types.js';
import { InputError } from './inputs.js';
import { logInfo, logNotice, logWarning } from './log.js';
import { readEventPayload, writeSummary, type ModeContext } from './run.js';
import {
  annotateVerify,
  deploymentCheckHeading,
  gateVerify,
  scenarioPath,
  verifySummary,
} from './verify-report.js';

/** GitHub refuses a pull request body longer than this. */

export async function runVerifyMode(context: ModeContext): Promise<void> {
  const { env, inputs } = context;
  const event =
    env.GITHUB_EVENT_NAME === 'deployment_status' ? readDeploymentStatus(readEventPayload(env)) : null;
  if (event === null) {
    if (inputs.verifyUrl === null)
      throw new InputError(
        '`mode: verify` outside a deployment_status event needs `verify-url`: the deployment to check',
      );
    logInfo('No deployment_status event: checking `verify-url` and reporting; no pull request is touched.');
    await verifyAndReport(context, inputs.verifyUrl);
    return;
  }
  if (event.state !== 'success') {
    logNotice(
      `Deployment of ${event.sha.slice(0, 7)} is "${event.state}", not "success": nothing to verify yet.`,
    );
    return;
  }
  const host = repoHostFromEnv(context.env, context.inputs.token);
  const identity = await call('learn which account the token acts as', () => host.identity());
  const pull = await remediationPull(host, inputs.branch, identity);
  if (pull === null) {
    logNotice(
      `No open remediation pull request on \`${inputs.branch}\`: the deployment of ${event.sha.slice(0, 7)} is not one to verify.`,
    );
    return;
  }
  const { headSha } = await call(`read #${pull.number}`, () => host.pullHead(pull.number));
  if (headSha.toLowerCase() !== event.sha) {
    logNotice(
      `The deployment is of ${event.sha.slice(0, 7)}, not of #${pull.number}'s head ${headSha.slice(0, 7)}: nothing to verify.`,
    );
    return;
  }
  const { chosen, skipped } = deploymentUrl(event, inputs.verifyUrl);
  for (const reason of skipped) logWarning(reason);
  if (chosen === null) {
    logWarning(
      `The deployment of ${event.sha.slice(0, 7)} names no URL (no environment_url or target_url): set \`verify-url\` to check it.`,
    );
    return;
  }
  logInfo(
    `Verifying ${shownUrlText(chosen.url)} (from ${chosen.from}), the deployment of #${pull.number}'s head.`,
  );
  const report = await verify(context, chosen.url, context.scan());
  writeSummary(verifySummary(report, `# Deployment of #${pull.number} (${event.sha.slice(0, 7)})`));
  annotateVerify(report);
  await updatePullRequest(context, host, identity, pull.number, event, chosen.url, report);
  gateVerify(inputs.failOn, report);
}

/**
 * Report mode (and verify mode without a deployment): the results go to the summary and annotations only.
 * `scanned` is the run's scan of the workspace when it already has one.
 */
export async function verifyAndReport(
  context: ModeContext,
  url: string,
  scanned?: ScanResult,
): Promise<void> {
  logInfo(`Verifying ${shownUrlText(url)} (verify-url).`);
  const report = await verify(context, url, scanned ?? context.scan());
  writeSummary(verifySummary(report, deploymentCheckHeading(url)));
  annotateVerify(report);
  gateVerify(context.inputs.failOn, report);
}

/**
 * What the code expects comes from the action's own scan of the checkout (the deployed commit), so the inputs
 * and the config file (`paths`, `exclude`, `flags`) apply to it as to every other mode.
 */
function verify(context: ModeContext, url: string, scanned: ScanResult): Promise<VerifyReport> {
  const workspace = resolve(context.workspace);
  return runVerify({
    urls: [url],
    expectations: { cookies: scanned.cookies ?? [] },
    scenario: scenarioPath(context.inputs.verifyScenario, workspace),
    ca: null,
  });
}

/** The open pull request of the remediation branch, when the token's account opened it (its markers are ours). */
async function remediationPull(
  host: RepoHost,
  branch: string,
  identity: HostIdentity,
): Promise<HostPull | null> {
  const pulls = await call('list pull requests', () => host.pulls(branch));
  const open = pulls.find((pull) => pull.state === 'open');
  if (!open) return null;
  if (!isSelf(open.author, identity)) {
    logNotice(
      `#${open.number} on \`${branch}\` was not opened by this token's account, so its checklist is not cookie-hardener's to tick.`,
    );
    return null;
  }
  return open;
}

/**
 * The body is read again right before it is written: the verify run took seconds, and a person may have edited
 * the description meanwhile. GitHub has no conditional body update, so this keeps the window to one round trip.
 */
async function updatePullRequest(
  context: ModeContext,
  host: RepoHost,
  identity: HostIdentity,
  number: number,
  event: DeploymentStatusEvent,
  url: string,
  report: VerifyReport,
): Promise<void> {
  const stamp = { sha: event.sha, environment: event.environment };
  // The comments are read first, so the description is re-read right before it is written.
  const comments = context.inputs.dryRun
    ? []
    : await call(`read the comments of #${number}`, () => host.comments(number));
  const current = (await call('list pull requests', () => host.pulls(context.inputs.branch))).find(
    (pull) => pull.number === number,
  );
  if (!current) throw new DeliveryError(`#${number} disappeared while it was being verified.`);
  const ticked = tickChecklist(current.body, report.cookies, stamp);
  const passed = ticked.items.filter((item) => item.result === 'pass').length;
  const summary = `${passed} of ${plural(ticked.items.length, 'checklist item', 'checklist items')} passed`;
  if (context.inputs.dryRun) {
    logInfo(`Dry run: ${summary}; the description and the comment of #${number} are left as they are.`);
    return;
  }
  const changed = ticked.body !== current.body;
  const fits = ticked.body.length <= DEFAULT_MAX_BODY_LENGTH;
  if (changed && !fits) {
    logWarning(
      `#${number}: with the results beside the checklist the description would pass the ${DEFAULT_MAX_BODY_LENGTH.toLocaleString('en-US')} characters cookie-hardener keeps a description under (GitHub refuses 65,536), so it is left as it is; the comment carries them.`,
    );
  } else if (changed) {
    await call(`update the description of #${number}`, () => host.updatePull(number, { body: ticked.body }));
  }
  const comment = renderVerifyComment({ stamp, url, items: ticked.items, report });
  const existing = findVerifyComment(comments, identity);
  if (existing === null) {
    await call(`comment on #${number}`, () => host.comment(number, comment));
  } else if (existing.body !== comment) {
    await call(`update the comment on #${number}`, () => host.updateComment(existing.id, comment));
  }
  logInfo(`#${number}: ${summary}; ${changed && fits ? 'checklist updated' : 'checklist unchanged'}.`);
}
