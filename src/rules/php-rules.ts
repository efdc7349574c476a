// The PHP rules, in report order.
import { phpSetcookie } from './php-setcookie.js';
import type { PhpRule } from './rule.js';

export const PHP_RULES: readonly PhpRule[] = [phpSetcookie];
