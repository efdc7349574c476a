// The prefilter every scanned file goes through, derived from the rules: a rule that needs a word beyond
// "cookie" says so in its `mentions`, and the fixture runner fails when a rule's fixtures are filtered out.
import { cookieApiFilter } from '../languages/index.js';
import { RULES } from './index.js';

/** Substrings of "cookie" / "COOKIE": every API or import with the word in it. */
const COOKIE_WORDS = ['ookie', 'OOKIE'];

export const mentionsCookieApi = cookieApiFilter([
  ...COOKIE_WORDS,
  ...RULES.flatMap((rule) => rule.meta.mentions ?? []),
]);
