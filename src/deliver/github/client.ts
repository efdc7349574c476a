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

/**
 * Requests that GitHub carries out again when they are sent again: a comment or a review posted twice shows
 * twice. A 5xx or a dropped connection does not say whether the first one landed, so the retry plugin must
 * not repeat them; the caller checks what landed first (see at-most-once.ts). Other writes are safe to repeat:
 * git objects are content-addressed, ref and pull request creation answer 422 the second time, updates and
 * label additions set a state. Rate-limit answers mean "not processed", so the throttling plugin still
 * retries these.
 */
const NOT_REPEATABLE =
  /^\/repos\/[^/]+\/[^/]+\/(?:issues\/[^/]+\/comments|pulls\/[^/]+\/(?:reviews|comments(?:\/[^/]+\/replies)?)|commits\/[^/]+\/comments)$/;

export function isRepeatableRequest(method: string, url: string): boolean {
  return method.toUpperCase() !== 'POST' || !NOT_REPEATABLE.test(url.split('?')[0] ?? '');
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  // Primary and secondary rate limits are waited out the same way, a few times, with a warning each time.
  const retryAfterLimit =
    (which: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      options.warn(`GitHub ${which} on ${request.method} ${request.url}; retrying in ${retryAfter} s.`);
      return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
  const github = getOctokit(
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
  github.hook.before('request', (request) => {
    // The retry plugin reads `request.retries` from these same options when the request fails.
    if (!isRepeatableRequest(request.method, request.url))
      request.request = { ...request.request, retries: 0 };
  });
  return github;
}
