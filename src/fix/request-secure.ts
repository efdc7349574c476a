// Secure that follows the request, for projects where HTTPS is optional: the value is written only where the
// request can be named with certainty at the site (Tornado's `self.request` inside a handler method, Flask's
// imported `request`, a Django view's `request` parameter, the Express handler's request parameter, the
// Astro / Qwik City context the cookie jar hangs on, a Go handler's request or framework context, the request
// an ASP.NET Core rule names beside the response);
// anywhere else the caller leaves the flag to a person.
import { goRequestScheme } from '../languages/go/request-scheme.js';
import { indentationAt, lineStartOf } from '../languages/text.js';
import type { CookieSite } from '../model.js';
import type { RuleMeta } from '../rules/rule.js';
import type { RequestSecure } from './site-facts.js';

export function followRequest(site: CookieSite, meta: RuleMeta, text: string): RequestSecure | null {
  // `'auto'` asks the framework to decide per request: it needs no request in scope.
  if (meta.framework === 'express-session' || meta.framework === 'fastify-cookie')
    return { value: `${quoteOf(text)}auto${quoteOf(text)}` };
  // gin's flags are arguments of the call itself (no options object): the request in scope there is the one.
  if (meta.framework === 'gin') return goRequestScheme(site.file, text, site.offset);
  // Options defined away from the call (a shared dict or object) cannot see the request.
  if (site.usedAt.length > 0 || !site.insertion || site.insertion.container.file !== site.file) return null;
  switch (meta.framework) {
    case 'tornado':
      return tornado(site, text);
    case 'werkzeug':
      return flask(site, text);
    case 'django':
      return meta.id === 'django-set-cookie' ? django(site, text) : null;
    case 'express':
      return express(site, text);
    case 'adonisjs':
      return meta.id === 'adonisjs-response-cookie' ? adonisjs(site, text) : null;
    case 'bottle':
      return bottle(site, text);
    case 'falcon':
      return requestParameter(site, text, ['req', 'request'], (name) => ({
        value: `${name}.scheme == "https"`,
        caution: `\`${name}.scheme\` is the scheme the WSGI/ASGI server saw: behind a TLS-terminating proxy it is \`http\` and the cookie never gets Secure; \`${name}.forwarded_scheme\` reads the proxy's headers`,
      }));
    case 'sanic':
      return requestParameter(site, text, ['request'], (name) => ({
        value: `${name}.scheme == "https"`,
        caution: `behind a TLS-terminating proxy \`${name}.scheme\` is \`https\` only when Sanic trusts the forwarded headers (\`FORWARDED_SECRET\`, \`PROXIES_COUNT\` or \`REAL_IP_HEADER\`)`,
      }));
    case 'litestar':
      return requestParameter(site, text, ['request'], (name) => ({
        value: `${name}.url.scheme == "https"`,
        caution: `behind a TLS-terminating proxy \`${name}.url.scheme\` is \`https\` only when the ASGI server trusts the forwarded headers (uvicorn \`--proxy-headers\`)`,
      }));
    case 'astro':
      return contextUrl(site, text, 'cookies');
    case 'qwik-city':
      return contextUrl(site, text, 'cookie');
    case 'cherrypy':
      return meta.id === 'cherrypy-response-cookie' ? cherrypy(site, text) : null;
    case 'twisted':
      return twisted(site, text);
    case 'aspnetcore':
      // The rule names the request where it is certain (`Request.IsHttps`, a builder's `SameAsRequest`).
      return site.requestScheme
        ? {
            value: site.requestScheme,
            caution:
              'behind a TLS-terminating proxy ASP.NET Core sees HTTPS requests as HTTPS only with the forwarded headers applied (`app.UseForwardedHeaders()` with `ForwardedHeaders.XForwardedProto`)',
          }
        : null;
    case 'net-http':
    case 'fiber':
      return meta.id === 'fiber-session-config' ? null : goRequestScheme(site.file, text, site.offset);
    case 'rails':
    case 'rack':
      return rubyRequest(site, text);
    case 'pyramid':
      return meta.id === 'pyramid-set-cookie' || meta.id === 'webob-cookie-profile'
        ? pyramid(site, text)
        : null;
    default:
      return null;
  }
}

/**
 * Rails' cookie jar and a Rails or Sinatra `response.set_cookie` sit where the controller's or the app's
 * `request` is in scope (the rules report them only there), unless the method names something else `request`.
 */
