// The Go rules, in report order.
import { fiberCookie } from './fiber-cookie.js';
import { fiberSessionConfig } from './fiber-session-config.js';
import { ginSetCookie } from './gin-set-cookie.js';
import { goHttpCookie } from './go-http-cookie.js';
import { gorillaSessionsOptions } from './gorilla-sessions-options.js';
import type { GoRule } from './rule.js';

export const GO_RULES: readonly GoRule[] = [
  goHttpCookie,
  ginSetCookie,
  fiberCookie,
  fiberSessionConfig,
  gorillaSessionsOptions,
];
