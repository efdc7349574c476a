// The PHP rules, in report order.
import { laravelSessionConfig } from './laravel-session-config.js';
import { phpSessionCookieParams } from './php-session-cookie-params.js';
import { phpIniSession } from './php-ini-session.js';
import { phpSetcookie } from './php-setcookie.js';
import { symfonySessionConfig } from './symfony-session-config.js';
import type { PhpRule } from './rule.js';

export const PHP_RULES: readonly PhpRule[] = [
  phpSetcookie,
  phpSessionCookieParams,
  laravelSessionConfig,
  phpIniSession,
  symfonySessionConfig,
];
