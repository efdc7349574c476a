// Fiber's session middleware, `session.New(session.Config{…})`: `CookieHTTPOnly` and `CookieSecure` are plain
// bools documented as off by default (v2 and v3); `CookieSameSite` defaults to "Lax".
import { packageStructSites } from './go-cookie-common.js';
import type { GoRule } from './rule.js';

export const fiberSessionConfig: GoRule = {
  meta: {
    id: 'fiber-session-config',
    framework: 'fiber',
    language: 'go',
    api: 'session.Config{…}',
    description: "Fiber's session middleware configuration (CookieHTTPOnly / CookieSecure).",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['middleware/session'],
    sameSiteByDefault: true,
  },
  findSites(module) {
    return packageStructSites(module, this.meta.id, {
      packages: [
        'github.com/gofiber/fiber/v2/middleware/session',
        'github.com/gofiber/fiber/v3/middleware/session',
      ],
      type: 'Config',
      keys: { httpOnly: 'CookieHTTPOnly', secure: 'CookieSecure' },
      kind: 'session',
    });
  },
};
