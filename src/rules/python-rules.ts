// The Python rules, in report order.
import type { PyRule } from './rule.js';
import { tornadoCookieSettings } from './tornado-cookie-settings.js';
import { tornadoSetCookie } from './tornado-set-cookie.js';
import { tornadoXsrfCookie } from './tornado-xsrf-cookie.js';

export const PY_RULES: readonly PyRule[] = [tornadoSetCookie, tornadoCookieSettings, tornadoXsrfCookie];
