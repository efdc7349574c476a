// The action: inputs → scan of the checked-out workspace → one of three deliveries → outputs and the gate.
import * as core from '@actions/core';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { loadBaseline, markBaselined } from '../baseline/apply.js';
import { BASELINE_PATH } from '../baseline/file.js';
import { DEFAULT_CONFIG_PATH } from '../config-file.js';
import { DeliveryError } from '../deliver/github/errors.js';
import { deliverRemediationPullRequest } from '../deliver/github/remediation-pr.js';
import { commitSubject } from '../deliver/remediation/commit-message.js';
import { discoverFiles } from '../discover/list-files.js';
import { loadConfigFile } from '../discover/load-config.js';
import { readSourceFile, rootTextReader } from '../discover/read-file.js';
import { UsageError } from '../errors.js';
import type { Finding, ScanResult } from '../model.js';
import { excludedSummary, summaryLine } from '../report/console.js';
import { countForGate } from '../report/gate.js';
import { renderAnalysis } from '../report/markdown.js';
import {
  DEFAULT_MAX_BODY_LENGTH,
  fingerprintDigest,
  parsePullRequestState,
  renderPullRequestBody,
} from '../report/pr-body.js';
import { renderSarif } from '../report/sarif.js';
import { detectTestCommand } from '../report/test-command.js';
import { scanFiles } from '../scan.js';
import { prepareLanguages } from '../languages/registry.js';
import type { Config } from '../config.js';
import type { Discovery } from '../discover/list-files.js';
import { repoHostFromEnv, repositoryOf } from './repo-host-from-env.js';
import { applyInputs, InputError, parseInputs, type ActionInputs, type FailOn, type Mode } from './inputs.js';
import { guardPullRequestTarget } from './event-trust.js';
import { writeJobSummary } from './job-summary.js';
import { actionLog, logInfo, logWarning } from './log.js';
import { writeOutputFile } from './output-file.js';
import { runReviewMode } from './review-mode.js';
import { runVerifyMode, verifyAndReport } from './verify-mode.js';
import { runAggregateMode } from './aggregate-mode.js';
import { runPlanMode } from './plan-mode.js';
import { sweepRecorder, type SweepRecorder } from './sweep-result.js';
import { targetEnv } from './sweep-target.js';
import type { SweepPullRequest } from '../org/result.js';

/** GitHub's limit is 65,536 characters; the margin keeps room for GitHub's own normalisation. */
/** The default title. It never varies with the findings: the sweep finds its pull request by branch. */
const TITLE = 'Harden cookie flags (HttpOnly / Secure)';

