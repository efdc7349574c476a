// Spring's `ResponseCookie.from(name, value)….build()` builder: `httpOnly` and `secure` are plain booleans of
// the builder, false unless a call sets them, and `toString()` writes each attribute only when it is true. The
// class builds response cookies only (WebFlux's `addCookie`, or a `Set-Cookie` header in MVC), so every
// complete chain is a site. Missing calls go in just before `.build()`, in the chain's own layout.
import type { SyntaxNode } from '@lezer/common';
import {
  callOf,
  javaFlagValue,
  mayName,
  refersToClass,
  stringValue,
  textOf,
  type Call,
  type JavaModule,
} from '../languages/java/parse.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { JavaRule } from './rule.js';

const RESPONSE_COOKIE = ['org.springframework.http.ResponseCookie'];
const KEYS: Record<Flag, string> = { httpOnly: 'httpOnly', secure: 'secure' };

export const springResponseCookie: JavaRule = {
  meta: {
    id: 'spring-response-cookie',
    framework: 'spring',
    language: 'java',
    api: 'ResponseCookie.from()',
    description: "Spring's ResponseCookie builder chains, from ResponseCookie.from(…) to .build().",
    defaults: { httpOnly: 'off', secure: 'off' },
    mentions: ['ResponseCookie'],
    namedByCaller: true,
  },
  findSites(module) {
    if (!mayName(module, RESPONSE_COOKIE)) return [];
    const sites: CookieSite[] = [];
    module.tree.cursor().iterate((ref) => {
      const build = callOf(module, ref.node);
      if (!build || build.name !== 'build' || build.args.length !== 0) return true;
      const site = siteOf(module, build);
      if (site) sites.push(site);
      return true;
    });
    return sites;
  },
};

function siteOf(module: JavaModule, build: Call): CookieSite | null {
  // The calls between `from(…)` and `build()`, outermost first.
  const calls: Call[] = [];
  let receiver = build.receiver;
  for (let call = receiver ? callOf(module, receiver) : null; call;) {
    calls.push(call);
    receiver = call.receiver;
    call = receiver ? callOf(module, receiver) : null;
  }
  const from = calls.pop();
  if (!from || from.name !== 'from' || !refersToClass(module, from.receiver, RESPONSE_COOKIE)) return null;
  calls.reverse();
  const flags: Record<Flag, FlagValue> = { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } };
  for (const call of calls) {
    if (call.name === 'maxAge' && call.args.length === 1 && isZero(module, call.args[0]!)) return null;
    for (const flag of ['httpOnly', 'secure'] as Flag[]) {
      if (call.name === KEYS[flag]) flags[flag] = javaFlagValue(module, call.args[0]);
    }
  }
  const dot = build.node.getChild('.');
  const name = stringValue(module, from.args[0]);
  const value = from.args[1];
  return {
    ruleId: 'spring-response-cookie',
    file: module.file,
    offset: from.node.from,
    cookieNames: name === null ? [] : [name],
    valueText: value ? textOf(module, value) : undefined,
    flags,
    keys: { ...KEYS },
    insertion: dot
      ? {
          container: {
            file: module.file,
            syntax: 'java-chain',
            open: from.node.from,
            close: dot.from,
            entries: calls.map((call) => ({ start: segmentStart(call.node), end: call.node.to })),
            keyQuote: '',
          },
          nest: [],
        }
      : null,
    usedAt: [],
    notes: [],
  };
}

/** Where `.name(…)` of a call in a chain starts: its dot. */
function segmentStart(call: SyntaxNode): number {
  return call.getChild('.')?.from ?? call.from;
}

/** `0`, `0L`, `Duration.ZERO`: an expiry that deletes the cookie. */
function isZero(module: JavaModule, node: SyntaxNode): boolean {
  return /^(?:0[lL]?|(?:java\.time\.)?Duration\.ZERO)$/.test(textOf(module, node).replace(/\s+/g, ''));
}
