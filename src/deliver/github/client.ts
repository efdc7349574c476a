// The one place the GitHub API client is built: the Actions toolkit's Octokit with retries for transient
// failures and throttling that waits out (secondary) rate limits.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  baseUrl: string;
  warn: (message: string) => void;
}

const MAX_RATE_LIMIT_RETRIES = 3;

export function createGitHubClient(options: ClientOptions): GitHubClient {
  // Primary and secondary rate limits are waited out the same way, a few times, with a warning each time.
  const retryAfterLimit =
    (which: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      options.warn(`GitHub ${which} on ${request.method} ${request.url}; retrying in ${retryAfter} s.`);
      return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
        onRateLimit: retryAfterLimit('rate limit reached'),
        onSecondaryRateLimit: retryAfterLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}
