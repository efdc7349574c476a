// The rule catalogue. A rule that is not listed in javascript-rules.ts or python-rules.ts never runs; the
// catalogue test fails when a rule file or its fixture folder is missing from it.
import { JS_RULES } from './javascript-rules.js';
import { PY_RULES } from './python-rules.js';
import type { Rule } from './rule.js';

export { JS_RULES, PY_RULES };
export const RULES: readonly Rule[] = [...JS_RULES, ...PY_RULES];
