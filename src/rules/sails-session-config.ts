// Sails sessions: `module.exports.session = { cookie: {…} }` in `config/session.js`, overridden per
// environment by `session: { cookie: {…} }` in `config/env/<name>.js` (the generated
// `config/env/production.js` has a `cookie` object with `secure: true` commented out). Sails hands the merged
// config to express-session: HttpOnly on by default, Secure off. Sails rejects anything but a boolean for
// `cookie.secure` (no `'auto'`), and `config/session.js` also runs on the developer's plain-HTTP server, where
// express-session would stop sending a Secure session cookie, so Secure belongs in the production file: the
// fix goes there, and a project without one is told so instead of changed.
import { posix } from 'node:path';
import {
  findExport,
  readFlag,
  readOptions,
  type JsModuleLoader,
  type OptionsView,
} from '../languages/js-options.js';
import type { JsModule } from '../languages/javascript.js';
import type { CookieSite, Flag, FlagValue } from '../model.js';
import type { JsRule } from './rule.js';
import { namesOf, optionString, siteFromOptions } from './js-site.js';

const SESSION_FILE = /(^|\/)config\/session\.[cm]?js$/;
const ENV_FILE = /(^|\/)config\/env\/([^/]+)\.[cm]?js$/;
const DEV_WORDS = new Set(['dev', 'development', 'local', 'test', 'testing', 'ci', 'debug']);
/** What gets a `config/session.js` past the scan's prefilter (this rule's mention, or a cookie word). */
const READ_BY_SCAN = /exports\.session|ookie|OOKIE/;
const KEYS = { httpOnly: 'httpOnly', secure: 'secure' };
const DEFAULT_NAME = 'sails.sid';

