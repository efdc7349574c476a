// Fault injection: answer the next matching request(s) with a chosen failure instead of handling them.
// Delivery code must survive GitHub's bad days (5xx, rate limits, permission errors, ref races), and the
// only way to test that deterministically is to make the server misbehave on cue.

export interface FaultResponse {
  status: number;
  /** JSON body; defaults to `{ message }` with GitHub's reason phrase. `documentation_url` is added if absent. */
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export interface FaultSpec extends FaultResponse {
  /** HTTP method to match (any when absent). */
  method?: string;
  /**
   * Which requests fail: a RegExp tested against the decoded path, or a string equal to either the decoded
   * path (`/repos/acme/webapp/pulls`) or the operation's template (`/repos/{owner}/{repo}/pulls`).
   * Any path when absent.
   */
  path?: string | RegExp;
  /** How many matching requests fail before the fault disarms itself (default 1). */
  times?: number;
  /**
   * Carry the request out, then answer with the failure: the response was lost on its way back (a proxy's
   * 502, a dropped connection). The client cannot tell this from a request that never ran. REST only.
   */
  processed?: boolean;
  /** Only GraphQL requests whose query text matches (the path of every GraphQL request is `/graphql`). */
  graphql?: RegExp;
}

export interface FaultHandle {
  /** Matching requests this fault will still fail. */
  readonly remaining: number;
  /** Disarms the fault. */
  cancel(): void;
}

interface ArmedFault {
  spec: FaultSpec;
  remaining: number;
}

export class FaultQueue {
  private readonly armed: ArmedFault[] = [];

  add(spec: FaultSpec): FaultHandle {
    const fault: ArmedFault = { spec, remaining: spec.times ?? 1 };
    this.armed.push(fault);
    return {
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        fault.remaining = 0;
      },
    };
  }

  /** The first armed fault matching the request, which is consumed once; undefined when none matches. */
  take(method: string, path: string, template: string | null, graphqlQuery?: string): FaultSpec | undefined {
    for (const fault of this.armed) {
      if (fault.remaining <= 0 || !matches(fault.spec, method, path, template, graphqlQuery)) continue;
      fault.remaining -= 1;
      return fault.spec;
    }
    return undefined;
  }

  get pending(): number {
    return this.armed.reduce((sum, fault) => sum + Math.max(fault.remaining, 0), 0);
  }
}

/** Which requests a race hook fires before: the FaultSpec matchers, plus a test on the raw request body. */
export interface RaceSpec {
  method?: string;
  path?: string | RegExp;
  /** Tested against the request body as sent (e.g. /updateRefs/ to pick one GraphQL mutation). */
  body?: RegExp;
  times?: number;
}

interface ArmedRace<T> {
  spec: RaceSpec;
  remaining: number;
  action: (context: T) => Promise<void>;
}

/**
 * Someone else acting between two of the client's requests: the action runs after the request has arrived and
 * before it is handled, so it lands exactly in the window a client's read-then-write leaves open.
 */
export class RaceQueue<T> {
  private readonly armed: ArmedRace<T>[] = [];

  add(spec: RaceSpec, action: (context: T) => Promise<void>): FaultHandle {
    const race: ArmedRace<T> = { spec, remaining: spec.times ?? 1, action };
    this.armed.push(race);
    return {
      get remaining() {
        return race.remaining;
      },
      cancel: () => {
        race.remaining = 0;
      },
    };
  }

  async run(method: string, path: string, template: string | null, body: string, context: T): Promise<void> {
    for (const race of this.armed) {
      if (race.remaining <= 0 || !matches(race.spec, method, path, template)) continue;
      if (race.spec.body && !race.spec.body.test(body)) continue;
      race.remaining -= 1;
      await race.action(context);
    }
  }
}

function matches(
  spec: { method?: string; path?: string | RegExp; graphql?: RegExp },
  method: string,
  path: string,
  template: string | null,
  graphqlQuery?: string,
): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  if (spec.graphql && (graphqlQuery === undefined || !spec.graphql.test(graphqlQuery))) return false;
  if (spec.path === undefined) return true;
  if (spec.path instanceof RegExp) return spec.path.test(path);
  return spec.path === path || spec.path === template;
}

/** Ready-made failures with GitHub's bodies and headers, to spread into `failNext({ ...faults.x(), path })`. */
export const faults = {
  /** A 5xx. GitHub's JSON 5xx bodies are bare; the retry plugin retries these. */
  serverError(status = 502): FaultResponse {
    return { status, body: { message: status === 503 ? 'Service Unavailable' : 'Server Error' } };
  },

  /**
   * A secondary ("abuse") rate limit: 403 (or 429) with `retry-after`, while the primary quota is not
   * exhausted. The throttling plugin recognises it by the words "secondary rate" in the message.
   */
  secondaryRateLimit(options: { retryAfter?: number; status?: 403 | 429 } = {}): FaultResponse {
    return {
      status: options.status ?? 403,
      headers: { 'retry-after': String(options.retryAfter ?? 60), 'x-ratelimit-remaining': '4999' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
          'If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.',
        documentation_url:
          'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      },
    };
  },

  /** The primary quota is spent until `resetAt` (`x-ratelimit-remaining: 0`). */
  primaryRateLimit(resetAt: Date): FaultResponse {
    return {
      status: 403,
      headers: {
        'x-ratelimit-limit': '1000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '1000',
        'x-ratelimit-reset': String(Math.ceil(resetAt.getTime() / 1000)),
        'x-ratelimit-resource': 'core',
      },
      body: {
        message:
          'API rate limit exceeded for installation ID 1. If you reach out to GitHub Support for help, please include the request ID 0000:FAKE.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits',
      },
    };
  },

  /** The token lacks the permission (fork pull requests, `permissions: read-all`). */
  notAccessible(): FaultResponse {
    return { status: 403, body: { message: 'Resource not accessible by integration' } };
  },

  /** The "Allow GitHub Actions to create and approve pull requests" setting is off. */
  actionsCannotCreatePullRequests(): FaultResponse {
    return {
      status: 403,
      body: { message: 'GitHub Actions is not permitted to create or approve pull requests.' },
    };
  },

  /**
   * A conflicting concurrent write, e.g. two ref updates racing. GitHub documents 409 for the Git Data
   * endpoints; the exact message varies, so code should key on the status.
   */
  conflict(message = 'Reference update failed'): FaultResponse {
    return { status: 409, body: { message } };
  },
};
