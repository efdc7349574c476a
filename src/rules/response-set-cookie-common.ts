// `response.set_cookie(key, value, …, secure=…, httponly=…)` as Werkzeug/Flask, Django, Starlette/FastAPI and
// aiohttp spell it: both flags off unless passed (aiohttp's `None` is off too). One shared reader; each rule
// says which framework's calls it owns, decided from the file's imports (py-framework-common.ts).
//
// Deletion-like calls are not reported (isPyCookieDeletion): Secure / HttpOnly protect a value there is none
// of. Calls on a project class that defines its own `set_cookie` (a response class set as the app's
// `response_class`, a helper with the same method name) are not the framework's (py-response-classes.ts).
import {
  argumentsOf,
  callParts,
  callsOf,
  dottedName,
  evaluatePyFlag,
  stringLiteral,
  textOf,
  type PyModule,
} from '../languages/python.js';
import { readPyFlag, readPyOptions } from '../languages/py-options.js';
import type { CookieSite, FlagValue } from '../model.js';
import {
  behindStarArguments,
  isPyCookieDeletion,
  kindOfExpression,
  passesCallerKwargs,
  placeCallOptions,
  withheld,
} from './py-call-site-common.js';
import type { PyRuleContext } from './rule.js';
import {
  frameworksOf,
  owningFramework,
  responseArgumentMismatch,
  responseReceiver,
  type PyFramework,
} from './py-framework-common.js';

/** Receivers whose `set_cookie` is not a response's: cookie jars, test clients, cookie containers. */
const NOT_A_RESPONSE = /jar$|client$|^cookies?$|^c$/i;
/** What a response is called where the file itself imports no framework. */
const RESPONSE_NAME = /resp|^res$|^rv$|^r$|redirect/i;

export interface SetCookieOptions {
  ruleId: string;
  framework: PyFramework;
  methods: ReadonlySet<string>;
  /** Werkzeug, Django and Starlette accept `secure` / `httponly` as the 7th / 8th positional argument. */
  positionalFlags: boolean;
  /** The keywords the flags are spelled with, where they differ from `httponly` / `secure` (Falcon). */
  keys?: { httpOnly: string; secure: string };
  /** Positional index of `max_age` / `expires` where it differs from Werkzeug's 3rd / 4th (Falcon). */
  positions?: Record<string, number>;
  /** The method is also called on the response's cookie jar under this attribute (Sanic's `response.cookies`). */
  jarAttribute?: string;
  /** Where an API with another order takes the flags by position (0-based; WebOb's `set_cookie`). */
  flagPositions?: { secure: number; httponly: number };
}

export function findSetCookieSites(
  module: PyModule,
  context: PyRuleContext,
  options: SetCookieOptions,
): CookieSite[] {
  if (![...options.methods].some((method) => module.text.includes(method))) return [];
  const owner = owningFramework(module, context.project);
  if (owner !== options.framework) return [];
  const ownImports = frameworksOf(module).size > 0;
  const identity = (key: string) => key;
  const sites: CookieSite[] = [];
  for (const call of callsOf(module)) {
    const parts = callParts(call);
    const callee = parts ? dottedName(module, parts.callee) : null;
    const method = callee?.at(-1);
    if (!parts || !callee || callee.length < 2 || !method || !options.methods.has(method)) continue;
    const onJar =
      options.jarAttribute !== undefined && callee.length > 2 && callee.at(-2) === options.jarAttribute;
    const receiver = onJar ? callee.at(-3)! : callee.at(-2)!;
    if (NOT_A_RESPONSE.test(receiver) || callee.some((part) => /client|jar/i.test(part))) continue;
    if (!ownImports && !RESPONSE_NAME.test(receiver)) continue;
    const args = argumentsOf(module, parts.argList);
    const star = args.find((argument) => argument.kind === 'star');
    const positional = args.filter((argument) => argument.kind === 'positional');
    const named = (name: string) =>
      args.find((argument) => argument.kind === 'keyword' && argument.name === name);
    const nameNode = positional[0]?.value ?? named('key')?.value ?? named('name')?.value;
    if (!nameNode) continue;
    const valueNode = positional[1]?.value ?? named('value')?.value;
    // Werkzeug, Django and Starlette take `max_age` and `expires` third and fourth when passed by position.
    const byPosition: Record<string, number> =
      options.positions ?? (options.positionalFlags ? { max_age: 2, expires: 3 } : {});
    // Bottle also spells it `maxage`.
    const option = (name: string) =>
      named(name)?.value ??
      (name === 'max_age' ? named('maxage')?.value : undefined) ??
      (name in byPosition ? positional[byPosition[name]!]?.value : undefined);
    if (isPyCookieDeletion(module, valueNode, option)) continue;
    const receiverClass = responseReceiver(
      module,
      call,
      onJar ? [...callee.slice(0, -2), method] : callee,
      options.framework,
      context,
    );
    if (receiverClass.kind === 'not-framework') continue;
    if (passesCallerKwargs(module, call, args)) continue;

    const view = readPyOptions(module, parts.argList, context, identity);
    const keys = options.keys ?? { httpOnly: 'httponly', secure: 'secure' };
    const flags: Record<'httpOnly' | 'secure', FlagValue> = {
      httpOnly: readPyFlag(view, keys.httpOnly),
      secure: readPyFlag(view, keys.secure),
    };
    if (options.flagPositions) {
      const { secure, httponly } = options.flagPositions;
      if (positional[secure]) flags.secure = evaluatePyFlag(module, positional[secure].value);
      if (positional[httponly]) flags.httpOnly = evaluatePyFlag(module, positional[httponly].value);
    } else if (options.positionalFlags) {
      if (positional[6]) flags.secure = evaluatePyFlag(module, positional[6].value);
      if (positional[7]) flags.httpOnly = evaluatePyFlag(module, positional[7].value);
    }
    const cookieName = stringLiteral(module, nameNode);
    const site: CookieSite = {
      ruleId: options.ruleId,
      file: module.file,
      offset: call.from,
      cookieNames: cookieName === null ? [] : [cookieName],
      kindHint: cookieName === null ? kindOfExpression(module, nameNode) : undefined,
      ...(valueNode ? { valueText: textOf(module, valueNode) } : {}),
      flags,
      keys: { ...keys },
      insertion: null,
      usedAt: [],
      notes: [],
    };
    placeCallOptions(site, module, call, view, context, identity);
    const doubt =
      receiverClass.kind === 'unknown'
        ? receiverClass.reason
        : responseArgumentMismatch(options.framework, method, args);
    if (doubt !== null) withheld(site, doubt);
    if (star) behindStarArguments(site, module, star.value);
    sites.push(site);
  }
  return sites;
}
