// PHP's `setcookie()` and `setrawcookie()`: `secure` and `httponly` are the sixth and seventh positional
// arguments (off when left out), or keys of the options array passed third (PHP 7.3+, keys in any case).
// Only the global functions count (`setcookie(` or `\setcookie(`): a method of the same name is a project's
// own. A call that deletes the cookie (empty value, expiry in the past) needs no flags.
import { callArguments, globalCalls, stringValue, textOf } from '../languages/php/parse.js';
import type { CookieSite } from '../model.js';
import {
  PHP_KEYS,
  optionsArgument,
  isEmptyValue,
  isPastExpiry,
  positionalOptions,
  trueLiteralOf,
  unknownOptions,
} from './php-cookie-common.js';
import type { PhpRule } from './rule.js';

export const phpSetcookie: PhpRule = {
  meta: {
    id: 'php-setcookie',
    framework: 'php',
    language: 'php',
    api: 'setcookie()',
    description: "PHP's setcookie() / setrawcookie(), with positional flags or an options array.",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['setcookie', 'setrawcookie'],
    namedByCaller: true,
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const call of globalCalls(module, ['setcookie', 'setrawcookie'])) {
      const args = callArguments(module, call);
      if (!args) continue;
      const name = args.positional[0] ?? args.named.get('name');
      const value = args.positional[1] ?? args.named.get('value');
      const third = args.positional[2] ?? args.named.get('expires_or_options');
      if (!args.spread && isEmptyValue(module, value)) continue;
      const literalName = stringValue(module, name);
      const base = {
        ruleId: 'php-setcookie',
        file: module.file,
        offset: call.from,
        cookieNames: literalName === null ? [] : [literalName],
        valueText: value ? textOf(module, value) : undefined,
        keys: { ...PHP_KEYS },
        usedAt: [],
        trueLiteral: trueLiteralOf(module, call),
      };
      const array = optionsArgument(module, third, args.positional.length === 3);
      if (array) {
        if (isPastExpiry(module, array.pairs.get('expires'))) continue;
        sites.push({ ...base, flags: array.flags, insertion: array.insertion, notes: array.notes });
        continue;
      }
      if (isPastExpiry(module, third)) continue;
      if (third && args.positional.length === 3 && !isNumeric(textOf(module, third), third.name)) {
        // A third argument that is neither a number nor an array literal may be an options array built elsewhere.
        const reason = `the third argument \`${textOf(module, third)}\` may be an options array built elsewhere`;
        sites.push({ ...base, ...unknownOptions(reason) });
        continue;
      }
      const options = positionalOptions(module, args, { secure: 5, httpOnly: 6 }, PHP_KEYS);
      sites.push({ ...base, ...options });
    }
    return sites;
  },
};

/** Whether an expiry argument is a number (`0`, `time() + 60`, `strtotime('+1 day')`), not an options array. */
function isNumeric(text: string, node: string): boolean {
  if (node === 'Integer' || node === 'BinaryExpression' || node === 'UnaryExpression') return true;
  return node === 'CallExpression' && /^\\?(?:time|strtotime|mktime|gmmktime|intval)\s*\(/i.test(text);
}
