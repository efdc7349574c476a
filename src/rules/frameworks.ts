// What the writeup knows about each framework a rule's `meta.framework` names: its defaults in words, how Secure
// behaves behind a proxy and over plain HTTP, and what to check after a change. The facts come from each
// library's source as summarised in shared/reference/frameworks.md; the sentences are rendered as Markdown,
// so code is quoted.
export interface FrameworkFacts {
  /** How the framework is named in tables and headings (Markdown). */
  name: string;
  /** One or two sentences on the defaults, for "What the framework does by default". */
  defaultBehaviour: string;
  /** How Secure interacts with a proxy that terminates TLS and forwards plain HTTP to the app. */
  behindProxy?: string;
  /** What a developer sees on a plain-HTTP dev server once Secure is on, where it differs from "the browser drops it". */
  overPlainHttp?: string;
  /** The cookie's name when the code does not set one (session middlewares). */
  defaultCookieName?: string;
  /** How to issue a fresh session after login in this framework. */
  sessionRegeneration?: string;
  /** A check specific to this framework, added to the checklist once when Secure changes. */
  verifyAfterSecure?: string;
  /** The option holding the secret that signs or encrypts its session cookie. */
  secretSetting?: string;
  /**
   * Where Secure stops the cookie on a request the framework sees as plain HTTP (behind a TLS-terminating
   * proxy it does not trust): the exact line that makes it trust the proxy, and what fails without it
   * (a clause that follows "behind a TLS-terminating proxy, …"). The PR body's first screen quotes both.
   */
  proxyTrust?: { line: string; breaks: string };
  /**
   * The framework reads no application-wide cookie options dict, so one in the code (reported at the dict)
   * matters only where calls splat it: what the report says about such a dict.
   */
  unreadOptionsDict?: {
    /** Nothing splats it. */
    unused: string;
    /** Some calls splat it (they are listed after this sentence). */
    splatted: string;
    /** The checklist item, followed by where the dict is splatted. */
    check: string;
  };
}

const PROXY_NODE_COOKIES =
  'it writes cookies through the `cookies` package, which throws `Cannot send secure cookie over unencrypted connection` when `secure: true` meets a request it believes is plain HTTP.';