function rubyRequest(site: CookieSite, text: string): RequestSecure | null {
  if (!/^(?:cookies\b|response\s*\.\s*set_cookie\b)/.test(text.slice(site.offset))) return null;
  // From the method's `def` (or a route's block) to the site: a parameter, block variable or local of that name.
  const before = text.slice(0, site.offset);
  const defs = [...before.matchAll(/^[ \t]*def\s/gm)];
  const scope = before.slice(defs.at(-1)?.index ?? 0);
  if (
    /(?:^|[^\w.@:])request\s*=[^=~>]|\|[^|\n]*\brequest\b[^|\n]*\||^[ \t]*def\s[^\n]*\brequest\b/m.test(scope)
  )
    return null;
  return {
    value: 'request.ssl?',
    caution:
      '`request.ssl?` reads `X-Forwarded-Proto` (and `X-Forwarded-Ssl`) from the request, so behind a proxy that terminates TLS the proxy must set it, and nothing else may reach the app directly',
  };
}

/** `self.set_cookie(…)` inside a method whose first parameter is `self`: `self.request` is the request. */
function tornado(site: CookieSite, text: string): RequestSecure | null {
  if (!/^self\s*\.\s*set_(?:signed_|secure_)?cookie\s*\(/.test(text.slice(site.offset))) return null;
  const def = enclosingDef(text, site.offset);
  if (!def || def.parameters[0] !== 'self') return null;
  return { value: 'self.request.protocol == "https"' };
}

/** Flask's (or Quart's) `request` proxy, imported in this module, inside a function (a request context). */
function flask(site: CookieSite, text: string): RequestSecure | null {
  const local = importedName(text, FLASK_IMPORT, 'request');
  if (local === null) return null;
  const def = enclosingDef(text, site.offset);
  if (!def || def.parameters.includes(local)) return null; // a parameter would shadow the proxy
  return { value: `${local}.is_secure` };
}

const FLASK_IMPORT = /^from\s+(?:flask|quart)\s+import\s+(?:\(([^)]*)\)|([^\n]*))/gm;
const BOTTLE_IMPORT = /^from\s+bottle\s+import\s+(?:\(([^)]*)\)|([^\n]*))/gm;

/**
 * The name `name` is bound to by a `from … import` the pattern matches (`request`, or `rq` for
 * `request as rq`), or null when the module does not import it.
 */
function importedName(text: string, imports: RegExp, name: string): string | null {
  for (const match of text.matchAll(imports)) {
    for (const part of (match[1] ?? match[2] ?? '').split(',')) {
      const [imported, as, alias] = part.trim().split(/\s+/);
      if (imported !== name) continue;
      if (as === undefined) return name;
      if (as === 'as' && alias !== undefined && /^[A-Za-z_]\w*$/.test(alias)) return alias;
    }
  }
  return null;
}

/** A Django view's request parameter (`def view(request)`, `def get(self, request)`); `is_secure` is a method. */
function django(site: CookieSite, text: string): RequestSecure | null {
  const def = enclosingDef(text, site.offset);
  if (!def) return null;
  const first = def.parameters[0] === 'self' ? def.parameters[1] : def.parameters[0];
  if (first !== 'request') return null;
  return { value: 'request.is_secure()' };
}

/**
 * CherryPy's thread-local `cherrypy.request`, inside a function. Its `base` rather than its `scheme`: the
 * `tools.proxy` tool rewrites `request.base` from `X-Forwarded-Proto` and leaves `request.scheme` as the
 * server saw it, so only `base` can turn https behind a TLS-terminating proxy (cherrypy/cherrypy@1f75bc9e:
 * `scheme` is the WSGI `wsgi.url_scheme`, `_cpwsgi.py:338`; `base` starts as `scheme://host`,
 * `_cprequest.py:814`; `proxy()` assigns only `request.base`, `lib/cptools.py:173-229`).
 */
function cherrypy(site: CookieSite, text: string): RequestSecure | null {
  if (!/^import\s+cherrypy\s*$/m.test(text) || !enclosingDef(text, site.offset)) return null;
  return {
    value: 'cherrypy.request.base.startswith("https://")',
    caution:
      "`cherrypy.request.base` says https behind a TLS-terminating proxy only with `'tools.proxy.on': True` in the app's config",
  };
}

