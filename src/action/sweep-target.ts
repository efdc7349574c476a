// An organisation sweep's job runs in the central repository but checks out another one: `repository` names
// that one, and the run then speaks for it — its API paths, its links, its commit — as if the workflow ran there.
import { execFileSync } from 'node:child_process';

/** The workspace's checked-out commit, or null when it is no git checkout. */
export function workspaceCommit(workspace: string): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', '--verify', '-q', 'HEAD^{commit}'], {
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return /^[0-9a-f]{40}$/.test(sha) ? sha : null;
  } catch {
    return null;
  }
}

/**
 * The environment with GITHUB_REPOSITORY (and what follows from it) pointing at `repository`. GITHUB_SHA and
 * GITHUB_REF describe the workflow's own repository, so they are replaced by the checkout's.
 */
export function targetEnv(
  env: NodeJS.ProcessEnv,
  repository: string | null,
  workspace: string,
): NodeJS.ProcessEnv {
  if (repository === null || repository.toLowerCase() === (env.GITHUB_REPOSITORY ?? '').toLowerCase())
    return env;
  const target: NodeJS.ProcessEnv = {
    ...env,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
  };
  const commit = workspaceCommit(workspace);
  if (commit !== null) target.GITHUB_SHA = commit;
  else delete target.GITHUB_SHA;
  // The branch comes from the checkout itself (checkoutBranchOf reads the workspace's HEAD first).
  delete target.GITHUB_REF;
  return target;
}
