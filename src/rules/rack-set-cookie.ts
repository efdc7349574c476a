// Rack's cookie writers: `response.set_cookie(name, { value: …, httponly: …, secure: … })` (Rack::Response,
// which Sinatra's and Rails' responses are), and `Rack::Utils.set_cookie_header!(headers, name, {…})` /
// `Rack::Utils.set_cookie_header(name, {…})`. Rack writes a flag only when its key says so (`httponly` or
// `http_only`, `secure`). `response` counts in a Sinatra app or a Rails controller; another receiver only when
// the file makes it a `Rack::Response.new`. A plain string value is wrapped into `{ value: …, … }` as for
// Rails; `delete_cookie`, an empty value and an expiry in the past are deletions.
import type { Node } from 'web-tree-sitter';
import {
  methodName,
  nodesOfType,
  receiverText,
  stringValue,
  textOf,
  type RubyModule,
} from '../languages/ruby/parse.js';
import { inRailsController, inSinatraApp } from '../languages/ruby/app-context.js';
import type { CookieSite } from '../model.js';
import {
  callArguments,
  deletes,
  hashOptions,
  isEmptyValue,
  isScalarValue,
  unknownOptions,
  wrappedValue,
} from './ruby-cookie-common.js';
import type { RubyRule } from './rule.js';

export const rackSetCookie: RubyRule = {
  meta: {
    id: 'rack-set-cookie',
    framework: 'rack',
    language: 'ruby',
    api: 'response.set_cookie()',
    description:
      "Rack's response.set_cookie and Rack::Utils.set_cookie_header(!) with an options hash or a plain value.",
    defaults: { httpOnly: 'off', secure: 'off' },
    namedByCaller: true,
    mentions: ['set_cookie'],
  },
  findSites(module) {
    const sites: CookieSite[] = [];
    for (const call of nodesOfType(module, ['call'])) {
      const method = methodName(module, call);
      const { list, items } = callArguments(call);
      if (!list) continue;
      let at: number;
      if (method === 'set_cookie' && isRackResponse(module, call)) at = 0;
      else if (method === 'set_cookie_header!' && isRackUtils(module, call)) at = 1;
      else if (method === 'set_cookie_header' && isRackUtils(module, call)) at = 0;
      else continue;
      const nameNode = items[at];
      const value = items[at + 1];
      if (!nameNode || !value) continue;
      const name = stringValue(module, nameNode);
      const base = {
        ruleId: 'rack-set-cookie',
        file: module.file,
        offset: call.startIndex,
        cookieNames: name === null ? [] : [name],
        usedAt: [],
      };
      if (value.type === 'pair' || (value.type === 'hash' && items.length === at + 2)) {
        const options = hashOptions(module, value.type === 'hash' ? value : list, false);
        if (deletes(module, options.pairs) || isEmptyValue(module, options.pairs.get('value'))) continue;
        const held = options.pairs.get('value');
        sites.push({
          ...base,
          valueText: held ? textOf(module, held) : undefined,
          flags: options.flags,
          keys: options.keys,
          insertion: options.insertion,
          notes: options.notes,
        });
      } else if (items.length !== at + 2 || isEmptyValue(module, value)) {
        continue;
      } else if (isScalarValue(module, value)) {
        sites.push({ ...base, valueText: textOf(module, value), ...wrappedValue(module, value) });
      } else {
        sites.push({ ...base, valueText: textOf(module, value), ...unknownOptions(module, value) });
      }
    }
    return sites;
  },
};

function isRackUtils(module: RubyModule, call: Node): boolean {
  return /^(?:::)?Rack::Utils$/.test(receiverText(module, call));
}

/** `response` of a Sinatra app or a Rails controller, or a name the file sets to `Rack::Response.new`. */
function isRackResponse(module: RubyModule, call: Node): boolean {
  const receiver = receiverText(module, call);
  if (receiver === 'response') return inSinatraApp(module, call) || inRailsController(module, call);
  if (!/^@?\w+$/.test(receiver)) return /^(?:::)?Rack::Response\.new\b/.test(receiver);
  const escaped = receiver.replace('@', '\\@');
  return new RegExp(`(?:^|[^\\w@.])${escaped}\\s*=\\s*(?:::)?Rack::Response\\.new\\b`).test(module.text);
}
