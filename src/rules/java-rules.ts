// The Java rules, in report order.
import type { JavaRule } from './rule.js';
import { servletCookie } from './servlet-cookie.js';
import { servletSessionCookieConfig } from './servlet-session-cookie-config.js';
import { springBootSessionCookie } from './spring-boot-session-cookie.js';
import { springResponseCookie } from './spring-response-cookie.js';

export const JAVA_RULES: readonly JavaRule[] = [
  servletCookie,
  springResponseCookie,
  springBootSessionCookie,
  servletSessionCookieConfig,
];