export async function runAction(runnerEnv: NodeJS.ProcessEnv = process.env): Promise<void> {
  let record: SweepRecorder | null = null;
  try {
    const workspace = resolve(runnerEnv.GITHUB_WORKSPACE ?? process.cwd());
    const repository = core.getInput('repository').trim() || null;
    // An organisation sweep's job checks out another repository: from here on the run speaks for that one.
    const env = targetEnv(runnerEnv, repository, workspace);
    const inputs = parseInputs((name) => core.getInput(name), env.GITHUB_REPOSITORY?.split('/')[0]);
    const mode = guardPullRequestTarget(
      resolveMode(inputs.mode, env.GITHUB_EVENT_NAME ?? ''),
      inputs,
      env.GITHUB_EVENT_NAME,
      () => readEventPayload(env),
    );
    core.info(
      `cookie-hardener: mode ${mode} (${inputs.mode === 'auto' ? `auto, event ${env.GITHUB_EVENT_NAME ?? 'unknown'}` : 'set'})`,
    );
    record = sweepRecorder({
      file: inputs.resultFile,
      mode,
      repository: env.GITHUB_REPOSITORY,
      workspace,
      env,
    });

    const loaded = loadWorkspace(workspace, inputs);
    await prepareLanguages(loaded.discovery.files);
    const context: ModeContext = {
      inputs,
      workspace,
      env,
      scan: (only) => scanWorkspace(loaded, only),
      reportScan: (result) => reportScan(result, inputs, workspace, env),
    };
    if (mode === 'plan') {
      await runPlanMode(context);
      return;
    }
    if (mode === 'aggregate') {
      await runAggregateMode(context);
      return;
    }
    if (mode === 'verify') {
      // The deployment is what is judged here; the workspace is scanned only for what it expects.
      await runVerifyMode(context);
      core.setOutput('fixed', '0');
      for (const name of ['pull-request-number', 'pull-request-url']) core.setOutput(name, '');
      core.setOutput('pull-request-operation', 'none');
      return;
    }
    let result: ScanResult;
    let handled = new Set<Finding>();
    if (mode === 'review') {
      ({ result, handled } = await runReviewMode(context));
    } else {
      result = context.scan();
      record?.scanned(result);
      context.reportScan(result);
      if (mode === 'pr')
        handled = await runPullRequestMode(result, inputs, workspace, env, (pull) =>
          record?.pullRequest(pull),
        );
      else {
        runReportMode(result, inputs, env);
        if (inputs.verifyUrl !== null) await verifyAndReport(context, inputs.verifyUrl, result);
      }
    }
    const active = result.findings.filter((finding) => finding.outcome !== 'ignored');
    core.setOutput('fixed', String(handled.size));
    if (mode !== 'pr') {
      for (const name of ['pull-request-number', 'pull-request-url']) core.setOutput(name, '');
      core.setOutput('pull-request-operation', 'none');
    }
    record?.finish(handled.size);
    // In review mode a suggestion is only proposed: the gate counts the finding until the code is fixed.
    gate(inputs.failOn, active, mode === 'review' ? new Set() : handled);
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError || error instanceof DeliveryError) {
      record?.fail(error.message);
      core.setFailed(error.message);
    } else {
      record?.fail(`cookie-hardener failed unexpectedly: ${(error as Error).message}`);
      core.setFailed(`cookie-hardener failed unexpectedly: ${(error as Error).message}`);
      core.debug((error as Error).stack ?? '');
    }
  }
}

export function resolveMode(mode: Mode, eventName: string): Exclude<Mode, 'auto'> {
  if (mode !== 'auto') return mode;
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return 'review';
  if (eventName === 'schedule' || eventName === 'workflow_dispatch' || eventName === 'push') return 'pr';
  if (eventName === 'deployment_status') return 'verify';
  return 'report';
}

/** What each delivery mode gets from the shell: inputs, the workspace, and the shared scan and reporting. */
export interface ModeContext {
  inputs: ActionInputs;
  workspace: string;
  env: NodeJS.ProcessEnv;
  /** Scans the workspace, or only the listed files (review mode scans what the pull request touches). */
  scan: (only?: ReadonlySet<string>) => ScanResult;
  /** Logs the summary, sets the `findings` output and writes the SARIF file when asked. */
  reportScan: (result: ScanResult) => void;
}

function reportScan(
  result: ScanResult,
  inputs: ActionInputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
): void {
  core.info(summaryLine(result));
  core.setOutput(
    'findings',
    String(result.findings.filter((finding) => finding.outcome !== 'ignored').length),
  );
  if (inputs.sarifFile) {
    const asked = isAbsolute(inputs.sarifFile) ? inputs.sarifFile : join(workspace, inputs.sarifFile);
    const path = writeOutputFile('sarif-file', asked, renderSarif(result), [workspace, env.RUNNER_TEMP]);
    core.setOutput('sarif-file', path);
    logInfo(`SARIF written to ${path}`);
  }
}

interface LoadedWorkspace {
  configFile: string | null;
  config: Config;
  baseline: ReturnType<typeof loadBaseline>;
  discovery: Discovery;
}

