// What the project says about one cookie site, gathered from the evidence index before the policy decides.
// Pure: the index, the site and the file texts in, plain facts out. The policy never looks at the index
// itself, so its tests can hand it exactly the facts a case needs.
import {
  inPackage,
  type EvidenceFact,
  type ProjectEvidence,
  type TransportSwitch,
} from '../evidence/types.js';
import { isIniFile } from '../languages/ini.js';
import { lineColumn, lineStarts } from '../languages/text.js';
import type { CookieSite, Evidence, Flag } from '../model.js';
import type { RuleMeta } from '../rules/rule.js';
import { followRequest } from './request-secure.js';

export interface SiteFacts {
  /** Browser code that reads one of the site's cookies: HttpOnly would break it. */
  readers: Evidence[];
  /** Positive evidence that the cookie is a server-side session (its middleware, a signed value). */
  serverSession: Evidence | null;
  /** The project shows it serves plain HTTP where this cookie is set. */
  plainHttp: Evidence[];
  /** Every plain-HTTP fact is the project's own HTTP-only proxy (so proxy trust is not what is missing). */
  plainHttpProxy: boolean;
  /** The switch the project's other cookies take Secure from, when there is one. */
  transportSwitch: TransportSwitchFacts | null;
  /** HTTPS is optional in this project (a TLS switch that defaults off). */
  optionalTls: Evidence[];
  /**
   * The project's own cookies take Secure from the request's scheme (`secure=request.scheme == "https"`):
   * its authors expect it to be reached over plain HTTP somewhere, and its convention is to follow the request.
   */
  schemeFollowing: Evidence[];
  /** The app sets up no TLS itself and trusts a proxy (Express): the request knows its scheme exactly. */
  tlsAtTrustedProxy: Evidence[];
  /** The expression that makes Secure follow the request here, or null when the request cannot be named. */
  requestSecure: RequestSecure | null;
  /** The rule's framework is demonstrably not used by the project: nothing reads this site. */
  frameworkAbsent: string | null;
  /** `__Secure-` / `__Host-`: browsers already drop such a cookie without Secure. */
  securePrefix: string | null;
  /** A session cookie behind what looks like a proxy, with no proxy trust: what to add. */
  missingProxyTrust: ProxyAdvice | null;
  /** The framework's proxy setting when the project does not set it (hints or not): the usual cure for Secure trouble. */
  untrustedProxy: ProxyAdvice | null;
  /** The project's build leaves this file out of production (a mock API): it is development code. */
  devOnly: Evidence | null;
  /**
   * An application-wide cookie policy that raises the flag on this cookie whatever the site says (ASP.NET
   * Core's `CookiePolicyOptions`): the site's own value is then no finding.
   */
  cookiePolicy: Partial<Record<Flag, Evidence>>;
  /** A setting that makes the framework mark every cookie of this app Secure (Rails' `config.force_ssl`). */
  forcedSecure: Evidence[];
}

export interface TransportSwitchFacts {
  name: string;
  /** The expression to write, or null when it cannot be named in this file. */
  expression: string | null;
  /** Off unless configured, and nothing turns it on in production. */
  offByDefault: boolean;
  /** Known to be on in production: on by default, or forced on by a production setting. */
  onInProduction: boolean;
  evidence: Evidence[];
}

export interface RequestSecure {
  /** Code for the flag's value (`self.request.protocol == "https"`, `req.secure`, `'auto'`). */
  value: string;
  /** A caution that comes with it (Express's `req.secure` needs the proxy trusted). */
  caution?: string;
}

export interface ProxyAdvice {
  /** The setting's name as people search for it. */
  setting: string;
  /** The exact line to add. */
  line: string;
  hints: Evidence[];
}

/** Where each framework's proxy trust lives, keyed by rule framework id. */
interface ProxySetting {
  ids: string[];
  setting: string;
  line: string;
}

const PROXY_SETTING: Record<string, ProxySetting> = {
  express: { ids: ['express'], setting: 'trust proxy', line: "app.set('trust proxy', 1)" },
  'express-session': {
    ids: ['express', 'express-session'],
    setting: 'trust proxy',
    line: "app.set('trust proxy', 1)",
  },
  'cookie-session': { ids: ['express'], setting: 'trust proxy', line: "app.set('trust proxy', 1)" },
  koa: { ids: ['koa'], setting: 'app.proxy', line: 'app.proxy = true' },
  'koa-session': { ids: ['koa'], setting: 'app.proxy', line: 'app.proxy = true' },
  flask: {
    ids: ['werkzeug', 'flask'],
    setting: 'ProxyFix',
    line: 'app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)',
  },
  'flask-login': {
    ids: ['werkzeug', 'flask'],
    setting: 'ProxyFix',
    line: 'app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)',
  },
  werkzeug: {
    ids: ['werkzeug', 'flask'],
    setting: 'ProxyFix',
    line: 'app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)',
  },
  django: {
    ids: ['django'],
    setting: 'SECURE_PROXY_SSL_HEADER',
    line: 'SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")',
  },
  sails: {
    ids: ['sails'],
    setting: 'in config/env/production.js',
    line: 'http: { trustProxy: true }',
  },
};

