// The project-wide evidence index: facts about the whole project that a single cookie site cannot show
// (who reads a cookie in the browser, how the project decides Secure, whether it serves plain HTTP…).
// Built once per scan from the texts the scan read; the policy only queries it. Pure data plus queries.

/** One observation, precise enough for a finding to cite it. */
export interface EvidenceFact {
  /** Relative path with forward slashes, as the scan lists it. */
  file: string;
  /** 1-based line of the code the fact is about. */
  line: number;
  /** A short sentence in plain words, e.g. "`getCookie('sessions')` reads this cookie in browser code". */
  fact: string;
}

/** yes: seen; no: a manifest or import list was read and it is not there; unknown: nothing to tell. */
export type Tri = 'yes' | 'no' | 'unknown';

/** How browser code reads a cookie. */
export type ReaderApi =
  | 'document.cookie'
  | 'js-cookie'
  | 'universal-cookie'
  | 'ngx-cookie-service'
  /** vue-cookies `$cookies.get('x')`. */
  | 'vue-cookies'
  /** jQuery cookie plugin `$.cookie('x')` (one argument reads). */
  | 'jquery-cookie'
  /** A project helper named like `getCookie` / `readCookie`. */
  | 'helper'
  /** axios `xsrfCookieName`: the library reads the cookie to copy it into a header. */
  | 'axios-xsrf'
  /** Angular `HttpClientXsrfModule.withOptions({ cookieName })`. */
  | 'angular-xsrf';

export interface BrowserReader extends EvidenceFact {
  /** The cookie name read, exactly as written in the literal. */
  name: string;
  via: ReaderApi;
  /** The reader sits in a template's inline script (`.html`, Jinja, `.vue`, `.svelte`…). */
  inTemplate: boolean;
}

/** Whether a switch is on when nothing configures it. */
export type SwitchDefault = 'on' | 'off' | 'unknown';

/**
 * A value the project already passes as Secure at its own cookie sites (`settings.COOKIES_SECURE`,
 * `config.secureCookies`, `SESSION_COOKIE_SECURE = env.bool(…)`).
 */
export interface TransportSwitch {
  /** The last name of the switch: `COOKIES_SECURE`, `secureCookies`. */
  name: string;
  /** The expression exactly as written at the first use, ready to be copied into a fix. */
  expression: string;
  language: 'javascript' | 'python';
  /** Cookie sites (or settings) that take Secure from it. */
  uses: EvidenceFact[];
  /** Where it is given its value, when found in the project. */
  definition: EvidenceFact | null;
  /**
   * The value the switch itself has when the environment / configuration says nothing. A use that negates
   * it (`secure=not DEBUG`, `secure: !process.env.DEV`) gives the cookie the opposite value.
   */
  default: SwitchDefault;
  /** Something that turns it on in production (a production settings module, a deploy file), or null. */
  forcedOn: EvidenceFact | null;
}

/** A setting that makes the server trust X-Forwarded-* from a proxy (or explicitly refuses to). */
export interface ProxyTrustFact extends EvidenceFact {
  /**
   * Framework id as rules name it: `express` (`trust proxy`), `express-session` (its `proxy` option), `koa`,
   * `fastify` (`trustProxy`), `werkzeug` (ProxyFix), `django`, `uvicorn`, `gunicorn`, `tornado` (`xheaders`).
   */
  framework: string;
  /** The setting as written: `app.set('trust proxy', 1)`, `ProxyFix`, `SECURE_PROXY_SSL_HEADER`. */
  setting: string;
  /** False for a setting written but turned off (`app.proxy = false`). */
  enabled: boolean;
}

/** Where a plain-HTTP fact applies. */
export type PlainHttpScope =
  /** The whole project (an HTTP-only server with no TLS option anywhere). */
  | { kind: 'project' }
  /** One package of a monorepo (see PackageScope). */
  | ({ kind: 'package' } & PackageScope)
  /** Sites in `file` (`SECURE_SSL_REDIRECT = False` in a settings module). */
  | { kind: 'file' }
  /** Sites whose offset falls in [start, end) of `file` (a comment a few lines around a site). */
  | { kind: 'near'; start: number; end: number }
  /** Sites that set the cookie `name` (its `*-unsecure` twin exists for HTTP deployments). */
  | { kind: 'cookie'; name: string };

export type PlainHttpKind =
  | 'ssl-redirect-off'
  | 'comment'
  | 'insecure-twin'
  | 'http-only-server'
  /** The project's own container setup puts a proxy in front that serves plain HTTP only. */
  | 'http-only-proxy'
  /** Django's CSRF_TRUSTED_ORIGINS lists only `http://` origins, one of them a real host. */
  | 'http-origins';

export interface PlainHttpFact extends EvidenceFact {
  kind: PlainHttpKind;
  scope: PlainHttpScope;
}

export type OptionalTlsKind =
  /** `enable_https = False`, `ssl: false`: a switch that defaults off. */
  | 'switch-default-off'
  /** `--cert` / `--certfile` / `--keyfile` command-line options. */
  | 'cli-option'
  /** `certfile` / `keyfile` settings read from configuration. */
  | 'setting'
  /** TLS set up only when configured (`ssl_options` / `https.createServer` behind a condition). */
  | 'conditional-server'
  /**
   * A Node app whose server binds plain HTTP, with no TLS anywhere in the project, that trusts a proxy: TLS,
   * where there is any, ends at that proxy, and the request tells which scheme it came over.
   */
  | 'no-tls-server'
  /** A tool people install and run themselves (a `bin`, a console script) with no TLS in its code. */
  | 'tool-without-tls';

