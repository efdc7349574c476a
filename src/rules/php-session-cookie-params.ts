// PHP's own session cookie: `session_set_cookie_params(lifetime, path, domain, secure, httponly)` (flags at
// positions 3 and 4, or `secure` / `httponly` keys of an array passed alone) and `ini_set()` of
// `session.cookie_secure` / `session.cookie_httponly`. A flag the call leaves out keeps the ini value, which
// is off unless php.ini turns it on.
import type { SyntaxNode } from '@lezer/common';
import { callArguments, globalCalls, stringValue, textOf, type PhpModule } from '../languages/php/parse.js';
import type { CookieSite, FlagValue } from '../model.js';
import {
  PHP_KEYS,
  optionsArgument,
  positionalOptions,
  trueLiteralOf,
  unknownOptions,
} from './php-cookie-common.js';
import type { PhpRule } from './rule.js';

const INI_FLAGS = {
  'session.cookie_secure': 'secure',
  'session.cookie_httponly': 'httpOnly',
} as const;

export const phpSessionCookieParams: PhpRule = {
  meta: {
    id: 'php-session-cookie-params',
    framework: 'php-session',
    language: 'php',
    api: 'session_set_cookie_params()',
    description:
      "PHP's session cookie flags, from session_set_cookie_params() (positional or array) or ini_set('session.cookie_secure' / 'session.cookie_httponly').",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['session_set_cookie_params', 'session.cookie_'],
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const call of globalCalls(module, ['session_set_cookie_params'])) {
      const args = callArguments(module, call);
      if (!args) continue;
      const base = {
        ruleId: 'php-session-cookie-params',
        file: module.file,
        offset: call.from,
        cookieNames: [],
        kind: 'session' as const,
        keys: { ...PHP_KEYS },
        usedAt: [],
        trueLiteral: trueLiteralOf(module, call),
      };
      const first = args.positional[0] ?? args.named.get('lifetime_or_options');
      const options = optionsArgument(module, first, args.positional.length === 1);
      if (options) {
        sites.push({ ...base, flags: options.flags, insertion: options.insertion, notes: options.notes });
        continue;
      }
      if (args.positional.length === 1 && first && !/^(?:Integer|BinaryExpression)$/.test(first.name)) {
        // One argument that is not a number may be an options array built elsewhere.
        const reason = `\`${textOf(module, first)}\` may be an options array built elsewhere`;
        sites.push({ ...base, ...unknownOptions(reason) });
        continue;
      }
      sites.push({ ...base, ...positionalOptions(module, args, { secure: 3, httpOnly: 4 }, PHP_KEYS) });
    }
    for (const call of globalCalls(module, ['ini_set'])) {
      const args = callArguments(module, call);
      const setting = stringValue(module, args?.positional[0])?.toLowerCase();
      const value = args?.positional[1];
      if (!setting || !value || !(setting in INI_FLAGS)) continue;
      const flag = INI_FLAGS[setting as keyof typeof INI_FLAGS];
      const read = iniValue(module, value);
      sites.push({
        ruleId: 'php-session-cookie-params',
        file: module.file,
        offset: call.from,
        cookieNames: [],
        kind: 'session',
        flags: { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' }, [flag]: read.value },
        // The call sets one flag: the other is php.ini's business, not this line's.
        keys: {
          httpOnly: flag === 'httpOnly' ? setting : null,
          secure: flag === 'secure' ? setting : null,
        },
        insertion: null,
        usedAt: [],
        notes: [],
        trueLiteral: read.trueLiteral,
      });
    }
    return sites;
  },
};

/**
 * What an ini value says, and how to spell "on" in its place: `'0'` → `'1'`, `'Off'` → `'On'`, `false` →
 * `true`, `0` → `1` (ini_set takes any scalar and reads it as ini text).
 */
function iniValue(module: PhpModule, node: SyntaxNode): { value: FlagValue; trueLiteral?: string } {
  const span = { start: node.from, end: node.to };
  const text = textOf(module, node);
  const quoted = stringValue(module, node);
  const word = (quoted ?? text).toLowerCase();
  if (/^(?:1|on|true|yes)$/.test(word)) return { value: { kind: 'true', span } };
  if (!/^(?:0|off|false|no|none|null|)$/.test(word) || (quoted === null && node.name === 'String'))
    return { value: { kind: 'conditional', span, text, devOnly: false } };
  const value: FlagValue = { kind: 'false', span, file: module.file };
  if (quoted === null) {
    if (node.name === 'Integer') return { value, trueLiteral: '1' };
    return { value, trueLiteral: text === text.toUpperCase() ? 'TRUE' : 'true' };
  }
  const quote = text[0]!;
  const on = /^off$/i.test(quoted) ? (quoted === 'OFF' ? 'ON' : quoted === 'off' ? 'on' : 'On') : '1';
  return { value, trueLiteral: `${quote}${on}${quote}` };
}