/** Configuration, baseline and file list: read once, before the parsers the files need are readied. */
function loadWorkspace(workspace: string, inputs: ActionInputs): LoadedWorkspace {
  const explicit = inputs.configFile !== DEFAULT_CONFIG_PATH ? inputs.configFile : null;
  const loaded = loadConfigFile(workspace, explicit, workspace);
  const config = applyInputs(loaded.config, inputs);
  const baseline = loadBaseline(workspace);
  return { configFile: loaded.file, config, baseline, discovery: discoverFiles(workspace, config) };
}

function scanWorkspace(loaded: LoadedWorkspace, only?: ReadonlySet<string>): ScanResult {
  const { config, baseline, discovery } = loaded;
  core.startGroup('Scan');
  try {
    core.info(loaded.configFile ? `Config: ${loaded.configFile}` : 'Config: none found, defaults used.');
    for (const warning of discovery.warnings) core.warning(warning);
    const skipped = excludedSummary(discovery.excluded);
    core.info(
      `${discovery.files.length} files listed (${discovery.source === 'git' ? 'git ls-files' : 'folder walk'})${skipped ? `; ${skipped}` : ''}.`,
    );
    if (baseline !== null) {
      core.info(
        `Baseline ${BASELINE_PATH}: ${baseline.length} finding${baseline.length === 1 ? '' : 's'} recorded.`,
      );
    }
    const result = scanFiles({
      files: only ? discovery.files.filter((file) => only.has(file)) : discovery.files,
      evidenceFiles: discovery.evidenceFiles,
      read: (file, mustMention) => readSourceFile(discovery.root, file, mustMention),
      config,
      skipped: discovery.skipped,
    });
    return markBaselined(result, baseline);
  } finally {
    core.endGroup();
  }
}

export function runReportMode(result: ScanResult, inputs: ActionInputs, env: NodeJS.ProcessEnv): void {
  annotate(result.findings);
  const repository = env.GITHUB_REPOSITORY;
  const analysis = renderAnalysis(result, {
    mode: 'scan',
    repository,
    serverUrl: env.GITHUB_SERVER_URL,
    ref: env.GITHUB_SHA,
    maxLength: 1_000_000,
  });
  writeSummary(analysis);
  if (inputs.dryRun) core.info('Dry run: nothing is written to the repository.');
}

async function runPullRequestMode(
  result: ScanResult,
  inputs: ActionInputs,
  workspace: string,
  env: NodeJS.ProcessEnv,
  onPullRequest: (pull: SweepPullRequest | null) => void = () => undefined,
): Promise<Set<Finding>> {
  const { owner, repo } = repositoryOf(env);
  const repository = `${owner}/${repo}`;
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  annotate(result.findings);
  // In the pull request's own words, what it fixes is fixed.
  const proposed: ScanResult = {
    ...result,
    findings: result.findings.map((finding) =>
      finding.outcome === 'fixable' ? { ...finding, outcome: 'fixed' as const } : finding,
    ),
  };
  writeSummary(
    renderAnalysis(proposed, {
      mode: 'pr',
      repository,
      serverUrl,
      ref: env.GITHUB_SHA,
      maxLength: 1_000_000,
    }),
  );

  const host = repoHostFromEnv(env, inputs.token);
  // Read once: the body may be rendered twice (to compare with the current one, then to write it).
  const testCommand = detectTestCommand(rootTextReader(workspace));
  core.startGroup('Remediation pull request');
  let outcome;
  try {
    outcome = await deliverRemediationPullRequest(
      host,
      {
        owner,
        repo,
        branch: inputs.branch,
        base: inputs.base,
        labels: inputs.labels,
        draft: inputs.draft,
        dryRun: inputs.dryRun,
        workspace,
        checkoutBranch: checkoutBranchOf(env, workspace),
        changes: result.changes,
        title: inputs.title ?? TITLE,
        commitSubject: commitSubject(inputs.commitMessage, inputs.title ?? TITLE),
        people: {
          reviewers: inputs.reviewers,
          teamReviewers: inputs.teamReviewers,
          assignees: inputs.assignees,
        },
        renderBody: (delivery, notes) =>
          renderPullRequestBody(proposed, {
            repository,
            maxLength: DEFAULT_MAX_BODY_LENGTH,
            serverUrl,
            delivery,
            notes,
            testCommand,
          }),
        stateDigest: fingerprintDigest(result.findings.map((finding) => finding.fingerprint)),
        readState: parsePullRequestState,
        serverUrl,
      },
      actionLog,
    );
  } finally {
    core.endGroup();
  }
  core.setOutput('pull-request-number', outcome.number === null ? '' : String(outcome.number));
  core.setOutput('pull-request-url', outcome.url ?? '');
  core.setOutput('pull-request-operation', outcome.operation);
  onPullRequest(
    outcome.number === null
      ? null
      : {
          number: outcome.number,
          url: outcome.url ?? '',
          operation: outcome.operation,
          state: outcome.operation === 'closed' ? 'closed' : 'open',
        },
  );
  if (outcome.failure) throw new DeliveryError(outcome.failure);
  // Handled means the pull request's branch holds the finding's fix, not merely that a pull request exists.
  const pushed = new Set(outcome.pushedFiles);
  return new Set(
    result.findings.filter(
      (finding) =>
        finding.outcome === 'fixable' &&
        finding.edits.length > 0 &&
        finding.edits.every((edit) => pushed.has(edit.file)),
    ),
  );
}

