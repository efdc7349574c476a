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
  /**
   * Pause between requests that write, and between those that notify people (comments, pull requests).
   * Default: GitHub's guidance against secondary rate limits (one write a second; the plugin's three seconds
   * for notifying ones), or COOKIE_HARDENER_WRITE_SPACING_MS when set (tests against a local fake set it to 0).
   */
  spacingMs?: { write: number; notify: number };
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

export function spacingFromEnv(env: NodeJS.ProcessEnv): { write: number; notify: number } {
  const set = Number(env.COOKIE_HARDENER_WRITE_SPACING_MS);
  if (env.COOKIE_HARDENER_WRITE_SPACING_MS !== undefined && Number.isFinite(set) && set >= 0) {
    return { write: set, notify: set };
  }
  return { write: 1000, notify: 3000 };
}

/**
 * The throttling plugin's limiter interface (`key(id).schedule(options, task, ...args)`), reduced to one
 * queue that starts a task no sooner than `spacing` ms after the previous one started. It stands in for the
 * plugin's fixed one- and three-second Bottleneck groups so the spacing is a setting.
 */
function spacedQueue(spacing: number) {
  let chain: Promise<unknown> = Promise.resolve();
  let nextStart = 0;
  const limiter = {
    schedule<T>(_options: unknown, task: (...args: unknown[]) => Promise<T>, ...args: unknown[]): Promise<T> {
      const run = chain.then(async () => {
        const wait = nextStart - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        nextStart = Date.now() + spacing;
        return task(...args);
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  // Primary and secondary rate limits are waited out the same way, a few times, with a warning each time.
  const retryAfterLimit =
    (which: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      options.warn(`GitHub ${which} on ${request.method} ${request.url}; retrying in ${retryAfter} s.`);
      return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
  const spacing = options.spacingMs ?? spacingFromEnv(process.env);
  const github = getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] },
      throttle: {
        // The plugin types these as Bottleneck groups but only ever calls key(id).schedule(…).
        write: spacedQueue(spacing.write) as never,
        notifications: spacedQueue(spacing.notify) as never,
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