/** Keyed by the `framework` of the rules' meta; the catalogue test checks both ways. */
export const FRAMEWORK_FACTS: Readonly<Record<string, FrameworkFacts>> = {
  express: {
    name: 'Express',
    defaultBehaviour:
      '`res.cookie(name, value, options)` fills in only `path: /`; HttpOnly and Secure appear only when the options ask for them.',
    behindProxy:
      "`res.cookie` writes the Secure attribute whatever the protocol of the request, so a proxy that terminates TLS does not change the header. Code that reads `req.secure` or `req.protocol` needs `app.set('trust proxy', 1)` (or the proxy's address) to see `X-Forwarded-Proto`.",
  },
  cookie: {
    name: '`cookie` package',
    defaultBehaviour:
      '`serialize` (and `stringifySetCookie` from 1.1 on) writes an attribute only when its option is truthy; nothing is on by default.',
    behindProxy:
      'It only builds the header string, so the attribute is written whatever the connection; the browser enforces it.',
  },
  'express-session': {
    name: 'express-session',
    defaultBehaviour:
      "The session cookie is HttpOnly unless `cookie.httpOnly` is `false`; Secure is off unless `cookie.secure` is `true` or `'auto'` (follow the request).",
    behindProxy:
      "With `cookie.secure: true`, express-session only sends the cookie on requests it believes are HTTPS. When TLS ends at a proxy, the app sees plain HTTP unless `app.set('trust proxy', 1)` (or the middleware's `proxy: true`) lets it trust `X-Forwarded-Proto`; without that the session cookie is silently never set and logins stop sticking, with no error logged.",
    overPlainHttp: 'express-session goes further and does not send the session cookie at all.',
    defaultCookieName: 'connect.sid',
    sessionRegeneration:
      'call `req.session.regenerate()` once the credentials check out, before storing the user id',
    verifyAfterSecure:
      "express-session: behind the production proxy, log in and reload: you stay logged in. If not, the app does not trust `X-Forwarded-Proto`; add `app.set('trust proxy', 1)`.",
    secretSetting: '`secret`',
    proxyTrust: {
      line: "app.set('trust proxy', 1)",
      breaks: 'the session cookie is never sent and logins stop sticking',
    },
  },
  'cookie-session': {
    name: 'cookie-session',
    defaultBehaviour:
      'The options are flat (no `cookie:` object). HttpOnly is on unless `httpOnly: false`; Secure follows the request (on for HTTPS, off for HTTP) unless set.',
    behindProxy: `cookie-session matters here: ${PROXY_NODE_COOKIES} When TLS ends at a proxy, set \`app.set('trust proxy', 1)\` before relying on \`secure: true\`, or every response that touches the session fails with a 500.`,
    overPlainHttp:
      'cookie-session fails harder: with `secure: true` it throws on every response that writes the session.',
    defaultCookieName: 'session',
    verifyAfterSecure:
      'cookie-session: after deploying, the logs show no `Cannot send secure cookie over unencrypted connection` errors.',
    secretSetting: '`keys`',
    proxyTrust: {
      line: "app.set('trust proxy', 1)",
      breaks: 'every response that writes the session fails with a 500',
    },
  },
  koa: {
    name: 'Koa',
    defaultBehaviour:
      '`ctx.cookies.set` makes cookies HttpOnly unless told otherwise and turns Secure on by itself for requests Koa sees as HTTPS.',
    behindProxy: `Koa matters here: ${PROXY_NODE_COOKIES} Koa believes \`X-Forwarded-Proto\` only when \`app.proxy = true\`; without it, a proxy that terminates TLS makes every such request fail with a 500, and the automatic mode leaves Secure off.`,
    overPlainHttp: 'Koa fails harder: every `ctx.cookies.set` that asks for `secure: true` throws.',
    verifyAfterSecure:
      'Koa: after deploying, the logs show no `Cannot send secure cookie over unencrypted connection` errors; if they do, set `app.proxy = true`.',
    secretSetting: '`app.keys`',
    proxyTrust: {
      line: 'app.proxy = true',
      breaks: 'every `ctx.cookies.set` asking for Secure fails with a 500',
    },
  },
  'koa-session': {
    name: 'koa-session',
    defaultBehaviour:
      'The options are flat; HttpOnly defaults to on, and a missing `secure` follows the request the way `ctx.cookies.set` does.',
    behindProxy: `koa-session matters here: ${PROXY_NODE_COOKIES} Set \`app.proxy = true\` when TLS ends at a proxy, or \`secure: true\` turns every session write into a 500.`,
    overPlainHttp:
      'koa-session fails harder: with `secure: true` it throws on every response that writes the session.',
    defaultCookieName: 'koa.sess',
    verifyAfterSecure:
      'koa-session: after deploying, the logs show no `Cannot send secure cookie over unencrypted connection` errors; if they do, set `app.proxy = true`.',
    secretSetting: '`app.keys`',
    proxyTrust: {
      line: 'app.proxy = true',
      breaks: 'every response that writes the session fails with a 500',
    },
  },
  'fastify-cookie': {
    name: '@fastify/cookie',
    defaultBehaviour:
      "`reply.setCookie` sets neither HttpOnly nor Secure unless the call, or the plugin registration's `parseOptions`, does; SameSite defaults to `lax`.",
    behindProxy:
      "A literal `secure: true` is written whatever the protocol. `secure: 'auto'` reads `request.protocol`, which reflects `X-Forwarded-Proto` only when Fastify is created with `trustProxy`.",
  },
  'fastify-session': {
    name: '@fastify/session',
    defaultBehaviour:
      'The session cookie is HttpOnly and Secure unless `cookie.httpOnly` / `cookie.secure` say otherwise, so only an explicit `false` weakens it.',
    behindProxy:
      'With Secure on, the session cookie is not set on connections @fastify/session considers insecure. When TLS ends at a proxy, create Fastify with `trustProxy` so `X-Forwarded-Proto` counts.',
    overPlainHttp: '@fastify/session goes further and does not send the session cookie at all.',
    defaultCookieName: 'sessionId',
    sessionRegeneration: 'call `request.session.regenerate()` after a successful login',
    secretSetting: '`secret`',
    proxyTrust: {
      line: 'Fastify({ trustProxy: true })',
      breaks: 'the session cookie is never sent and logins stop sticking',
    },
  },
  'fastify-secure-session': {
    name: '@fastify/secure-session',
    defaultBehaviour:
      'The encrypted session cookie is HttpOnly by default; Secure has no default, and SameSite `lax` comes from @fastify/cookie.',
    behindProxy:
      'The cookie is written through `reply.setCookie`, so a literal `secure: true` is sent whatever the protocol.',
    secretSetting: '`key`',
  },
  nextjs: {
    name: 'Next.js',
    defaultBehaviour:
      '`cookies().set(…)` and `NextResponse#cookies.set(…)` default only `path` to `/`; HttpOnly and Secure are off unless passed.',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  hono: {
    name: 'Hono',
    defaultBehaviour:
      "`setCookie` / `setSignedCookie` add only `path: /`; HttpOnly and Secure are off unless set (`prefix: 'secure'` or `'host'` forces Secure).",
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  'hono-sessions': {
    name: 'hono-sessions',
    defaultBehaviour:
      "`sessionMiddleware` hands `cookieOptions` unchanged to Hono's `setCookie`, which adds only `path: /`; HttpOnly and Secure are off unless set.",
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
    defaultCookieName: 'session',
    secretSetting: '`encryptionKey`',
  },
  'set-cookie-header': {
    name: 'Raw `Set-Cookie` header',
    defaultBehaviour:
      'A header written by hand carries exactly the attributes its text names: without `; HttpOnly` and `; Secure` the browser sets neither.',
    behindProxy: 'The header is sent as written, whatever the protocol of the request.',
  },
  h3: {
    name: 'h3',
    defaultBehaviour:
      '`setCookie(event, …)` adds only `path: /`, so HttpOnly and Secure are off unless set; `useSession` defaults its cookie to HttpOnly and Secure.',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
    defaultCookieName: 'h3',
    secretSetting: '`password` (`useSession`)',
  },
  hapi: {
    name: 'hapi',
    defaultBehaviour:
      "`server.state` / `h.state` default to `isHttpOnly: true`, `isSecure: true` and `isSameSite: 'Strict'`; only an explicit `false` weakens a cookie.",
    behindProxy: 'The attribute is written as configured, whatever the protocol of the request.',
  },
  remix: {
    name: 'Remix / React Router',
    defaultBehaviour:
      '`createCookie` and `createCookieSessionStorage` default `path` to `/` and `sameSite` to `lax`; HttpOnly and Secure are off unless set.',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
    defaultCookieName: '__session',
    secretSetting: '`secrets`',
  },
  sveltekit: {
    name: 'SvelteKit',
    defaultBehaviour:
      '`cookies.set` defaults to HttpOnly, SameSite `lax` and Secure, except on `http://localhost` where Secure is left off.',
  },
  authjs: {
    name: 'Auth.js',
    defaultBehaviour:
      "Auth.js makes its cookies HttpOnly with SameSite `lax`; Secure follows `useSecureCookies`, which defaults to whether the site's configured URL starts with `https:`.",
    behindProxy:
      'Secure depends on the URL Auth.js is told it is served from (`NEXTAUTH_URL` in v4), not on the connection: an `http://` URL there turns Secure off for every auth cookie.',
  },
  'iron-session': {
    name: 'iron-session',
    defaultBehaviour: '`cookieOptions` default to HttpOnly, Secure and SameSite `lax`.',
    secretSetting: '`password`',
  },
  'js-cookie': {
    name: 'js-cookie',
    defaultBehaviour:
      'Browser code: `Cookies.set` cannot make a cookie HttpOnly at all, and Secure is off unless `secure: true` is passed.',
  },
  'universal-cookie': {
    name: 'universal-cookie',
    defaultBehaviour: 'In the browser its `httpOnly` option is ignored; Secure is off unless set.',
  },
  'ngx-cookie-service': {
    name: 'ngx-cookie-service',
    defaultBehaviour:
      'Angular browser code: `CookieService.set` / `put` write through `document.cookie`, so they can never set HttpOnly; Secure is off unless `secure: true` is passed.',
  },
  'document-cookie': {
    name: '`document.cookie`',
    defaultBehaviour:
      'Script can add `; Secure` to the string it assigns but can never set HttpOnly; without `; Secure` the cookie also travels over plain HTTP.',
  },
  flask: {
    name: 'Flask',
    defaultBehaviour:
      '`SESSION_COOKIE_HTTPONLY` defaults to `True` and `SESSION_COOKIE_SECURE` to `False`. These keys govern only the session cookie, not `response.set_cookie` calls. Quart reads the same keys with the same defaults.',
    behindProxy:
      "Flask writes Secure whatever the protocol, so the header does not depend on the proxy; wrap the app in Werkzeug's `ProxyFix` so `request.scheme` and generated URLs say `https`.",
    defaultCookieName: 'session',
    sessionRegeneration: 'call `session.clear()` before storing the user in the session at login',
    secretSetting: '`SECRET_KEY`',
  },
  'flask-login': {
    name: 'Flask-Login',
    defaultBehaviour:
      'The remember-me cookie is HttpOnly by default from Flask-Login 0.6 (not in 0.5 and earlier); `REMEMBER_COOKIE_SECURE` defaults to `False`.',
    behindProxy: 'The attribute is written whatever the protocol of the request.',
    defaultCookieName: 'remember_token',
  },
  werkzeug: {
    name: 'Werkzeug / Flask / Quart `set_cookie`',
    defaultBehaviour: '`Response.set_cookie` defaults to `secure=False` and `httponly=False`.',
    behindProxy: 'The attribute is written whatever the protocol of the request.',
  },
  django: {
    name: 'Django',
    defaultBehaviour:
      '`SESSION_COOKIE_HTTPONLY` defaults to `True`; `SESSION_COOKIE_SECURE` and `CSRF_COOKIE_SECURE` default to `False`; `CSRF_COOKIE_HTTPONLY` is `False` on purpose so JavaScript can read the token. `HttpResponse.set_cookie` defaults to `secure=False, httponly=False`.',
    behindProxy:
      "Django writes Secure whatever the protocol. When TLS ends at a proxy, `SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')` makes `request.is_secure()` true (HTTPS redirects and CSRF origin checks rely on it); set it only if the proxy always overwrites that header.",
    defaultCookieName: 'sessionid',
    sessionRegeneration:
      '`django.contrib.auth.login()` already cycles the session key; custom login code should call `request.session.cycle_key()`',
    verifyAfterSecure:
      'Django: `python manage.py check --deploy` against the production settings no longer reports `security.W010`–`W012` (session cookie) or `security.W016` (CSRF cookie).',
    secretSetting: '`SECRET_KEY`',
  },
  starlette: {
    name: 'Starlette / FastAPI',
    defaultBehaviour:
      '`Response.set_cookie` defaults to `secure=False, httponly=False, samesite="lax"`. `SessionMiddleware` always sends HttpOnly and adds Secure only with `https_only=True`.',
    behindProxy:
      'The attribute is written whatever the protocol. When TLS ends at a proxy, run uvicorn with `--proxy-headers` and `--forwarded-allow-ips` so `request.url.scheme` is `https`.',
    defaultCookieName: 'session',
    secretSetting: '`secret_key` (`SessionMiddleware`)',
  },
  aiohttp: {
    name: 'aiohttp',
    defaultBehaviour: '`StreamResponse.set_cookie` adds `secure` and `httponly` only when they are passed.',
    behindProxy: 'The attribute is written whatever the protocol of the request.',
  },
  'aiohttp-session': {
    name: 'aiohttp-session',
    defaultBehaviour: 'The storages default to `httponly=True`; `secure` has no default, so it is off.',
    behindProxy: 'The attribute is written whatever the protocol of the request.',
    defaultCookieName: 'AIOHTTP_SESSION',
  },
  tornado: {
    name: 'Tornado',
    defaultBehaviour:
      '`set_cookie`, `set_signed_cookie` and its older name `set_secure_cookie` default to `httponly=False, secure=False`. Tornado reads no application setting for these flags: a `cookie_settings` dict does nothing unless the project\'s own code splats it into those calls, and `xsrf_cookie_kwargs` reaches only the `_xsrf` cookie. In Tornado a "secure cookie" is a *signed* one; `set_secure_cookie` sets no Secure attribute.',
    behindProxy:
      'Tornado writes Secure whatever the protocol, so a proxy that terminates TLS does not remove it; start the `HTTPServer` with `xheaders=True` so `request.protocol` reflects `X-Forwarded-Proto` for code that checks it.',
    sessionRegeneration:
      'issue a new signed value at login and pass a short `max_age_days` to `get_signed_cookie`',
    secretSetting: '`cookie_secret`',
    unreadOptionsDict: {
      unused:
        'Tornado reads no `cookie_settings` (or any similar) application setting, and cookie-hardener found no call that splats this dict into `set_cookie` / `set_signed_cookie`. On its own it changes no cookie: the flags have to reach those calls.',
      splatted:
        'Tornado reads no `cookie_settings` application setting; this dict takes effect only through the calls that splat it (listed below). A cookie set by any other call does not get these flags.',
      check:
        'Tornado has no `cookie_settings` application setting, so this dict matters only where code splats it (`**`) into `set_cookie` / `set_signed_cookie`: every call that sets a login or session cookie does',
    },
  },
  adonisjs: {
    name: 'AdonisJS',
    defaultBehaviour:
      '`response.cookie`, `encryptedCookie` and `plainCookie` lay their options over `http.cookie` from `config/app.ts`. In v6, `defineConfig` makes that HttpOnly, Secure and SameSite `lax`, but only while `cookie` is left out: a `cookie` object replaces those defaults whole, so a key missing from it is off. v5 has no defaults: only what `http.cookie` says.',
    behindProxy:
      'AdonisJS writes the attributes as configured, whatever the protocol of the request. Code that reads `request.secure()` needs `trustProxy` in `config/app.ts` to see `X-Forwarded-Proto`.',
    secretSetting: '`appKey` (`APP_KEY`)',
  },
  'adonisjs-session': {
    name: '@adonisjs/session',
    defaultBehaviour:
      "The session id is written with `response.cookie`, so a key the session config's `cookie` object leaves out comes from the app's `http.cookie` defaults; the generated config sets `secure: app.inProduction`.",
    behindProxy: 'The attribute is written as configured, whatever the protocol of the request.',
    defaultCookieName: 'adonis_session',
    sessionRegeneration: 'call `session.regenerate()` after a successful login',
    secretSetting: '`appKey` (`APP_KEY`)',
  },
  sails: {
    name: 'Sails',
    defaultBehaviour:
      "`sails.config.session` goes to express-session: the session cookie is HttpOnly unless `cookie.httpOnly` is `false`; Secure is off unless `cookie.secure` is `true`. Sails refuses any value but a boolean there (no `'auto'`), and the generated `config/env/production.js` leaves `secure: true` commented out.",
    behindProxy:
      'With `cookie.secure: true`, express-session only sends the cookie on requests it believes are HTTPS: when TLS ends at a proxy, set `trustProxy: true` under `http` in `config/env/production.js`, or logins stop sticking without an error.',
    overPlainHttp: 'express-session goes further and does not send the session cookie at all.',
    defaultCookieName: 'sails.sid',
    sessionRegeneration:
      'call `req.session.regenerate()` once the credentials check out, before storing the user id',
    verifyAfterSecure:
      'Sails: behind the production proxy, log in and reload: you stay logged in. If not, set `http: { trustProxy: true }` in `config/env/production.js`.',
    secretSetting: '`session.secret`',
    proxyTrust: {
      line: 'http: { trustProxy: true }',
      breaks: 'the session cookie is never sent and logins stop sticking',
    },
  },
  bottle: {
    name: 'Bottle',
    defaultBehaviour:
      '`response.set_cookie(name, value, secret=None, **options)` writes `secure` and `httponly` only when they are passed and truthy, so both are off by default; its third positional argument is the signing secret, not an options dict. Bottle has no session layer of its own.',
    behindProxy:
      'The attribute is written whatever the protocol of the request. `request.urlparts.scheme` takes `X-Forwarded-Proto` from any client that sends it, so it is only as trustworthy as the proxy that overwrites that header.',
  },
  'net-http': {
    name: 'Go `net/http`',
    defaultBehaviour:
      "`http.Cookie` has plain `bool` fields: a struct literal that leaves out `HttpOnly` or `Secure` sends the cookie without it, and a zero `SameSite` writes no SameSite attribute. echo's `c.SetCookie` and gin's `c.SetCookieData` send the same struct.",
    behindProxy:
      '`http.SetCookie` writes Secure whatever the connection; code that decides from `r.TLS` sees `nil` behind a proxy that terminates TLS, so such a check needs `X-Forwarded-Proto` from a trusted proxy.',
  },
  gin: {
    name: 'gin',
    defaultBehaviour:
      '`c.SetCookie(name, value, maxAge, path, domain, secure, httpOnly)` takes both flags as required positional booleans, so the call says exactly what is sent; SameSite comes only from an earlier `c.SetSameSite(…)` in the same request.',
    behindProxy:
      'gin writes Secure whatever the connection; `c.Request.TLS` is `nil` behind a proxy that terminates TLS.',
  },
  fiber: {
    name: 'Fiber',
    defaultBehaviour:
      "`fiber.Cookie` spells its flag `HTTPOnly`; it and `Secure` are plain bools, off when left out, and an empty `SameSite` becomes `Lax`. The session middleware's `CookieHTTPOnly` and `CookieSecure` are off unless set; its `CookieSameSite` defaults to `Lax`.",
    behindProxy:
      'Fiber writes Secure whatever the connection; `c.Protocol()` says `https` behind a proxy only with `EnableTrustedProxyCheck` and the proxy listed in `TrustedProxies`.',
  },
  'gorilla-sessions': {
    name: 'gorilla/sessions',
    defaultBehaviour:
      '`NewCookieStore` starts with `Secure: true` and `SameSite: None` (since v1.3.0) and HttpOnly off; assigning a `sessions.Options{…}` literal replaces all of that, so every field it leaves out is off.',
    behindProxy:
      'The flags are written whatever the connection; the library never looks at the request scheme.',
  },
  php: {
    name: 'PHP `setcookie()`',
    defaultBehaviour:
      "`setcookie(name, value, expires, path, domain, secure, httponly)` (and `setrawcookie`) leaves both flags off unless the sixth and seventh arguments, or the `secure` / `httponly` keys of an options array passed third (PHP 7.3+), turn them on; SameSite exists only as that array's `samesite` key.",
    behindProxy:
      "PHP writes Secure whatever the connection and never checks the scheme; behind a proxy that terminates TLS, `$_SERVER['HTTPS']` is empty unless the web server maps `X-Forwarded-Proto` onto it.",
  },
  'php-session': {
    name: 'PHP sessions',
    defaultBehaviour:
      "The session cookie takes its flags from `session.cookie_secure` and `session.cookie_httponly`, both `0` in PHP's built-in defaults (and left empty or commented out in the shipped php.ini files); `session_set_cookie_params()` and `ini_set()` override them for the request, and an argument or key they leave out keeps the ini value.",
    behindProxy:
      'PHP sends the session cookie with Secure whatever the connection; nothing in PHP makes it follow the request scheme.',
    defaultCookieName: 'PHPSESSID',
    sessionRegeneration: 'call `session_regenerate_id(true)` right after a successful login',
  },
  laravel: {
    name: 'Laravel',
    defaultBehaviour:
      "`config/session.php` decides the session cookie: `http_only` is on unless set to false, `secure` left out or `null` (the shipped `env('SESSION_SECURE_COOKIE')` with the variable unset) makes Secure follow the request, and the shipped `same_site` is `lax` (a missing key sends no SameSite).",
    behindProxy:
      'With `secure` null, the cookie is Secure only on requests Laravel sees as HTTPS: behind a TLS-terminating proxy that needs the `TrustProxies` middleware to trust `X-Forwarded-Proto`; setting `SESSION_SECURE_COOKIE=true` in production does not depend on it.',
    defaultCookieName: 'laravel_session',
    sessionRegeneration: 'call `$request->session()->regenerate()` after a successful login',
  },
  symfony: {
    name: 'Symfony',
    defaultBehaviour:
      "FrameworkBundle's `session` settings default to `cookie_secure: auto` (Secure on every request Symfony sees as HTTPS), `cookie_httponly: true` and `cookie_samesite: lax`; only a value written as `false` turns a flag off.",
    behindProxy:
      'With `auto`, Secure depends on `Request::isSecure()`, which behind a TLS-terminating proxy is false unless the proxy is listed in `framework.trusted_proxies` (with `trusted_headers` including `x-forwarded-proto`).',
    defaultCookieName: 'PHPSESSID',
    sessionRegeneration:
      "call `$session->migrate(true)` after a successful login (Symfony's security component does it by default)",
  },
  'servlet-container': {
    name: 'Servlet container session cookie',
    defaultBehaviour:
      "`<cookie-config>` in web.xml configures the container's own session cookie (`JSESSIONID`). The Servlet schema reads `<secure>false</secure>` as Secure whenever the request that created the session was secure; a missing `<http-only>` leaves the container's default, which Tomcat sets to HttpOnly.",
    behindProxy:
      'The container decides "the request was secure" from `request.isSecure()`, which behind a TLS-terminating proxy is false unless the container trusts it (Tomcat\'s `RemoteIpValve`, or a connector with `secure="true"`).',
    defaultCookieName: 'JSESSIONID',
  },
  rails: {
    name: 'Rails',
    defaultBehaviour:
      '`cookies[:name] = { value: …, httponly: …, secure: … }` (also through `cookies.signed`, `.encrypted` and `.permanent`) leaves HttpOnly and Secure off unless the options turn them on; a plain `cookies[:name] = value` has no options at all. SameSite is `Lax` when the app loads the defaults of Rails 6.1 or later (`cookies_same_site_protection`), and not sent otherwise.',
    behindProxy:
      'Rails does not write a `secure: true` cookie at all on a request it sees as plain HTTP (unless `always_write_cookie` is set or the host ends in `.onion`), so behind a proxy that terminates TLS the app must know the request was HTTPS: `config.assume_ssl = true`, or `config.force_ssl = true`, which also marks every cookie Secure.',
    overPlainHttp:
      'Rails silently skips a `secure: true` cookie on plain-HTTP requests, so on a local `http://` server the cookie is simply never set.',
    verifyAfterSecure:
      'Rails: behind the production proxy, sign in (or do what sets the cookie) and reload: the cookie is still there. If not, Rails does not see the requests as HTTPS (the proxy sends no `X-Forwarded-Proto: https`): have the proxy send it, or set `config.assume_ssl = true` (Rails 7.1+).',
  },
  'rails-session': {
    name: 'Rails session store',
    defaultBehaviour:
      '`config.session_store :cookie_store, key: …` hands its options to rack-session: HttpOnly is on and Secure off unless `httponly:` / `secure:` say otherwise, and SameSite follows `cookies_same_site_protection` (`Lax` with the defaults of Rails 6.1 or later). `config.force_ssl = true` turns Secure on for the session cookie and for every other cookie the app sends.',
    behindProxy:
      'A Secure session cookie is not written on a request Rails sees as plain HTTP; behind a proxy that terminates TLS, `config.assume_ssl = true` (or `force_ssl` with the proxy sending `X-Forwarded-Proto`) makes Rails see HTTPS.',
    overPlainHttp:
      'With Secure on, Rails sends no session cookie on a plain-HTTP request, so logins on a local `http://` server stop sticking.',
    verifyAfterSecure:
      'Rails: behind the production proxy, sign in and reload: you stay signed in. If not, Rails does not see the requests as HTTPS (the proxy sends no `X-Forwarded-Proto: https`): have the proxy send it, or set `config.assume_ssl = true` (Rails 7.1+).',
    sessionRegeneration: 'call `reset_session` right after a successful login',
    secretSetting: '`secret_key_base`',
  },
  sinatra: {
    name: 'Sinatra',
    defaultBehaviour:
      "`enable :sessions` (or `set :sessions, {…}`) puts `Rack::Session::Cookie` in front of the app with the options given, so rack-session's defaults hold for the rest: HttpOnly on, Secure off, no SameSite.",
    behindProxy:
      'rack-session writes Secure whatever the connection; `request.ssl?` reads `X-Forwarded-Proto` / `X-Forwarded-Ssl` from any client, so code that makes Secure follow it should only run behind a proxy that sets those headers.',
    defaultCookieName: 'rack.session',
    sessionRegeneration: 'set `env["rack.session.options"][:renew] = true` right after a successful login',
    secretSetting: '`session_secret`',
  },
  'rack-session': {
    name: 'rack-session',
    defaultBehaviour:
      '`use Rack::Session::Cookie, …` (and `Rack::Session::Pool`) merges its options into `path: "/"`, `httponly: true`, `secure: false`, with no SameSite.',
    behindProxy:
      'Secure is written whatever the connection: the middleware never looks at the request scheme for it.',
    defaultCookieName: 'rack.session',
    sessionRegeneration: 'set `env["rack.session.options"][:renew] = true` right after a successful login',
    secretSetting: '`secret`',
  },
  rack: {
    name: 'Rack',
    defaultBehaviour:
      '`response.set_cookie(name, {…})` and `Rack::Utils.set_cookie_header` write `secure` and `HttpOnly` only when the hash has `secure:` / `httponly:` (or `http_only:`) set; a plain string value sends neither. A lower-case SameSite string (`same_site: "lax"`) raises: use `:lax`.',
    behindProxy:
      'The flags are written whatever the connection; Rack never looks at the request scheme for them.',
  },
  servlet: {
    name: 'Java Servlet API',
    defaultBehaviour:
      'A `Cookie` built with `new Cookie(name, value)` (javax or jakarta `servlet.http`) has HttpOnly and Secure off until `setHttpOnly(true)` / `setSecure(true)` is called, and no SameSite; javax has no SameSite API, Servlet 6 sets it with `setAttribute("SameSite", …)`. The container\'s own session cookie (`JSESSIONID`) is configured separately.',
    behindProxy:
      '`setSecure(true)` is written whatever the connection; code that passes `request.isSecure()` sees `false` behind a proxy that terminates TLS unless the container trusts it (Tomcat\'s `RemoteIpValve`, or a connector set to `secure="true"`).',
  },
  spring: {
    name: 'Spring Framework',
    defaultBehaviour:
      "`ResponseCookie.from(name, value)` starts a builder whose `httpOnly` and `secure` are false and whose `sameSite` is unset until `.httpOnly(true)`, `.secure(true)` or `.sameSite(…)` is called; the built cookie writes each attribute only when it is set. WebFlux's own `SESSION` cookie is built separately (HttpOnly, Secure on HTTPS requests, SameSite=Lax).",
    behindProxy:
      "`.secure(true)` is written whatever the connection; code that decides it from the request scheme sees `http` behind a proxy that terminates TLS unless forwarded headers are honoured (`ForwardedHeaderFilter`, or Spring Boot's `server.forward-headers-strategy`).",
  },
  'spring-boot': {
    name: 'Spring Boot',
    defaultBehaviour:
      "`server.servlet.session.cookie.http-only` and `.secure` are unset by default, and an unset property is not applied: the servlet container's own session-cookie defaults stand. On Tomcat that is HttpOnly on (`useHttpOnly`) and Secure on every request the container sees as HTTPS; Tomcat ORs both settings with its own, so `false` does not turn HttpOnly off unless `useHttpOnly` is off too.",
    behindProxy:
      'Tomcat decides the automatic Secure from `request.isSecure()`, which is false behind a proxy that terminates TLS unless the forwarded headers are trusted (`server.forward-headers-strategy=native`, or the `RemoteIpValve`); `server.servlet.session.cookie.secure=true` sets it whatever the request.',
    defaultCookieName: 'JSESSIONID',
  },
  aspnetcore: {
    name: 'ASP.NET Core',
    defaultBehaviour:
      "`Response.Cookies.Append(name, value)` and a `new CookieOptions()` send neither HttpOnly nor Secure (both are plain bools, false until set). The services' cookie builders differ: the authentication cookie (`AddCookie`, Identity's application cookie) is HttpOnly with `SecurePolicy = SameAsRequest` (Secure on requests the app sees as HTTPS); the session and antiforgery cookies are HttpOnly but `SecurePolicy = None`, never Secure unless set to `Always` or `SameAsRequest`. `CookiePolicyOptions` with `app.UseCookiePolicy()` can raise every cookie written after it to HttpOnly or Secure.",
    behindProxy:
      '`Secure = true` and `CookieSecurePolicy.Always` are written whatever the connection. `Request.IsHttps` and `SameAsRequest` are false behind a proxy that terminates TLS unless the forwarded headers middleware applies `X-Forwarded-Proto` (`app.UseForwardedHeaders()` with `ForwardedHeaders.XForwardedProto`).',
    sessionRegeneration:
      'after a successful sign-in, clear the old session (`HttpContext.Session.Clear()`) and let `SignInAsync` issue a new authentication cookie',
  },
  falcon: {
    name: 'Falcon',
    defaultBehaviour:
      '`resp.set_cookie` defaults to `http_only=True`, and a `secure` left out (or `None`) follows `app.resp_options.secure_cookies_by_default`, which is `True`; only an explicit `False` (or that option set to `False`) turns a flag off. SameSite is not set unless `same_site` is passed.',
    behindProxy:
      'Falcon writes Secure whatever the protocol of the request; `req.scheme` reports `https` behind a proxy only through `req.forwarded_scheme`.',
  },
  sanic: {
    name: 'Sanic',
    defaultBehaviour:
      '`response.add_cookie` (Sanic 23.3 and later) defaults to `secure=True`, `samesite="Lax"` and `httponly=False`; all its options are keyword-only. The older `response.cookies[name] = value` style sets no flag at all, was deprecated in 23.3 and no longer works from 24.12.',
    behindProxy:
      'The attribute is written whatever the protocol. `request.scheme` says `https` behind a proxy only when `SERVER_NAME` is a full `https://` URL or the forwarded headers are trusted (`FORWARDED_SECRET`, `PROXIES_COUNT` or `REAL_IP_HEADER`).',
  },
  litestar: {
    name: 'Litestar',
    defaultBehaviour:
      '`Cookie(...)` and `Response.set_cookie(...)` default to `samesite="lax"`; `secure` and `httponly` are not written unless set. The session middleware configs default to `httponly=True, secure=False`, and `CSRFConfig` leaves its cookie readable by script on purpose.',
    behindProxy:
      'The attribute is written whatever the protocol. `request.url.scheme` says `https` behind a proxy only when the ASGI server trusts the forwarded headers (uvicorn `--proxy-headers`).',
  },
  oak: {
    name: 'Oak',
    defaultBehaviour:
      '`ctx.cookies.set` makes cookies HttpOnly unless `httpOnly: false` and, when `secure` is left out, adds Secure on requests Oak sees as HTTPS; SameSite is off unless set.',
    behindProxy:
      'Oak decides whether a request is secure from how the server was started (`app.listen({ secure: true, … })`), never from `X-Forwarded-Proto`: behind a proxy that terminates TLS the automatic mode leaves Secure off, and an explicit `secure: true` throws `Cannot send secure cookie over unencrypted connection` on every request unless `ignoreInsecure: true` is passed with it.',
    overPlainHttp:
      'Oak fails harder: `ctx.cookies.set` with `secure: true` throws unless the call also passes `ignoreInsecure: true`.',
    verifyAfterSecure:
      'Oak: after deploying, the logs show no `Cannot send secure cookie over unencrypted connection` errors; behind a TLS proxy, pass `ignoreInsecure: true` alongside `secure: true`.',
  },
  astro: {
    name: 'Astro',
    defaultBehaviour:
      '`cookies.set` passes its options to the `cookie` package unchanged: HttpOnly, Secure and SameSite are off unless set, and there is no default `path` either, so a cookie set from `/account/login` is scoped to `/account`.',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  'qwik-city': {
    name: 'Qwik City',
    defaultBehaviour:
      '`cookie.set` / `cookie.append` write HttpOnly, Secure, SameSite and Path only when the options give them: nothing is on by default and there is no default `path`. Note that `sameSite: false` means `SameSite=None` here, not "leave it out".',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  elysia: {
    name: 'Elysia',
    defaultBehaviour:
      "Cookies take the app's `new Elysia({ cookie: { … } })` config, on top of which Elysia only defaults `path` to `/`: HttpOnly and Secure are off unless that config or the cookie (`cookie.name.set({ … })`, `cookie.name.httpOnly = true`) turns them on. `set` starts again from the app config; `update` merges into the cookie as it is.",
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  'deno-std': {
    name: 'Deno `@std/http`',
    defaultBehaviour:
      '`setCookie(headers, cookie)` writes `HttpOnly` and `Secure` only when the cookie object sets them (a `__Secure-` or `__Host-` name adds Secure by itself); SameSite is left out unless given.',
    behindProxy: 'The attribute is written as given, whatever the protocol of the request.',
  },
  cherrypy: {
    name: 'CherryPy',
    defaultBehaviour:
      "`cherrypy.response.cookie` is a standard-library `SimpleCookie`: a cookie gets HttpOnly, Secure or SameSite only from its own morsel lines (`cookie[name]['httponly'] = True`). The session tool's `tools.sessions.httponly` and `tools.sessions.secure` default to `False`, and the tool has no SameSite setting. In an INI-style `.conf` file the values are Python literals: `True`, not `true`.",
    behindProxy:
      "CherryPy writes the attributes whatever the protocol of the request. Behind a TLS-terminating proxy `cherrypy.request.scheme` stays `http`; `'tools.proxy.on': True` rewrites `cherrypy.request.base` (not `scheme`) from `X-Forwarded-Proto`, so code that follows the request reads `base`.",
    defaultCookieName: 'session_id',
    sessionRegeneration: 'call `cherrypy.session.regenerate()` once the credentials check out',
  },
  'http-cookies': {
    name: 'Python `http.cookies`',
    defaultBehaviour:
      "A `SimpleCookie` morsel writes `HttpOnly` and `Secure` only when `jar[name]['httponly']` / `['secure']` is set to a true value, and `SameSite` only when `['samesite']` is set (Python 3.8 and later).",
    behindProxy: 'The header is built as written, whatever the protocol of the request.',
  },
  twisted: {
    name: 'Twisted web',
    defaultBehaviour:
      '`request.addCookie(k, v, …)` defaults to `secure=None` and `httpOnly=False` and writes each flag only when it is true; `sameSite` accepts only `"lax"` or `"strict"` (anything else, `"none"` included, raises `ValueError`). The built-in session cookie (`TWISTED_SESSION`) is never HttpOnly.',
    behindProxy:
      "Twisted writes the attributes whatever the protocol. `request.isSecure()` is true only when Twisted's own listener speaks TLS (or `request.setHost(…, ssl=True)` was called), so behind a TLS-terminating proxy it is false.",
  },
  pyramid: {
    name: 'Pyramid / WebOb',
    defaultBehaviour:
      "WebOb's `Response.set_cookie` defaults to `secure=False, httponly=False` and no SameSite. `SignedCookieSessionFactory` defaults to `secure=False, httponly=False, samesite='Lax'`, and `AuthTktAuthenticationPolicy` / `AuthTktCookieHelper` to `secure=False, http_only=False, samesite='Lax'`. WebOb's `CookieProfile` / `SignedCookieProfile`, which apps use for their own auth cookies, default to `secure=False` and no HttpOnly or SameSite. Pyramid reads none of these from `.ini` settings: the app passes them in code. pyramid_beaker, when the app includes it, reads `session.secure` and `session.httponly` (or `beaker.session.*`) from the app's `.ini` section, both false by default; pyramid_redis_sessions reads `redis.sessions.cookie_secure` (false by default) and `redis.sessions.cookie_httponly` (true by default).",
    behindProxy:
      "WebOb writes the attributes whatever the protocol. `request.scheme` comes from the WSGI environ, so behind a TLS-terminating proxy it says `https` only when the WSGI server or a middleware applies the proxy's `X-Forwarded-Proto`.",
    defaultCookieName: 'session',
    sessionRegeneration:
      'call `request.session.invalidate()` before storing the user in a new session at login',
    secretSetting: '`secret` (`SignedCookieSessionFactory`, `AuthTktAuthenticationPolicy`)',
  },
};
