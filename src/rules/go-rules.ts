// The Go rules, in report order.
import { ginSetCookie } from './gin-set-cookie.js';
import { goHttpCookie } from './go-http-cookie.js';
import type { GoRule } from './rule.js';

export const GO_RULES: readonly GoRule[] = [goHttpCookie, ginSetCookie];
