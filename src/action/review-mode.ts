// `mode: review` (pull_request events): scan the files the pull request touches and review them in place,
// or, where the token may not write (forks, read-only permissions), report with annotations and the job
// summary and say why.
import * as core from '@actions/core';
import { apiErrorOf, explainApiError } from '../deliver/github/errors.js';
import type { HostIdentity } from '../deliver/github/identity.js';
import { deliverReview, ReviewFallback } from '../deliver/github/pr-review.js';
import { createGitHubRepoHost, type HostPullFile } from '../deliver/github/repo-host.js';
import type { Finding, ScanResult } from '../model.js';
import { renderAnalysis } from '../report/markdown.js';
import { actionLog } from './log.js';
import { annotate, readEventPayload, writeSummary, type ModeContext } from './run.js';

interface PullRequestEvent {
  number: number;
  headSha: string;
  headRepo: string | null;
  baseRepo: string;
}

const FORK_NOTE =
  'This pull request comes from a fork, so the workflow token is read-only and cannot post review comments. ' +
  'The findings are reported as annotations and in the job summary instead. For review comments on fork pull ' +
  'requests, use the two-workflow pattern (an unprivileged `pull_request` job and a `workflow_run` job) from the README.';

const UNKNOWN_IDENTITY =
  'GitHub did not say which account the token acts as (neither the GraphQL `viewer` query nor `GET /user` answered), ' +
  'so cookie-hardener cannot tell its own earlier comments from copies of them; nothing is posted, the findings are reported here instead.';

export async function runReviewMode(
  context: ModeContext,
): Promise<{ result: ScanResult; handled: Set<Finding> }> {
  const { env, inputs } = context;
  const event = pullRequestOf(readEventPayload(env));
  if (!event) {
    const result = context.scan();
    context.reportScan(result);
    return fallBack(
      context,
      result,
      null,
      'The event has no pull request in its payload, so there is nothing to review; reporting instead.',
    );
  }
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY || event.baseRepo).split('/');
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const apiUrl = env.GITHUB_API_URL ?? 'https://api.github.com';
  const host = createGitHubRepoHost({
    token: inputs.token,
    baseUrl: apiUrl,
    graphqlUrl: env.GITHUB_GRAPHQL_URL || `${apiUrl.replace(/\/+$/, '')}/graphql`,
    warn: core.warning,
    owner,
    repo,
  });

  let files: HostPullFile[] | null = null;
  let trouble: string | null = null;
  try {
    files = await host.pullFiles(event.number);
  } catch (error) {
    const api = apiErrorOf(error);
    trouble = api
      ? explainApiError(api, `list the files of #${event.number}`)
      : `Listing the files of #${event.number} failed: ${(error as Error).message}`;
  }
  // Only what the pull request touches is in scope; removed files have nothing left to scan.
  const result = context.scan(
    files
      ? new Set(files.filter((file) => file.status !== 'removed').map((file) => file.filename))
      : undefined,
  );
  context.reportScan(result);

  // A fork's pull_request run never gets a writable token; pull_request_target runs do, on the base's code.
  if (env.GITHUB_EVENT_NAME === 'pull_request' && event.headRepo !== event.baseRepo) {
    return fallBack(context, result, event.headSha, FORK_NOTE, 'notice');
  }
  if (!files) return fallBack(context, result, event.headSha, `${trouble ?? ''} Reporting instead.`);

  try {
    const current = await host.pullHead(event.number);
    if (current.state !== 'open') {
      return fallBack(
        context,
        result,
        event.headSha,
        `#${event.number} is closed; no review is posted.`,
        'notice',
      );
    }
    if (current.headSha !== event.headSha) {
      return fallBack(
        context,
        result,
        event.headSha,
        `#${event.number} has moved on to ${current.headSha.slice(0, 7)} since this run started; the run for that push reviews it.`,
        'notice',
      );
    }
    let identity: HostIdentity;
    try {
      identity = await host.identity();
    } catch {
      return fallBack(context, result, event.headSha, UNKNOWN_IDENTITY);
    }
    core.startGroup(`Review of #${event.number}`);
    let outcome;
    try {
      outcome = await deliverReview(
        host,
        {
          owner,
          repo,
          pullNumber: event.number,
          headSha: event.headSha,
          workspace: context.workspace,
          serverUrl,
          dryRun: inputs.dryRun,
          files,
          result,
          identity,
        },
        actionLog,
      );
    } finally {
      core.endGroup();
    }
    writeSummary(`${outcome.summary}\n\n${analysisOf(result, env, event.headSha)}`);
    return { result, handled: outcome.handled };
  } catch (error) {
    if (error instanceof ReviewFallback) return fallBack(context, result, event.headSha, error.message);
    const api = apiErrorOf(error);
    if (!api) throw error;
    return fallBack(
      context,
      result,
      event.headSha,
      `${explainApiError(api, `review #${event.number}`)} Reporting instead.`,
    );
  }
}

function pullRequestOf(payload: Record<string, unknown>): PullRequestEvent | null {
  const pull = payload.pull_request as
    | {
        number?: unknown;
        head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
        base?: { repo?: { full_name?: unknown } };
      }
    | undefined;
  if (!pull || typeof pull.number !== 'number' || typeof pull.head?.sha !== 'string') return null;
  const baseRepo = pull.base?.repo?.full_name;
  if (typeof baseRepo !== 'string') return null;
  const headRepo = pull.head.repo?.full_name;
  return {
    number: pull.number,
    headSha: pull.head.sha,
    // A deleted fork leaves `head.repo` null: treat it like a fork.
    headRepo: typeof headRepo === 'string' ? headRepo : null,
    baseRepo,
  };
}

function analysisOf(result: ScanResult, env: NodeJS.ProcessEnv, ref: string | null): string {
  return renderAnalysis(result, {
    mode: 'scan',
    repository: env.GITHUB_REPOSITORY,
    serverUrl: env.GITHUB_SERVER_URL,
    ref: ref ?? env.GITHUB_SHA,
    maxLength: 1_000_000,
  });
}

/** Annotations and the job summary, with the reason up front: nothing is written to the pull request. */
function fallBack(
  context: ModeContext,
  result: ScanResult,
  ref: string | null,
  note: string,
  level: 'notice' | 'warning' = 'warning',
): { result: ScanResult; handled: Set<Finding> } {
  if (level === 'notice') core.notice(note);
  else core.warning(note);
  annotate(result.findings);
  writeSummary(`> [!NOTE]\n> ${note}\n\n${analysisOf(result, context.env, ref)}`);
  return { result, handled: new Set() };
}