/** A call that signs or encodes a value: a JWT or a signed session, which only the server needs to read. */
const SIGNER_CALL =
  /^(?:await\s+)?(?:[\w$.]+\.)?(?:sign|signSync|encode|create_access_token|create_refresh_token|dumps|sign_token|create_token|generate_token|issue_token)\s*\(/;

/** A cookie value made by a signer or token encoder (the server's own evidence of a session). */
export function isSignedValue(text: string | undefined): boolean {
  return text !== undefined && SIGNER_CALL.test(text.trim());
}

export function evidenceOf(fact: EvidenceFact): Evidence {
  return { file: fact.file, line: fact.line, fact: fact.fact };
}

export function noFacts(): SiteFacts {
  return {
    readers: [],
    serverSession: null,
    plainHttp: [],
    plainHttpProxy: false,
    transportSwitch: null,
    optionalTls: [],
    schemeFollowing: [],
    tlsAtTrustedProxy: [],
    requestSecure: null,
    frameworkAbsent: null,
    securePrefix: null,
    missingProxyTrust: null,
    untrustedProxy: null,
    devOnly: null,
    cookiePolicy: {},
    forcedSecure: [],
  };
}

export function gatherFacts(
  site: CookieSite,
  meta: RuleMeta,
  evidence: ProjectEvidence | undefined,
  texts: ReadonlyMap<string, string>,
): SiteFacts {
  const facts = noFacts();
  facts.securePrefix = site.cookieNames.map(securePrefixOf).find((prefix) => prefix !== null) ?? null;
  facts.serverSession = serverSessionOf(site, meta, texts);
  if (!evidence) return facts;

  for (const policy of evidence.cookiePolicy(meta.framework))
    facts.cookiePolicy[policy.flag] ??= evidenceOf(policy);
  facts.readers = site.cookieNames.flatMap((name) => evidence.readersOf(name).map(evidenceOf));
  const names = site.cookieNames.length > 0 ? site.cookieNames : [undefined];
  const near = names.flatMap((name) => evidence.plainHttpNear(site.file, site.offset, name));
  const indexed = near.map(evidenceOf);
  facts.plainHttpProxy = near.length > 0 && near.every((fact) => fact.kind === 'http-only-proxy');
  // The index knows twins it saw declared with a cookie; a name alone still says what the cookie is for.
  const ownName = site.cookieNames
    .filter((name) => INSECURE_VARIANT.test(name))
    .map((name) => ({
      file: site.file,
      line: lineOf(texts.get(site.file) ?? '', site.offset),
      fact: `the name \`${name}\` marks the plain-HTTP variant of a cookie, which must work without HTTPS`,
    }));
  const twinKnown = indexed.some((fact) => /plain-HTTP twin/.test(fact.fact));
  facts.plainHttp = dedupe([...indexed, ...(twinKnown ? [] : ownName)]);
  if (evidence.uses(meta.framework) === 'no') facts.frameworkAbsent = meta.framework;
  facts.forcedSecure = forcedSecure(site, meta, evidence);
  const devOnly = evidence.devOnly(site.file)[0];
  if (devOnly) facts.devOnly = evidenceOf(devOnly);
  else facts.devOnly = developmentConfig(site.file);
  const tls = evidence.optionalTls();
  facts.optionalTls = tls
    .filter((fact) => fact.kind !== 'no-tls-server' && (!fact.within || inPackage(fact.within, site.file)))
    .map(evidenceOf);
  // The proxy is trusted by one app: a file that creates its own app must trust it too.
  const siteText = texts.get(site.file) ?? '';
  facts.tlsAtTrustedProxy = trustsProxy(site, PROXY_SETTING.express!, evidence, siteText)
    ? tls.filter((fact) => fact.kind === 'no-tls-server').map(evidenceOf)
    : [];
  const optionsFile = site.insertion?.container.file ?? site.file;
  const text = texts.get(optionsFile) ?? '';
  const usable = evidence
    .transportSwitchFor(optionsFile)
    .find((entry) => entry.uses.length > 0 && !FOLLOWS_REQUEST.test(entry.expression));
  if (usable) {
    facts.transportSwitch = switchFacts(usable, text);
    // A configuration file holds values, not code: the switch cannot be named there.
    if (isIniFile(optionsFile)) facts.transportSwitch.expression = null;
  }
  facts.missingProxyTrust = proxyAdvice(site, meta, evidence, siteText);
  facts.untrustedProxy = untrustedProxy(site, meta, evidence, siteText);
  facts.schemeFollowing = schemeFollowingUses(
    evidence,
    optionsFile,
    meta.clientSide === true,
    site.file,
    () => lineOf(siteText, site.offset),
  );
  if (
    facts.optionalTls.length > 0 ||
    facts.schemeFollowing.length > 0 ||
    facts.untrustedProxy ||
    facts.tlsAtTrustedProxy.length > 0
  )
    facts.requestSecure = followRequest(site, meta, text);
  return facts;
}

/** Rack-based frameworks whose cookies pass through the Rails middleware stack when the app is a Rails app. */
const RAILS_STACK = new Set(['rails', 'rails-session', 'rack', 'rack-session']);

/**
 * Rails' `force_ssl` marks every cookie that leaves its middleware stack Secure: the controllers' own and those
 * of middleware it runs. A config.ru wraps the whole app from outside that stack, so its middleware's cookies
 * are not marked.
 */
function forcedSecure(site: CookieSite, meta: RuleMeta, evidence: ProjectEvidence): Evidence[] {
  if (!RAILS_STACK.has(meta.framework) || !site.file.endsWith('.rb')) return [];
  return evidence.forcedSecure('rails', site.file).map(evidenceOf);
}

function securePrefixOf(name: string): string | null {
  if (name.startsWith('__Secure-')) return '__Secure-';
  if (name.startsWith('__Host-')) return '__Host-';
  return null;
}

/** The session middleware's own cookie, a signed-cookie API, or a value made by a session / JWT signer. */
function serverSessionOf(
  site: CookieSite,
  meta: RuleMeta,
  texts: ReadonlyMap<string, string>,
): Evidence | null {
  const line = () => lineOf(texts.get(site.file) ?? '', site.offset);
  if (site.kind === 'session') {
    return { file: site.file, line: line(), fact: `${meta.api} sets the server's own session cookie` };
  }
  const value = site.valueText?.trim();
  if (value && SIGNER_CALL.test(value)) {
    const call = value.slice(0, value.indexOf('(')).replace(/^await\s+/, '');
    return {
      file: site.file,
      line: line(),
      fact: `the value comes from \`${call}(…)\`, a signed token only the server needs to read`,
    };
  }
  return null;
}

// The site itself is never among `uses`: a site that takes Secure from the switch is conditional, and
// conditional values are settled before the switch is consulted.
function switchFacts(entry: TransportSwitch, text: string): TransportSwitchFacts {
  const evidence = [
    ...(entry.definition ? [evidenceOf(entry.definition)] : []),
    ...entry.uses.slice(0, 3).map(evidenceOf),
    ...(entry.forcedOn ? [evidenceOf(entry.forcedOn)] : []),
  ];
  // `not DEBUG` / `!dev`: the switch's default describes the name, and the cookie gets its opposite.
  const negated = /^(?:not\s|!)/.test(entry.expression.trim());
  const effective = negated ? OPPOSITE[entry.default] : entry.default;
  return {
    name: entry.name,
    expression: nameableHere(entry, text) ? entry.expression : null,
    offByDefault: effective === 'off' && entry.forcedOn === null,
    onInProduction: effective === 'on' || entry.forcedOn !== null,
    evidence,
  };
}

const OPPOSITE: Record<TransportSwitch['default'], TransportSwitch['default']> = {
  on: 'off',
  off: 'on',
  unknown: 'unknown',
};

function lineOf(text: string, offset: number): number {
  return lineColumn(lineStarts(text), offset).line;
}

/**
 * A value read from the request (`self.request.protocol == "https"`, `req.secure`, `request.is_secure()`) is
 * not a project-wide switch: it only means something where that request is in scope.
 */
const FOLLOWS_REQUEST =
  /^(?:not\s+|!\s*)?\(?\s*(?:self\.request|request|req|ctx\.request|ctx|cherrypy\.request)\b|^['"]auto['"]$/;

/**
 * The project's other cookie sites whose Secure follows the request. A server-side cookie looks at its own
 * language; browser code looks at every language, since the server's convention says how pages are served.
 */
function schemeFollowingUses(
  evidence: ProjectEvidence,
  file: string,
  clientSide: boolean,
  siteFile: string,
  siteLine: () => number,
): Evidence[] {
  const switches = clientSide ? evidence.data.switches : evidence.transportSwitchFor(file);
  const following = switches.filter((entry) => FOLLOWS_REQUEST.test(entry.expression));
  // The server's session settings say how pages are served, which is what browser code has to go by.
  const settings = clientSide ? evidence.data.requestFollowingSettings : [];
  // Most projects have none: the site's line (a walk over its file) is only worked out when needed.
  if (following.length === 0) return settings.slice(0, 5);
  const line = siteLine();
  return dedupe(
    following
      .flatMap((entry) =>
        entry.uses.map((use) => ({
          file: use.file,
          line: use.line,
          fact: `a cookie here takes Secure from \`${entry.expression}\``,
        })),
      )
      .filter((use) => use.file !== siteFile || use.line !== line)
      .concat(settings),
  ).slice(0, 5);
}

/**
 * `development.ini`, `dev.conf`, `local.ini`: a settings file for a developer's own server (Pyramid's
 * development.ini serves waitress on localhost), often reached over plain HTTP from another machine, where a
 * Secure session cookie would stop logins. Its production twin is where the flags belong.
 */
const DEVELOPMENT_CONFIG = /^(?:dev|devel|development|local|test|testing)(?:[._-][\w.-]*)?\.(?:ini|conf)$/i;

function developmentConfig(file: string): Evidence | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (!DEVELOPMENT_CONFIG.test(name)) return null;
  return { file, line: 1, fact: `\`${name}\` is a development configuration, by its name` };
}

/** Names every JavaScript module can use without binding them. */
const JS_GLOBALS = new Set(['process', 'import', 'globalThis']);

/**
 * Whether the switch's expression means the same thing anywhere in `file`: its first name is a global or is
 * bound at the module's top level (an import, a top-level assignment). A name used at another cookie site
 * in the same file may be a handler's parameter (`request.secure`), which a module-level dict cannot see.
 */
function nameableHere(entry: TransportSwitch, text: string): boolean {
  const root = /^(?:not\s+|!\s*)?\(?\s*([A-Za-z_$][\w$]*)/.exec(entry.expression.trim())?.[1];
  if (!root) return false;
  if (entry.language === 'javascript' && JS_GLOBALS.has(root)) return true;
  const name = root.replace(/\$/g, '\\$');
  const bound = new RegExp(
    entry.language === 'python'
      ? `^(?:from\\s+[\\w.]+\\s+import\\s+(?:\\([^)]*|[^\\n]*)\\b${name}\\b|import\\s+[^\\n]*\\b${name}\\b|${name}\\s*(?::[^=\\n]*)?=[^=])`
      : `^(?:import\\s+[^;]*?\\b${name}\\b[^;]*?from|(?:export\\s+)?(?:const|let|var)\\s+(?:\\{[^}]*\\b${name}\\b[^}]*\\}|${name})\\s*(?::[^=]*)?=)`,
    'm',
  );
  return bound.test(text);
}

/** `session-unsecure`, `token_insecure`: the fallback a project keeps for plain-HTTP deployments. */
const INSECURE_VARIANT = /[-_.](?:un|in)secure$/i;

/** Frameworks that refuse or drop a Secure cookie on a request they think is plain HTTP. */
const SECURE_NEEDS_TRUST = new Set(['express-session', 'cookie-session', 'koa', 'koa-session']);

/** An app created in the file itself (`express()`, `new Koa()`): proxy trust set on another app does not reach it. */
const OWN_APP = /(?<![\w$.])(?:express\s*\(\s*\)|new\s+Koa\s*\()/;

/**
 * Whether the framework trusts a proxy for the app this site belongs to. A project may run two apps (NodeBB's
 * web installer beside its forum): when the site's own file creates an app, only trust set in that file counts.
 */
function trustsProxy(
  site: CookieSite,
  advice: ProxySetting,
  evidence: ProjectEvidence,
  text: string,
): boolean {
  const ownApp = OWN_APP.test(text);
  return advice.ids.some((id) =>
    evidence.proxyTrust(id).some((fact) => fact.enabled && (!ownApp || fact.file === site.file)),
  );
}

function untrustedProxy(
  site: CookieSite,
  meta: RuleMeta,
  evidence: ProjectEvidence,
  text: string,
): ProxyAdvice | null {
  const advice = PROXY_SETTING[meta.framework];
  if (!advice || !SECURE_NEEDS_TRUST.has(meta.framework)) return null;
  if (trustsProxy(site, advice, evidence, text)) return null;
  return { setting: advice.setting, line: advice.line, hints: [] };
}

function proxyAdvice(
  site: CookieSite,
  meta: RuleMeta,
  evidence: ProjectEvidence,
  text: string,
): ProxyAdvice | null {
  const advice = PROXY_SETTING[meta.framework];
  if (!advice || site.kind !== 'session') return null;
  const hints = evidence.proxyHints();
  if (hints.length === 0) return null;
  if (trustsProxy(site, advice, evidence, text)) return null;
  return { setting: advice.setting, line: advice.line, hints: hints.slice(0, 3).map(evidenceOf) };
}

export function dedupe(items: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.file}\0${item.line}\0${item.fact}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
