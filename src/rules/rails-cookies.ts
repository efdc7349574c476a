// Rails' cookie jar in a controller: `cookies[:name] = { value: …, httponly: …, secure: … }`, also through
// `.signed`, `.encrypted` and `.permanent` in any order. Both flags are off unless the options say so. A plain
// value (`cookies[:theme] = 'dark'`) has no options: when it is certainly not a hash (a string, a number, a
// call that returns a string, a local set once to one of those) the fix wraps it into
// `{ value: …, secure: true }`; another name or call may hold a hash built elsewhere, so it is unknown. Only the controller's own jar counts (a method of a class
// built on a controller); `cookies.delete`, a nil value and an expiry in the past are deletions.
import type { Node } from 'web-tree-sitter';
import { nodesOfType, symbolName, textOf, type RubyModule } from '../languages/ruby/parse.js';
import { inRailsController } from '../languages/ruby/app-context.js';
import type { CookieSite } from '../model.js';
import {
  deletes,
  hashOptions,
  isEmptyValue,
  isScalarValue,
  unknownOptions,
  wrappedValue,
} from './ruby-cookie-common.js';
import type { RubyRule } from './rule.js';

const JAR_METHODS = new Set(['signed', 'encrypted', 'permanent']);

export const railsCookies: RubyRule = {
  meta: {
    id: 'rails-cookies',
    framework: 'rails',
    language: 'ruby',
    api: 'cookies[:name] = { … }',
    description:
      "Rails' cookie jar in a controller (cookies[...] =, also .signed, .encrypted and .permanent), with an options hash or a plain value.",
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
    mentions: ['cookies[', 'cookies.'],
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const assignment of nodesOfType(module, ['assignment', 'operator_assignment'])) {
      const left = assignment.childForFieldName('left');
      const value = assignment.childForFieldName('right');
      if (left?.type !== 'element_reference' || !value) continue;
      const jar = jarOf(module, left.childForFieldName('object'));
      if (!jar || !inRailsController(module, assignment)) continue;
      const index = left.namedChildren.filter((child) => child.type !== 'comment')[1];
      const name = symbolName(module, index);
      if (isEmptyValue(module, value)) continue;
      const base = {
        ruleId: 'rails-cookies',
        file: module.file,
        offset: assignment.startIndex,
        cookieNames: name === null ? [] : [name],
        // Signed and encrypted values are the server's own: no script in the page can make use of them.
        kind: jar.sealed && !/csrf|xsrf/i.test(name ?? '') ? ('session' as const) : undefined,
        usedAt: [],
      };
      if (value.type === 'hash') {
        const options = hashOptions(module, value, true);
        if (deletes(module, options.pairs) || isEmptyValue(module, options.pairs.get('value'))) continue;
        const valueNode = options.pairs.get('value');
        sites.push({
          ...base,
          valueText: valueNode ? textOf(module, valueNode) : undefined,
          flags: options.flags,
          keys: options.keys,
          insertion: options.insertion,
          notes: options.notes,
        });
      } else if (isScalarValue(module, value)) {
        sites.push({ ...base, valueText: textOf(module, value), ...wrappedValue(module, value) });
      } else {
        sites.push({ ...base, valueText: textOf(module, value), ...unknownOptions(module, value) });
      }
    }
    return sites;
  },
};

/** `cookies`, `cookies.signed`, `cookies.permanent.encrypted`: the controller's jar, and whether it signs. */
function jarOf(module: RubyModule, node: Node | null): { sealed: boolean } | null {
  let sealed = false;
  for (let at = node; at;) {
    if (at.type === 'identifier') return textOf(module, at) === 'cookies' ? { sealed } : null;
    if (at.type !== 'call' || at.childForFieldName('arguments') || at.childForFieldName('block')) return null;
    const method = at.childForFieldName('method');
    const receiver = at.childForFieldName('receiver');
    if (!method || !receiver) {
      // `cookies` written as a call with no receiver and no arguments is still the jar.
      return method && !receiver && textOf(module, method) === 'cookies' ? { sealed } : null;
    }
    const name = textOf(module, method);
    if (!JAR_METHODS.has(name)) return null;
    if (name !== 'permanent') sealed = true;
    at = receiver;
  }
  return null;
}
