// Facts about Tornado code shared by the Tornado rules.
import type { PyModule } from '../languages/python.js';

const OTHER_WEB_FRAMEWORKS =
  /^\s*(?:from|import)\s+(?:flask|django|starlette|fastapi|aiohttp|werkzeug|quart|sanic|pyramid|bottle|falcon)\b/m;

export function importsTornado(module: PyModule): boolean {
  for (const binding of module.imports.values()) {
    if (binding.module === 'tornado' || binding.module.startsWith('tornado.')) return true;
  }
  return false;
}

export function importsOtherWebFramework(module: PyModule): boolean {
  return OTHER_WEB_FRAMEWORKS.test(module.text);
}

/** Tornado matched cookie keyword arguments case-insensitively before 6.3; `HttpOnly=True` still counts. */
export function tornadoKey(key: string): string {
  return key.toLowerCase();
}

export const TORNADO_COOKIE_METHODS = new Set(['set_cookie', 'set_signed_cookie', 'set_secure_cookie']);