export interface OptionalTlsFact extends EvidenceFact {
  kind: OptionalTlsKind;
  /**
   * The package the fact speaks for, when it comes from one manifest: files under `folder` ('' is the root),
   * except those in a nested package with a manifest of its own (a monorepo's web app beside a CLI).
   */
  within?: PackageScope;
}

/** Files under `folder` ('' is the root), except those in a nested package with a manifest of its own. */
export interface PackageScope {
  folder: string;
  except: string[];
}

export function inPackage(scope: PackageScope, file: string): boolean {
  const under = (folder: string) => folder === '' || file.startsWith(`${folder}/`);
  return under(scope.folder) && !scope.except.some(under);
}

/** A framework seen in a manifest or an import. */
export interface FrameworkFact extends EvidenceFact {
  /** Framework id as rules name it (`express`, `django`…). */
  framework: string;
  source: 'manifest' | 'import';
}

/** A setting under which a cookie does not exist, so its flags are moot. */
export interface MootFact extends EvidenceFact {
  /**
   * `django-csrf`: CSRF_USE_SESSIONS = True. `django-session` is never produced: every Django SESSION_ENGINE
   * (db, cache, file, signed_cookies) still sets the session cookie, so no engine makes its flags moot.
   */
  cookie: 'django-csrf' | 'django-session';
  setting: string;
}

/**
 * An application-wide cookie policy that raises a flag on every cookie the framework writes (ASP.NET Core's
 * `CookiePolicyOptions` with `app.UseCookiePolicy()`): a site's own missing or false value is then moot.
 */
export interface CookiePolicyFact extends EvidenceFact {
  /** Rule framework id whose cookies it covers. */
  framework: string;
  flag: 'httpOnly' | 'secure';
  /** always: every cookie; request: Secure on requests the app sees as HTTPS (as the framework's own default). */
  value: 'always' | 'request';
}

/** A setting that makes the framework mark every cookie of one app Secure (Rails' `config.force_ssl = true`). */
export interface ForcedSecureFact extends EvidenceFact {
  /** The rules' framework family it applies to (`rails`: every Ruby cookie site of the app). */
  framework: string;
  /** The app's folder ('' is the root): its cookie sites are the ones under it. */
  folder: string;
}

/** A folder the project's build script removes before building: its code is development-only. */
export interface DevOnlyFact extends EvidenceFact {
  /** The folder, relative to the scanned root, without a trailing slash. */
  folder: string;
}

/** Everything the index holds, as plain data (what `buildEvidence` produces and queries read). */
export interface EvidenceData {
  readers: BrowserReader[];
  switches: TransportSwitch[];
  proxyTrust: ProxyTrustFact[];
  /** Hints that the app runs behind a proxy (nginx / traefik in compose files, X-Forwarded-Proto mentions). */
  proxyHints: EvidenceFact[];
  plainHttp: PlainHttpFact[];
  optionalTls: OptionalTlsFact[];
  frameworks: FrameworkFact[];
  /** Whether a dependency manifest (package.json, requirements*.txt, pyproject.toml…) was read. */
  manifestsRead: { javascript: boolean; python: boolean };
  moot: MootFact[];
  /** Cookie policies in force (only those whose middleware the project's code puts in the pipeline). */
  cookiePolicy: CookiePolicyFact[];
  forcedSecure: ForcedSecureFact[];
  devOnly: DevOnlyFact[];
  /** Folders holding a package manifest ('' is the root): the packages of a monorepo. */
  packageFolders: string[];
  /**
   * Server settings, in any language, written with the framework's own request-following Secure (Symfony's
   * `cookie_secure: auto`): the project expects to be reached over plain HTTP as well as HTTPS.
   */
  requestFollowingSettings: EvidenceFact[];
}

/** The queries the policy calls; each is cheap (indexed at build time). */
export interface ProjectEvidence {
  readonly data: EvidenceData;
  /** Browser code that reads the cookie `name` (exact name; empty when none). */
  readersOf(name: string): BrowserReader[];
  /** Plain-HTTP facts that apply to a site at `offset` in `file`: project-wide, file-wide, near, by cookie name. */
  plainHttpNear(file: string, offset: number, cookieName?: string): PlainHttpFact[];
  /**
   * Transport switches the project uses for Secure, in the file's language and the file's own package (a
   * monorepo's API switch says nothing about its web app), those used in `file` first.
   */
  transportSwitchFor(file: string): TransportSwitch[];
  /** Proxy-trust settings for one framework id, or all of them when none is given. */
  proxyTrust(framework?: string): ProxyTrustFact[];
  /** Hints that the project is deployed behind a proxy. */
  proxyHints(): EvidenceFact[];
  /** TLS switches that default off (HTTPS optional). */
  optionalTls(): OptionalTlsFact[];
  /** Whether the project uses a framework (id as rules name it: `express`, `koa`, `django`, `tornado`…). */
  uses(framework: string): Tri;
  /** Settings under which the given cookie does not exist. */
  moot(cookie: MootFact['cookie']): MootFact[];
  /** Application-wide cookie policies that raise flags on every cookie of a framework (rule framework id). */
  cookiePolicy(framework: string): CookiePolicyFact[];
  /** Settings that make every cookie of the app holding `file` Secure, for the framework family given. */
  forcedSecure(framework: string, file: string): ForcedSecureFact[];
  /** Why `file` is left out of the project's production builds (empty when it is not). */
  devOnly(file: string): DevOnlyFact[];
}

export { emptyEvidence } from './query.js';
