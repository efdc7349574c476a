// The repository the workflow runs in, and the GitHub client for it, from the runner's environment: one place
// for every mode that writes to GitHub.
import * as core from '@actions/core';
import { createGitHubRepoHost, type RepoHost } from '../deliver/github/repo-host.js';
import { InputError } from './inputs.js';

export function repositoryOf(env: NodeJS.ProcessEnv): { owner: string; repo: string } {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo)
    throw new InputError('GITHUB_REPOSITORY is not set: run cookie-hardener as a GitHub Actions step');
  return { owner, repo };
}

/** The client for the workflow's repository, reaching GitHub (or GHES) where the runner says it is. */
export function repoHostFromEnv(env: NodeJS.ProcessEnv, token: string): RepoHost {
  const { owner, repo } = repositoryOf(env);
  return createGitHubRepoHost({
    token,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    ...(env.GITHUB_GRAPHQL_URL ? { graphqlUrl: env.GITHUB_GRAPHQL_URL } : {}),
    warn: (message) => core.warning(message),
    owner,
    repo,
  });
}
