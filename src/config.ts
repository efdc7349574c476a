// The one settings object every entry point builds (CLI flags, action inputs, the repository config file).
import type { Attribute, SameSiteValue } from './model.js';

export type RuleSetting = 'off' | 'report' | 'fix';

export interface Config {
  /** Attributes to enforce: HttpOnly and Secure by default; SameSite is opt-in. */
  flags: Attribute[];
  /** The SameSite value written where it is enforced and missing. */
  sameSite: SameSiteValue;
  /** Glob-like path prefixes to scan (empty: everything). */
  paths: string[];
  /** Path patterns never scanned. */
  exclude: string[];
  /** Per-rule switches; a rule not listed follows its default (fix). */
  rules: Record<string, RuleSetting>;
  /** Change test files too (they are reported at low severity either way). */
  fixTests: boolean;
}

export const DEFAULT_CONFIG: Config = {
  flags: ['httpOnly', 'secure'],
  sameSite: 'lax',
  paths: [],
  exclude: [],
  rules: {},
  fixTests: false,
};
