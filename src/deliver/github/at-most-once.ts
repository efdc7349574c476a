// Posting something GitHub would happily post twice (a comment, a review) after a failure that does not say
// whether the first attempt landed. The client never repeats these on its own (client.ts); this asks GitHub
// what landed before trying again, so a lost response costs one extra read instead of a duplicate.
import { apiErrorOf } from './errors.js';

/** A 5xx, or no HTTP answer at all (the client reports a dropped connection as 500): the request may have run. */
export function mayHaveLanded(error: unknown): boolean {
  const api = apiErrorOf(error);
  return api === null || api.status >= 500;
}

export interface AtMostOnce {
  /** Sends the request. */
  send: () => Promise<unknown>;
  /** After an ambiguous failure: whether the request is visible on GitHub now. */
  landed: () => Promise<boolean>;
  /** Attempts in all (default 2). */
  attempts?: number;
  /** Wait before the next attempt (default 1 s; GitHub's 5xx are often over by then). */
  delayMs?: number;
}

/**
 * Sends until the request has landed exactly once, or throws the last error. A refusal (4xx) is final; an
 * ambiguous failure is followed by the `landed` check, and only a request that did not land is sent again.
 * A failing check throws the original error: without knowing, sending again could duplicate.
 */
export async function sendAtMostOnce(request: AtMostOnce): Promise<'sent' | 'landed'> {
  const attempts = request.attempts ?? 2;
  for (let attempt = 1; ; attempt++) {
    try {
      await request.send();
      return 'sent';
    } catch (error) {
      if (!mayHaveLanded(error)) throw error;
      let landed: boolean;
      try {
        landed = await request.landed();
      } catch {
        throw error;
      }
      if (landed) return 'landed';
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, request.delayMs ?? 1_000));
    }
  }
}
