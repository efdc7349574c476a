// @fastify/cookie: `reply.setCookie(name, value, options)` (alias `reply.cookie`), also NestJS handlers on
// a Fastify reply. Nothing is on by default, but every call inherits the `parseOptions` of the plugin
// registration, so a flag missing at the call may be set once for the whole app: that object is where a
// missing flag is added when the call writes neither flag itself.
import { FLAGS, type CookieSite, type Flag } from '../model.js';
import { calleeName, callsOf, memberPropertyName, unwrap, type JsNode } from '../languages/javascript.js';
import { readFlag } from '../languages/js-options.js';
import { lineColumn } from '../languages/text.js';
import { cookieRegistrationFor, type CookieRegistration } from './fastify-common.js';
import type { JsRule } from './rule.js';
import { isCall, isMember, nameValueOptionsSite } from './js-site.js';
import { ignoreReasonOf } from './ignore.js';

/** Names a Fastify reply goes by (Nest handlers often call it `response` or `res`). */
const REPLY = /^(reply|rep|res|response|resp)$/;
const KEYS: Record<Flag, string> = { httpOnly: 'httpOnly', secure: 'secure' };

export const fastifySetCookie: JsRule = {
  meta: {
    id: 'fastify-set-cookie',
    framework: 'fastify-cookie',
    language: 'javascript',
    api: 'reply.setCookie()',
    description:
      '@fastify/cookie `reply.setCookie(name, value, options)` / `reply.cookie(…)`, with the defaults of the plugin’s `parseOptions`.',
    defaults: { httpOnly: 'off', secure: 'off' },
    sameSiteByDefault: true,
  },
  findSites(module, { load }) {
    const sites: CookieSite[] = [];
    let registration: CookieRegistration | null | undefined;
    for (const call of callsOf(module)) {
      const node = call.node;
      if (!isCall(node) || !isReplyCookieCall(node)) continue;
      const site = nameValueOptionsSite(this.meta.id, module, call, load, { trueStrings: ['auto'] });
      if (!site) continue;
      const absent = FLAGS.filter((flag) => site.flags[flag].kind === 'absent');
      // An ignored call keeps its own site: the plugin's registration is not the place the comment chose.
      const ignored = ignoreReasonOf(site, (file) => (file === module.file ? { js: module } : null)) !== null;
      if (absent.length === 0 || ignored) {
        sites.push(site);
        continue;
      }
      if (registration === undefined) registration = cookieRegistrationFor(module, load);
      sites.push(withPluginDefaults(site, absent, registration, lineColumn(module.starts, node.start).line));
    }
    return sites;
  },
};

function isReplyCookieCall(node: JsNode): boolean {
  const method = calleeName(node);
  if (method !== 'setCookie' && method !== 'cookie') return false;
  const callee = unwrap(node.callee);
  if (!isMember(callee) || node.arguments.length < 2 || node.arguments.length > 3) return false;
  if (unwrap(node.arguments[0]).type === 'ObjectExpression') return false; // puppeteer-style cookie objects
  const receiver = unwrap(callee.object);
  const name =
    receiver.type === 'Identifier' ? receiver.name : isMember(receiver) ? memberPropertyName(receiver) : null;
  if (name === null) return false;
  // `res.cookie` is Express's: only the Fastify-only names take the alias.
  return method === 'setCookie' ? REPLY.test(name) : /^(reply|rep)$/.test(name);
}

/** Fills flags the call leaves out from the registration's `parseOptions`, or moves the site there. */
function withPluginDefaults(
  site: CookieSite,
  absent: Flag[],
  registration: CookieRegistration | null,
  callLine: number,
): CookieSite {
  const parse = registration?.parseOptions;
  if (!registration || !parse) return site;
  const where = `${registration.module.file}:${registration.line}`;
  if ('unknown' in parse) {
    const flags = { ...site.flags };
    for (const flag of absent) {
      flags[flag] = {
        kind: 'unknown',
        reason: `the @fastify/cookie \`parseOptions\` at ${where} cannot be read (${parse.unknown})`,
      };
    }
    return { ...site, flags };
  }
  if (absent.length === FLAGS.length) {
    // The call leaves both flags to the plugin: the plugin's defaults are the one place to fix.
    const file =
      site.file === parse.module.file && site.offset === parse.object.start
        ? []
        : [`${site.file}:${callLine}`];
    return {
      ...site,
      file: parse.module.file,
      offset: parse.object.start,
      flags: {
        httpOnly: readFlag(parse, KEYS.httpOnly, ['auto']),
        secure: readFlag(parse, KEYS.secure, ['auto']),
      },
      insertion: { container: parse.container, nest: [] },
      usedAt: [...new Set([...site.usedAt, ...file])],
      notes: [
        ...site.notes,
        `Every \`reply.setCookie\` inherits the \`parseOptions\` of the @fastify/cookie registration at ${where}; the flags are set there once.`,
      ],
    };
  }
  const flags = { ...site.flags };
  for (const flag of absent) flags[flag] = readFlag(parse, KEYS[flag], ['auto']);
  const inherited = absent.filter((flag) => flags[flag].kind !== 'absent');
  const labels = inherited.map((flag) => (flag === 'httpOnly' ? 'HttpOnly' : 'Secure'));
  const notes =
    inherited.length > 0
      ? [
          ...site.notes,
          `${labels.join(' and ')} ${labels.length > 1 ? 'come' : 'comes'} from the \`parseOptions\` of the @fastify/cookie registration at ${where}.`,
        ]
      : site.notes;
  return { ...site, flags, notes };
}
