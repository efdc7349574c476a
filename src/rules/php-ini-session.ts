// PHP's session cookie flags in php.ini and its conf.d snippets (`session.cookie_httponly`,
// `session.cookie_secure`). Such a file usually sets a few directives over the defaults PHP was built with, so a
// directive it leaves out says nothing; only a value written there is judged, and a false one is turned on.
import { phpIniBoolean, type PhpIniDirective, type PhpIniFile } from '../languages/php/ini.js';
import { lineStartOf } from '../languages/text.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { PhpRule } from './rule.js';

const KEYS: Record<Flag, string> = { httpOnly: 'session.cookie_httponly', secure: 'session.cookie_secure' };

export const phpIniSession: PhpRule = {
  meta: {
    id: 'php-ini-session',
    framework: 'php-session',
    language: 'php',
    api: 'php.ini session.cookie_*',
    description:
      "PHP's session cookie flags written in php.ini or a conf.d snippet (session.cookie_httponly, session.cookie_secure).",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['session.cookie_'],
  },
  findSites() {
    return [];
  },
  findIniSites(file) {
    const find = (key: string) => file.directives.findLast((directive) => directive.key === key) ?? null;
    const httpOnly = find(KEYS.httpOnly);
    const secure = find(KEYS.secure);
    if (!httpOnly && !secure) return [];
    const flags: Record<Flag, FlagValue> = {
      httpOnly: flagOf(httpOnly, file),
      secure: flagOf(secure, file),
    };
    const weak = [secure, httpOnly].filter((entry) => entry && flagOf(entry, file).kind !== 'true');
    const name = find('session.name')?.value.replace(/^"(.*)"$/, '$1');
    const site: CookieSite = {
      ruleId: 'php-ini-session',
      file: file.file,
      offset: lineStartOf(
        file.text,
        Math.min(...(weak.length > 0 ? weak : [httpOnly ?? secure]).map((entry) => entry!.valueSpan.start)),
      ),
      cookieNames: [name || 'PHPSESSID'],
      kind: 'session',
      flags,
      keys: { ...KEYS },
      // Only written values are judged and turned on: nothing is ever inserted.
      insertion: null,
      usedAt: [],
      notes: [],
      trueLiteral: trueWordFor(weak.map((entry) => entry!.value)),
    };
    return [site];
  },
};

function flagOf(directive: PhpIniDirective | null, file: PhpIniFile): FlagValue {
  if (!directive) return { kind: 'absent' };
  const read = phpIniBoolean(directive.value);
  if (read === 'true') return { kind: 'true', span: directive.valueSpan };
  if (read === 'false') return { kind: 'false', span: directive.valueSpan, file: file.file };
  return { kind: 'conditional', span: directive.valueSpan, text: directive.value, devOnly: false };
}

/** `On` where the file writes words (`Off` → `On`, `off` → `on`), `1` where it writes numbers or nothing. */
function trueWordFor(values: readonly string[]): string {
  const word = values
    .map((value) => value.replace(/^"(.*)"$/, '$1').trim())
    .find((value) => /^[a-z]+$/i.test(value));
  if (!word) return '1';
  if (word === word.toUpperCase()) return 'ON';
  return word[0] === word[0]!.toUpperCase() ? 'On' : 'on';
}
