// The rule catalogue. A rule that is not listed in javascript-rules.ts, python-rules.ts, go-rules.ts or
// php-rules.ts never runs; the catalogue test fails when a rule file or its fixture folder is missing from it.
import { CSHARP_RULES } from './csharp-rules.js';
import { GO_RULES } from './go-rules.js';
import { JAVA_RULES } from './java-rules.js';
import { JS_RULES } from './javascript-rules.js';
import { PHP_RULES } from './php-rules.js';
import { PY_RULES } from './python-rules.js';
import { RUBY_RULES } from './ruby-rules.js';
import type { Rule } from './rule.js';

export { CSHARP_RULES, GO_RULES, JAVA_RULES, JS_RULES, PHP_RULES, PY_RULES, RUBY_RULES };
export const RULES: readonly Rule[] = [
  ...JS_RULES,
  ...PY_RULES,
  ...GO_RULES,
  ...PHP_RULES,
  ...JAVA_RULES,
  ...CSHARP_RULES,
  ...RUBY_RULES,
];
