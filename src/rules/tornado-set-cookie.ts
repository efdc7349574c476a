// Tornado `set_cookie`, `set_signed_cookie` and its old name `set_secure_cookie` ("secure" there means
// signed). `httponly` and `secure` are off unless passed. When a call splats a visible dict
// (`**cookie_settings`, `**settings.cookie_settings`, `**self.settings["cookie_settings"]`), the dict is
// the one place to fix.
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import { readPyFlag, readPyOptions } from '../languages/py-options.js';
import type { CookieSite } from '../model.js';
import { isPyCookieDeletion, passesCallerKwargs, placeCallOptions, withheld } from './py-call-site-common.js';
import type { PyRule } from './rule.js';
import {
  TORNADO_COOKIE_METHODS,
  importsOtherWebFramework,
  importsTornado,
  tornadoArgumentMismatch,
  tornadoKey,
  tornadoReceiver,
} from './tornado-common.js';

export const tornadoSetCookie: PyRule = {
  meta: {
    id: 'tornado-set-cookie',
    framework: 'tornado',
    language: 'python',
    api: 'RequestHandler.set_*cookie()',
    description:
      'Tornado cookie calls, including the options dicts their handlers splat into them (`**cookie_settings`).',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, context) {
    const sites: CookieSite[] = [];
    const tornadoFile = importsTornado(module);
    const otherFramework = importsOtherWebFramework(module);
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const callee = parts ? dottedName(module, parts.callee) : null;
      const method = callee?.at(-1);
      if (!parts || !callee || callee.length < 2 || !method || !TORNADO_COOKIE_METHODS.has(method)) continue;
      if (method === 'set_cookie' && !(tornadoFile || (callee[0] === 'self' && !otherFramework))) continue;
      const receiver = tornadoReceiver(module, call, callee, context);
      if (receiver.kind === 'not-handler') continue;
      const args = argumentsOf(module, parts.argList);
      const positional = args.filter((argument) => argument.kind === 'positional');
      const named = (name: string) =>
        args.find((argument) => argument.kind === 'keyword' && tornadoKey(argument.name ?? '') === name);
      if (positional.length + (named('name') ? 1 : 0) + (named('value') ? 1 : 0) < 2) continue;
      const star = args.find((argument) => argument.kind === 'star');
      const valueNode = positional[1]?.value ?? named('value')?.value;
      // Tornado's fourth positional argument is `expires`, its sixth `expires_days`.
      const option = (name: string) =>
        named(name)?.value ??
        (name === 'expires'
          ? positional[3]?.value
          : name === 'expires_days'
            ? positional[5]?.value
            : undefined);
      if (isPyCookieDeletion(module, valueNode, option)) continue;
      if (passesCallerKwargs(module, call, args)) continue;

      const nameNode = positional[0]?.value ?? named('name')?.value;
      const cookieName = nameNode ? stringLiteral(module, nameNode) : null;
      const signed = method !== 'set_cookie';
      const view = readPyOptions(module, parts.argList, context, tornadoKey);
      const flags = { httpOnly: readPyFlag(view, 'httponly'), secure: readPyFlag(view, 'secure') };
      const site: CookieSite = {
        ruleId: this.meta.id,
        file: module.file,
        offset: call.from,
        cookieNames: cookieName === null ? [] : [cookieName],
        kind: signed && !/csrf|xsrf/i.test(cookieName ?? '') ? 'session' : undefined,
        ...(valueNode ? { valueText: textOf(module, valueNode) } : {}),
        flags,
        keys: { httpOnly: 'httponly', secure: 'secure' },
        insertion: null,
        usedAt: [],
        notes: [],
      };
      if (signed && method === 'set_secure_cookie') {
        site.notes.push(
          'In Tornado `set_secure_cookie` means signed: it sets neither Secure nor HttpOnly by itself.',
        );
      }
      placeCallOptions(site, module, call, view, context, tornadoKey);
      const doubt = receiver.kind === 'unknown' ? receiver.reason : tornadoArgumentMismatch(method, args);
      if (doubt !== null) withheld(site, doubt);
      // Tornado takes the flags only as keywords, so `*args` cannot set them: the call is judged as written.
      if (star)
        site.notes.push('The `*` arguments can fill only the positional parameters, never the flags.');
      sites.push(site);
    }
    return sites;
  },
};

export function isTornadoProject(project: readonly PyModule[]): boolean {
  return project.some(importsTornado);
}
