// The C# rules, in report order.
import { aspnetcoreAntiforgeryCookie } from './aspnetcore-antiforgery-cookie.js';
import { aspnetcoreAuthCookie } from './aspnetcore-auth-cookie.js';
import { aspnetcoreCookiesAppend } from './aspnetcore-cookies-append.js';
import { aspnetcoreSessionCookie } from './aspnetcore-session-cookie.js';
import type { CSharpRule } from './rule.js';

export const CSHARP_RULES: readonly CSharpRule[] = [
  aspnetcoreCookiesAppend,
  aspnetcoreSessionCookie,
  aspnetcoreAuthCookie,
  aspnetcoreAntiforgeryCookie,
];
