// The Ruby rules, in report order.
import { rackSessionCookie } from './rack-session-cookie.js';
import { rackSetCookie } from './rack-set-cookie.js';
import { railsCookies } from './rails-cookies.js';
import { railsSessionStore } from './rails-session-store.js';
import type { RubyRule } from './rule.js';
import { sinatraSessions } from './sinatra-sessions.js';

export const RUBY_RULES: readonly RubyRule[] = [
  railsCookies,
  railsSessionStore,
  sinatraSessions,
  rackSessionCookie,
  rackSetCookie,
];
