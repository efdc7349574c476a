// The prefilters every scanned file goes through, derived from the rules: a rule that needs a word beyond
// its language's cookie words says so in its `mentions`, and the fixture runner fails when a rule's fixtures
// are filtered out. A second test (prefilter-soundness) scans every fixture and regression project with and
// without the narrow stages and expects the same findings.
import { cookieApiFilter } from '../languages/index.js';
import {
  CSHARP_RULES,
  GO_RULES,
  JAVA_RULES,
  JS_RULES,
  PHP_RULES,
  PY_RULES,
  RULES,
  RUBY_RULES,
} from './index.js';
import type { Rule } from './rule.js';

/** Substrings of "cookie" / "COOKIE": every JavaScript API or import with the word in it. */
const COOKIE_WORDS = ['ookie', 'OOKIE'];

/**
 * Python's cookie APIs always spell the word inside a longer name or a header: `set_cookie`, `add_cookie`,
 * `response.cookies`, `cherrypy.response.cookie`, `SimpleCookie`, `addCookie`, `SESSION_COOKIE_SECURE`,
 * `cookie_secure=`, `'Set-Cookie'`, `'set-cookie'`. A bare lower-case `cookie` is a local name (a tokenizer's
 * encoding cookie, a file position in `io`), and such files are not parsed: in a standard library they are
 * most of what says the word.
 */
const PYTHON_COOKIE_WORDS = ['_cookie', '.cookie', 'cookie_', 'cookies', '-cookie', 'Cookie', 'COOKIE'];

const mentionsOf = (rules: readonly Rule[]): string[] => rules.flatMap((rule) => rule.meta.mentions ?? []);

/** Any rule's words in any language: what a built copy or a configuration file is tested for. */
export const mentionsCookieApi = cookieApiFilter([...COOKIE_WORDS, ...mentionsOf(RULES)]);

/** What a JavaScript / TypeScript file must say, anywhere, to be read further. */
export const mentionsJsApi = cookieApiFilter([...COOKIE_WORDS, ...mentionsOf(JS_RULES)]);

/**
 * What a Go file must say, anywhere, to be parsed: only the Go rules' own words (`Cookie{` of a cookie struct
 * literal, `SetCookie(`, a session package's import path). Go code says "cookie" in names and comments far
 * more often than it builds one (the standard library's HTTP client, cookie jars, tests).
 */
export const mentionsGoApi = cookieApiFilter(mentionsOf(GO_RULES));

/**
 * What a PHP file must say, anywhere, to be parsed: only the PHP rules' own words (`setcookie`, the session
 * functions and ini keys, Laravel's session config keys), as for Go.
 */
export const mentionsPhpApi = cookieApiFilter(mentionsOf(PHP_RULES));

/**
 * What a Java file must say, anywhere, to be parsed: only the Java rules' own words (`Cookie(` of a servlet
 * cookie's constructor, `ResponseCookie`), like Go.
 */
export const mentionsJavaApi = cookieApiFilter(mentionsOf(JAVA_RULES));

/**
 * What a C# file must say, anywhere, to be parsed: only the C# rules' own words (`Cookies.Append`, the
 * services that configure a cookie builder, the cookie policy the evidence index reads), like Go.
 */
export const mentionsCSharpApi = cookieApiFilter(mentionsOf(CSHARP_RULES));

/**
 * What a Ruby file must say, anywhere, to be parsed: only the Ruby rules' own words (`cookies[`, `cookies.`,
 * `set_cookie`, `session_store`, `:sessions`, `Session::Cookie`), like Go.
 */
export const mentionsRubyApi = cookieApiFilter(mentionsOf(RUBY_RULES));

/** What a Python file must say, anywhere, to be parsed. */
export const mentionsPyApi = cookieApiFilter([...PYTHON_COOKIE_WORDS, ...mentionsOf(PY_RULES)]);

const PARSED_WHEN_MENTIONED = JS_RULES.flatMap((rule) =>
  rule.meta.parsedWhenMentioned ? [rule.meta.parsedWhenMentioned] : [],
);

/** Files a rule reads by their path whenever they pass the first stage: never dropped by the second. */
export function parsedWhenMentioned(file: string): boolean {
  return PARSED_WHEN_MENTIONED.some((pattern) => pattern.test(file));
}