/** `request.addCookie(…)`: the request the cookie goes out on says whether its connection is TLS. */
function twisted(site: CookieSite, text: string): RequestSecure | null {
  const receiver = /^((?:self\.)?[A-Za-z_]\w*)\s*\.\s*addCookie\s*\(/.exec(text.slice(site.offset))?.[1];
  if (!receiver || receiver === 'self' || !enclosingDef(text, site.offset)) return null;
  return {
    value: `${receiver}.isSecure()`,
    caution: `\`${receiver}.isSecure()\` is true only for connections Twisted itself accepted over TLS: behind a TLS-terminating proxy it stays false unless the app marks the request secure (\`request.setHost(host, port, ssl=True)\`)`,
  };
}

/** A Pyramid view's request: the `request` parameter, or `self.request` in a class-based view. */
function pyramid(site: CookieSite, text: string): RequestSecure | null {
  const def = enclosingDef(text, site.offset);
  if (!def) return null;
  const request = def.parameters.includes('request')
    ? 'request'
    : def.parameters[0] === 'self' && /^self\.request\.response\s*\./.test(text.slice(site.offset))
      ? 'self.request'
      : null;
  if (!request) return null;
  return {
    value: `${request}.scheme == "https"`,
    caution: `\`${request}.scheme\` comes from the WSGI environ: behind a TLS-terminating proxy it says https only when the WSGI server or a middleware applies the proxy's \`X-Forwarded-Proto\``,
  };
}

/** `res.cookie(…)` in a handler `(req, res) => {…}` / `function (req, res) {…}`: `req.secure`. */
function express(site: CookieSite, text: string): RequestSecure | null {
  // The site is the call itself (no options yet) or its inline options object, a few characters after it.
  const atCall = /^([A-Za-z_$][\w$]*)\s*\.\s*cookie\s*\(/.exec(text.slice(site.offset));
  const before = text.slice(Math.max(0, site.offset - 400), site.offset);
  const call = atCall ?? /([A-Za-z_$][\w$]*)\s*\.\s*cookie\s*\([^]*$/.exec(before);
  const receiver = call?.[1];
  if (!call || !receiver) return null;
  const callOffset = atCall ? site.offset : site.offset - before.length + call.index;
  const head = text.slice(0, callOffset);
  const parameterList = new RegExp(
    `\\(\\s*([A-Za-z_$][\\w$]*)\\s*(?::[^,()]*)?,\\s*${receiver.replace(/\$/g, '\\$')}\\s*(?::[^,()]*)?(?:,[^()]*)?\\)\\s*(?::[^={]*)?(?:=>\\s*)?\\{`,
    'g',
  );
  let last: RegExpExecArray | null = null;
  for (const match of head.matchAll(parameterList)) last = match as RegExpExecArray;
  if (!last) return null;
  const bodyStart = last.index + last[0].length;
  if (!stillOpen(text.slice(bodyStart, callOffset))) return null;
  return {
    value: `${last[1]}.secure`,
    caution: `\`${last[1]}.secure\` is true only for requests Express sees as HTTPS: behind a TLS-terminating proxy, add \`app.set('trust proxy', 1)\` or the cookie never gets Secure`,
  };
}

/**
 * AdonisJS `ctx.response.cookie(…)`: `ctx.request.secure()`; a bare `response` destructured beside `request`
 * from the handler's context (`async ({ request, response }) => {…}`): `request.secure()`.
 */
function adonisjs(site: CookieSite, text: string): RequestSecure | null {
  const method = String.raw`\s*\.\s*(?:cookie|encryptedCookie|plainCookie)\s*\(`;
  const receiver = String.raw`((?:[A-Za-z_$][\w$]*\s*\.\s*)*)response`;
  const atCall = new RegExp(`^${receiver}${method}`).exec(text.slice(site.offset));
  const before = text.slice(Math.max(0, site.offset - 400), site.offset);
  // Before inline options, the nearest call is the last one in the window.
  let call: RegExpExecArray | RegExpMatchArray | null = atCall;
  if (!call)
    for (const match of before.matchAll(new RegExp(`(?<![\\w$.])${receiver}${method}`, 'g'))) call = match;
  if (!call) return null;
  const owner = call[1]!.replace(/\s+/g, '');
  if (owner !== '') return { value: `${owner}request.secure()` };
  const callOffset = atCall ? site.offset : site.offset - before.length + call.index!;
  const head = text.slice(0, callOffset);
  let last: RegExpMatchArray | null = null;
  for (const match of head.matchAll(/\(\s*\{([^{}()]*)\}\s*(?::[^={]*)?\)\s*(?::[^={]*)?(?:=>\s*)?\{/g))
    last = match;
  if (!last || !/(^|,)\s*response\s*(,|$)/.test(last[1]!) || !/(^|,)\s*request\s*(,|$)/.test(last[1]!))
    return null;
  if (!stillOpen(text.slice(last.index! + last[0].length, callOffset))) return null;
  return { value: 'request.secure()' };
}

/**
 * Astro's `context.cookies.set(…)` / `Astro.cookies.set(…)` and Qwik City's `requestEvent.cookie.set(…)`: the
 * same context carries the request's `url`. A destructured jar (`({ cookies }) =>`) names no context.
 */
function contextUrl(site: CookieSite, text: string, jar: string): RequestSecure | null {
  const call = new RegExp(`([A-Za-z_$][\\w$]*)\\s*\\.\\s*${jar}\\s*\\.\\s*(?:set|append)\\s*\\(`, 'g');
  const atCall = new RegExp(`^${call.source}`).exec(text.slice(site.offset));
  let receiver = atCall?.[1];
  if (!atCall) {
    // The site is the inline options object: the call is the last one opened shortly before it.
    const before = text.slice(Math.max(0, site.offset - 400), site.offset);
    let last: RegExpExecArray | null = null;
    for (const match of before.matchAll(call)) last = match as RegExpExecArray;
    if (!last || !stillOpenCall(before.slice(last.index + last[0].length))) return null;
    receiver = last[1];
  }
  if (!receiver) return null;
  const quote = quoteOf(text);
  return {
    value: `${receiver}.url.protocol === ${quote}https:${quote}`,
    caution: `\`${receiver}.url\` is the URL the server received: behind a TLS-terminating proxy it says \`http:\` unless the server or adapter rebuilds it from \`X-Forwarded-Proto\`, and the cookie then never gets Secure`,
  };
}

/** The call's parentheses opened before `args` are still open at its end (its options come next). */
function stillOpenCall(args: string): boolean {
  let depth = 1;
  for (const char of args.replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""')) {
    if (char === '(') depth++;
    else if (char === ')') depth--;
    if (depth === 0) return false;
  }
  return true;
}

/** Whether the braces opened before `body` are still open at its end (strings and comments skipped). */
function stillOpen(body: string): boolean {
  const stripped = body
    .replace(/\/\/[^\n]*|\/\*[^]*?\*\//g, '')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g, '""');
  let depth = 1;
  for (const char of stripped) {
    if (char === '{') depth++;
    else if (char === '}') depth--;
    if (depth === 0) return false;
  }
  return true;
}

interface PyDef {
  parameters: string[];
}

/** The function around `offset`: the nearest `def` above it, climbing out of blocks, never out of a class. */
function enclosingDef(text: string, offset: number): PyDef | null {
  let indent = indentationAt(text, offset).length;
  if (indent === 0) return null;
  let cursor = lineStartOf(text, offset);
  while (cursor > 0) {
    const lineStart = lineStartOf(text, cursor - 1);
    const line = text.slice(lineStart, cursor).replace(/\r?\n$/, '');
    cursor = lineStart;
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    if (lineIndent >= indent) continue;
    const def = /^\s*(?:async\s+)?def\s+\w+\s*\(/.exec(line);
    if (!def) {
      // An `if` / `with` / `try` inside the function: keep climbing. A class body has no request.
      if (/^\s*class\b/.test(line) || lineIndent === 0) return null;
      indent = lineIndent;
      continue;
    }
    const rest = text.slice(lineStart + def[0].length);
    const close = rest.indexOf(')');
    if (close < 0) return null;
    const parameters = rest
      .slice(0, close)
      .split(',')
      .map(
        (part) =>
          part
            .trim()
            .replace(/^\*+/, '')
            .split(/[\s:=]/)[0] ?? '',
      )
      .filter(Boolean);
    return { parameters };
  }
  return null;
}

function quoteOf(text: string): string {
  const single = (text.match(/'/g) ?? []).length;
  const double = (text.match(/"/g) ?? []).length;
  return double > single ? '"' : "'";
}

/** Bottle's thread-local `request`, imported from bottle in this module, inside a function. */
function bottle(site: CookieSite, text: string): RequestSecure | null {
  const local = importedName(text, BOTTLE_IMPORT, 'request');
  if (local === null) return null;
  const def = enclosingDef(text, site.offset);
  if (!def || def.parameters.includes(local)) return null;
  return {
    value: `${local}.urlparts.scheme == "https"`,
    caution:
      '`request.urlparts.scheme` takes `X-Forwarded-Proto` as sent, so it is only as reliable as the proxy that overwrites that header',
  };
}

/** The handler's request parameter, by one of its usual names (Falcon's `req`, Sanic's and Litestar's `request`). */
function requestParameter(
  site: CookieSite,
  text: string,
  names: readonly string[],
  build: (name: string) => RequestSecure,
): RequestSecure | null {
  const def = enclosingDef(text, site.offset);
  const name = def ? names.find((candidate) => def.parameters.includes(candidate)) : undefined;
  return name ? build(name) : null;
}