export const sailsSessionConfig: JsRule = {
  meta: {
    id: 'sails-session-config',
    framework: 'sails',
    language: 'javascript',
    api: 'module.exports.session = { cookie }',
    description:
      'The session cookie of Sails (`config/session.js` and the `session` of `config/env/*.js`), where production decides.',
    defaults: { httpOnly: 'on', secure: 'off' },
    mentions: ['exports.session'],
    parsedWhenMentioned: SESSION_FILE,
  },
  findSites(module, { load, files }) {
    const scanned = files ?? new Set<string>();
    let folder: string;
    let base: JsModule | null;
    let envFiles: string[];
    if (SESSION_FILE.test(module.file)) {
      folder = posix.dirname(module.file);
      base = module;
      envFiles = [...scanned].filter((file) => isProductionEnv(file, folder));
    } else {
      const match = ENV_FILE.exec(module.file);
      if (!match) return [];
      folder = posix.dirname(posix.dirname(module.file));
      // With a `config/session.js` the scan reads, the sites are made once, from there.
      const shared = [...scanned].find((file) => SESSION_FILE.test(file) && posix.dirname(file) === folder);
      const sharedModule = shared ? load(module.file, `../${posix.basename(shared)}`) : null;
      if (sharedModule && READ_BY_SCAN.test(sharedModule.text)) return [];
      if (!isProductionEnv(module.file, folder)) return [];
      // Without a `config/session.js` beside it, an env file that exports no `session` is not Sails' (any app
      // may keep per-environment settings in `config/env/*.js`).
      if (!shared && sessionOf(module, load) === null) return [];
      base = null;
      envFiles = [module.file];
    }
    const baseSession = base ? sessionOf(base, load) : null;
    if (base && baseSession === null) return []; // not Sails' session config
    const sites: CookieSite[] = [];
    const environments = envFiles
      .sort()
      .map((file) => (file === module.file ? module : load(module.file, `./${posix.relative(folder, file)}`)))
      .filter((env): env is JsModule => env !== null);
    for (const env of environments) {
      const site = environmentSite(this.meta.id, env, baseSession, load);
      if (site) sites.push(site);
    }
    if (environments.length === 0 && base && baseSession && !('unknown' in baseSession)) {
      const site = sharedSite(this.meta.id, base, baseSession, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

/** `config/env/<name>.js` next to the session config, for an environment that is not a developer's. */
function isProductionEnv(file: string, folder: string): boolean {
  const match = ENV_FILE.exec(file);
  if (!match || posix.dirname(posix.dirname(file)) !== folder) return false;
  const words = match[2]!.toLowerCase().split(/[^a-z0-9]+/);
  return !words.some((word) => DEV_WORDS.has(word));
}

/** The `session` a Sails config module exports: a view, the reason it cannot be read, or null when absent. */
function sessionOf(module: JsModule, load: JsModuleLoader): OptionsView | { unknown: string } | null {
  const found = findExport(module, 'session', { load });
  if ('unknown' in found) return null;
  return readOptions(found.module, found.node, null, { load });
}

/** One flag of `config/session.js`'s `cookie`, as every environment inherits it. */
function sharedFlag(
  baseSession: OptionsView | { unknown: string } | null,
  flag: Flag,
  load: JsModuleLoader,
): FlagValue {
  if (!baseSession) return { kind: 'absent' };
  if ('unknown' in baseSession) return { kind: 'unknown', reason: baseSession.unknown };
  const writer = baseSession.keys.get('cookie');
  if (writer === 'unknown') return { kind: 'unknown', reason: baseSession.unknownSpread ?? 'a spread' };
  if (!writer) return { kind: 'absent' };
  const cookie = readOptions(writer.module, writer.value, null, { load });
  if ('unknown' in cookie) return { kind: 'unknown', reason: cookie.unknown };
  return readFlag(cookie, KEYS[flag]);
}

/**
 * The session cookie as one production-like environment gets it: its own `session.cookie` keys over those of
 * `config/session.js`. Secure missing there is added to the environment's file, never to the shared one.
 */
function environmentSite(
  ruleId: string,
  env: JsModule,
  baseSession: OptionsView | { unknown: string } | null,
  load: JsModuleLoader,
): CookieSite | null {
  const envSession = sessionOf(env, load);
  const inherited: string[] = [];
  const cookieNames = namesOf(
    (envSession && !('unknown' in envSession)
      ? optionString(envSession.module, envSession.object, null, 'name', load)
      : null) ??
      (baseSession && !('unknown' in baseSession)
        ? optionString(baseSession.module, baseSession.object, null, 'name', load)
        : null),
    [DEFAULT_NAME],
  );
  const refine = (_view: OptionsView | null, flags: Record<Flag, FlagValue>) => {
    for (const flag of ['httpOnly', 'secure'] as const) {
      if (flags[flag].kind !== 'absent') continue;
      const shared = sharedFlag(baseSession, flag, load);
      if (flag === 'secure' && shared.kind === 'false') {
        // Off in the shared file for the developer's server: production gets its own `true`.
        inherited.push(
          `\`config/session.js\` sets \`secure: false\` for every environment; this environment does not override it.`,
        );
        continue;
      }
      flags[flag] = shared;
    }
  };
  let site: CookieSite | null;
  if (envSession === null) {
    const flags: Record<Flag, FlagValue> = { httpOnly: { kind: 'absent' }, secure: { kind: 'absent' } };
    refine(null, flags);
    site = {
      ruleId,
      file: env.file,
      offset: exportOffset(env, load),
      cookieNames,
      kind: 'session',
      flags,
      keys: KEYS,
      insertion: null,
      usedAt: [],
      notes: [
        `\`${env.file}\` has no \`session\` settings: add \`session: { cookie: { secure: true } }\` to it.`,
      ],
    };
  } else if ('unknown' in envSession) {
    return null;
  } else {
    site = siteFromOptions({
      ruleId,
      module: envSession.module,
      options: envSession.object,
      optionsPath: null,
      anchor: envSession.object.start,
      keys: KEYS,
      cookieNames,
      kind: 'session',
      nestedUnder: 'cookie',
      refine,
      load,
    });
  }
  if (!site) return null;
  site.notes.push(...inherited);
  return site;
}

/**
 * No production settings in the scan: `config/session.js` is all there is. A missing Secure is reported there
 * but not added, since that file also serves the developer's plain-HTTP server.
 */
function sharedSite(
  ruleId: string,
  base: JsModule,
  baseSession: OptionsView,
  load: JsModuleLoader,
): CookieSite | null {
  const site = siteFromOptions({
    ruleId,
    module: base,
    options: baseSession.object,
    optionsPath: null,
    anchor: baseSession.object.start,
    keys: KEYS,
    cookieNames: namesOf(optionString(base, baseSession.object, null, 'name', load), [DEFAULT_NAME]),
    kind: 'session',
    nestedUnder: 'cookie',
    load,
  });
  if (!site || site.flags.secure.kind !== 'absent') return site;
  site.insertion = null;
  site.notes.push(
    '`config/session.js` applies to every environment, and express-session does not send a Secure session cookie over plain HTTP: set `secure: true` under `session.cookie` in `config/env/production.js` (with `http.trustProxy` behind a TLS proxy).',
  );
  return site;
}

/** Where the module's `module.exports = …` value starts (the top of the file when it cannot be found). */
function exportOffset(module: JsModule, load: JsModuleLoader): number {
  const exported = findExport(module, 'default', { load });
  return 'unknown' in exported || exported.module !== module ? 0 : exported.node.start;
}
