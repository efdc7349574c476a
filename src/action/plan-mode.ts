// `mode: plan`, the organisation sweep's first job: list what the App installation reaches, narrow it by the
// inputs, skip what is unchanged since its last good sweep, and hand GitHub Actions the matrix of the rest.
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { call, DeliveryError } from '../deliver/github/errors.js';
import { createGitHubOrgHost } from '../deliver/github/org-host.js';
import {
  parseSweepState,
  planSweep,
  selectRepositories,
  sweepMatrix,
  type SweepPlan,
  type SweepState,
} from '../org/plan.js';
import { plural } from '../report/wording.js';
import { VERSION } from '../version.js';
import { InputError } from './inputs.js';
import { logInfo, logWarning } from './log.js';
import { writeOutputFile } from './output-file.js';
import { repositoryOf } from './repo-host-from-env.js';
import { writeSummary, type ModeContext } from './run.js';

export const DEFAULT_PLAN_FILE = 'cookie-hardener-plan.json';

export async function runPlanMode(context: ModeContext): Promise<SweepPlan> {
  const { inputs, env, workspace } = context;
  const owner = inputs.org.organization ?? env.GITHUB_REPOSITORY_OWNER ?? repositoryOf(env).owner;
  const host = createGitHubOrgHost({
    token: inputs.token,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    warn: (message) => core.warning(message),
  });
  const listed = await call('list the repositories the App installation reaches', () =>
    host.installationRepositories(),
  ).catch((error: unknown) => {
    if (error instanceof DeliveryError && (error.status === 403 || error.status === 401)) {
      throw new DeliveryError(
        `${error.message} \`mode: plan\` lists repositories through GET /installation/repositories, which answers a GitHub App installation token only: create one with actions/create-github-app-token (owner: ${owner}) and pass it as \`token\`.`,
        error.status,
      );
    }
    throw error;
  });
  const { selected, excluded, missing } = selectRepositories(listed, {
    owner,
    repositories: inputs.org.repositories,
    topics: inputs.org.topics,
    languages: inputs.org.languages,
    includeArchived: inputs.org.includeArchived,
    includeForks: inputs.org.includeForks,
  });
  for (const name of missing)
    logWarning(`${name} is not among the repositories the App installation reaches.`);
  const state = readState(inputs.org.stateFile, workspace);
  const plan = await planSweep({
    selected,
    excluded,
    missing,
    owner,
    state,
    toolVersion: VERSION,
    limit: inputs.org.maxRepositories,
    head: async (repository) => {
      try {
        return await call(`read the default branch of ${repository.fullName}`, () =>
          host.branchCommit(repository.fullName, repository.defaultBranch),
        );
      } catch (error) {
        // One repository that cannot be read is swept again; its own job then says what is wrong.
        logWarning((error as Error).message);
        return null;
      }
    },
  });

  const planPath = writeOutputFile(
    'plan-file',
    resolveIn(inputs.org.planFile ?? join(env.RUNNER_TEMP ?? workspace, DEFAULT_PLAN_FILE), workspace),
    `${JSON.stringify(plan, null, 2)}\n`,
    [workspace, env.RUNNER_TEMP],
  );
  const matrix = sweepMatrix(plan);
  core.setOutput('matrix', JSON.stringify(matrix));
  core.setOutput('count', String(matrix.include.length));
  core.setOutput(
    'max-parallel',
    String(Math.max(1, Math.min(inputs.org.maxParallel, matrix.include.length))),
  );
  core.setOutput('plan-file', planPath);
  core.setOutput('skipped', String(plan.skipped.length));
  core.setOutput('deferred', String(plan.deferred.length));
  const line =
    `${plural(listed.length, 'repository', 'repositories')} reachable; ${selected.length} selected: ` +
    `${plan.sweep.length} to sweep, ${plan.skipped.length} unchanged since their last sweep, ` +
    `${plan.deferred.length} deferred to the next run (${plan.headLookups} default-branch ${plan.headLookups === 1 ? 'lookup' : 'lookups'}).`;
  logInfo(line);
  writeSummary(`# Organisation sweep plan: ${owner}\n\n${line}\n`);
  return plan;
}

function readState(file: string | null, workspace: string): SweepState | null {
  if (file === null) return null;
  const path = resolveIn(file, workspace);
  if (!existsSync(path)) {
    logInfo(`No sweep state at ${path}: every selected repository is swept.`);
    return null;
  }
  const state = parseSweepState(readFileSync(path, 'utf8'));
  if (state === null)
    logWarning(`${path} is not a sweep state this version reads: every selected repository is swept.`);
  return state;
}

export function resolveIn(path: string, workspace: string): string {
  if (path.includes('\0')) throw new InputError(`${path} is not a usable path`);
  return isAbsolute(path) ? path : join(workspace, path);
}
