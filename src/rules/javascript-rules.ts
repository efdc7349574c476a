// The JavaScript / TypeScript rules, in report order.
import { cookieSerialize } from './cookie-serialize.js';
import { cookieSession } from './cookie-session.js';
import { expressResCookie } from './express-res-cookie.js';
import { expressSession } from './express-session.js';
import { koaCookiesSet } from './koa-cookies-set.js';
import { koaSession } from './koa-session.js';
import type { JsRule } from './rule.js';

export const JS_RULES: readonly JsRule[] = [
  expressResCookie,
  cookieSerialize,
  expressSession,
  cookieSession,
  koaCookiesSet,
  koaSession,
];