/**
 * The branch the workspace is a checkout of: the workspace's own HEAD when it is a git checkout (a detached
 * HEAD — a tag, a commit, a pull request's merge — is no branch), else the event's GITHUB_REF. A run whose
 * checkout is not the pull request's base cannot speak for the base, so it only reports.
 */
export function checkoutBranchOf(env: NodeJS.ProcessEnv, workspace: string): string | null {
  try {
    return (
      execFileSync('git', ['symbolic-ref', '--short', '-q', 'HEAD'], {
        cwd: workspace,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
        .toString()
        .trim() || null
    );
  } catch (error) {
    // Exit 1: a git checkout with a detached HEAD. Anything else: no git checkout here, so trust the event.
    if ((error as { status?: number }).status === 1) return null;
  }
  const ref = env.GITHUB_REF ?? '';
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
}

export function annotate(findings: readonly Finding[]): void {
  for (const finding of findings) {
    if (finding.outcome === 'ignored') continue;
    const properties = {
      title: `cookie-hardener ${finding.ruleId}${finding.cookie ? ` (${finding.cookie})` : ''}`,
      file: finding.file,
      startLine: finding.line,
      startColumn: finding.column,
    };
    if (finding.severity === 'high') core.error(finding.message, properties);
    else if (finding.severity === 'medium') core.warning(finding.message, properties);
    else core.notice(finding.message, properties);
  }
}

export function writeSummary(markdown: string): void {
  // A summary that cannot be written is a warning, never a crash.
  try {
    writeJobSummary(markdown, process.env, resolve(process.env.GITHUB_WORKSPACE ?? process.cwd()));
  } catch (error) {
    logWarning(`Could not write the job summary: ${(error as Error).message}`);
  }
}

/**
 * `fail-on`: weak → a weak cookie not handled by this run; any → any finding not handled. Findings the
 * repository's baseline holds are not counted.
 */
function gate(failOn: FailOn, findings: readonly Finding[], handled: ReadonlySet<Finding>): void {
  const { counted, baselined, fails } = countForGate(failOn, findings, handled);
  if (!fails) return;
  const besides = baselined.length > 0 ? ` (${baselined.length} more in the baseline)` : '';
  core.setFailed(
    counted.length === 1
      ? `1 cookie finding ${failOn === 'any' ? 'remains' : 'leaves a cookie weak'}${besides} (fail-on: ${failOn}).`
      : `${counted.length} cookie findings ${failOn === 'any' ? 'remain' : 'leave cookies weak'}${besides} (fail-on: ${failOn}).`,
  );
}

export function readEventPayload(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}
