// Starlette `SessionMiddleware` (also under FastAPI): the session cookie is always HttpOnly (no option exists)
// and gets Secure only with `https_only=True`. Seen as `SessionMiddleware(app, …)`,
// `app.add_middleware(SessionMiddleware, …)` and `Middleware(SessionMiddleware, …)`.
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  stringLiteral,
  type PyModule,
} from '../languages/python.js';
import type { CookieSite } from '../model.js';
import { importedFrom, keywordCallSite } from './py-call-site-common.js';
import type { PyRule } from './rule.js';

const PACKAGES = ['starlette', 'fastapi'];

export const starletteSessionMiddleware: PyRule = {
  meta: {
    id: 'starlette-session-middleware',
    framework: 'starlette',
    language: 'python',
    api: 'SessionMiddleware(https_only=…)',
    description:
      'Starlette / FastAPI `SessionMiddleware` options (`https_only` gives the session cookie Secure).',
    defaults: { httpOnly: 'on', secure: 'off' },
    sameSiteByDefault: true,
    mentions: ['SessionMiddleware'],
  },
  findSites(module, context) {
    if (!module.text.includes('SessionMiddleware')) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      const parts = callParts(call);
      const callee = parts ? dottedName(module, parts.callee) : null;
      if (!parts || !callee) continue;
      const args = argumentsOf(module, parts.argList);
      const first = args[0];
      const direct = callee.at(-1) === 'SessionMiddleware' && isStarletteSessionMiddleware(module, callee);
      const wrapped =
        (callee.at(-1) === 'add_middleware' || callee.at(-1) === 'Middleware') &&
        first?.kind === 'positional' &&
        isStarletteSessionMiddleware(module, dottedName(module, first.value));
      if (!direct && !wrapped) continue;
      const cookieArgument = args.find((a) => a.kind === 'keyword' && a.name === 'session_cookie');
      const cookieName = cookieArgument ? stringLiteral(module, cookieArgument.value) : 'session';
      sites.push(
        keywordCallSite(module, call, parts.argList, context, {
          ruleId: this.meta.id,
          keys: { httpOnly: null, secure: 'https_only' },
          kind: 'session',
          cookieNames: cookieName === null ? [] : [cookieName],
        }),
      );
    }
    return sites;
  },
};

function isStarletteSessionMiddleware(module: PyModule, dotted: string[] | null): boolean {
  if (!dotted || dotted.at(-1) !== 'SessionMiddleware') return false;
  if (dotted.length === 1) return importedFrom(module, 'SessionMiddleware', PACKAGES);
  // `sessions.SessionMiddleware` after `from starlette.middleware import sessions`
  return importedFrom(module, dotted[0]!, PACKAGES);
}
