// Fiber's `fiber.Cookie{…}` (v2 and v3), sent with `c.Cookie(&fiber.Cookie{…})`. The flag field is spelled
// `HTTPOnly`; both flags are plain bools, off when left out. Fiber fills in SameSite=Lax when it is empty.
import { packageStructSites } from './go-cookie-common.js';
import type { GoRule } from './rule.js';

export const fiberCookie: GoRule = {
  meta: {
    id: 'fiber-cookie',
    framework: 'fiber',
    language: 'go',
    api: 'fiber.Cookie{…}',
    description: 'Fiber response cookies built as fiber.Cookie struct literals.',
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['Cookie{'],
    sameSiteByDefault: true,
  },
  findSites(module) {
    return packageStructSites(module, this.meta.id, {
      packages: ['github.com/gofiber/fiber/v2', 'github.com/gofiber/fiber/v3', 'github.com/gofiber/fiber'],
      type: 'Cookie',
      keys: { httpOnly: 'HTTPOnly', secure: 'Secure' },
    });
  },
};
