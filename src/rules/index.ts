// The rule catalogue, in the order findings are reported. A rule that is not listed here never runs; the
// catalogue test fails when a rule file or its fixture folder is missing from it.
import { cookieSerialize } from './cookie-serialize.js';
import { cookieSession } from './cookie-session.js';
import { expressResCookie } from './express-res-cookie.js';
import { expressSession } from './express-session.js';
import type { JsRule, PyRule, Rule } from './rule.js';
import { tornadoCookieSettings } from './tornado-cookie-settings.js';
import { tornadoSetCookie } from './tornado-set-cookie.js';
import { tornadoXsrfCookie } from './tornado-xsrf-cookie.js';

export const JS_RULES: readonly JsRule[] = [expressResCookie, cookieSerialize, expressSession, cookieSession];
export const PY_RULES: readonly PyRule[] = [tornadoSetCookie, tornadoCookieSettings, tornadoXsrfCookie];
export const RULES: readonly Rule[] = [...JS_RULES, ...PY_RULES];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
