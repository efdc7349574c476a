// From sites to findings and edits: merge sites that share one options object, decide each flag, and turn
// the decisions into text splices in the author's style.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { baselineLineText } from '../baseline/key.js';
import { createHash } from 'node:crypto';
import { ATTRIBUTES } from '../model.js';
import type {
  Container,
  CookieKind,
  CookieSite,
  Edit,
  Evidence,
  Finding,
  Attribute,
  InsertionPoint,
  Outcome,
  Problem,
  Severity,
} from '../model.js';
import { lineColumn, lineEndOf, lineStartOf, lineStarts } from '../languages/text.js';
import type { ProjectEvidence } from '../evidence/types.js';
import type { RuleMeta } from '../rules/rule.js';
import type { CodeCookie } from '../verify/types.js';
import { codeCookieOf } from './cookie-sites.js';
import { insertEntries } from './insert.js';
import { kindOfName } from '../cookie-kind.js';
import { decideFlags, type FlagDecision, type PolicyOptions } from './policy.js';
import { dedupe, gatherFacts, isSignedValue } from './site-facts.js';
import {
  goSameSiteConstant,
  readSameSite,
  sameSiteKeyOf,
  sameSiteLiteral,
  type SameSiteView,
} from './same-site.js';

export interface SiteWithRule {
  site: CookieSite;
  meta: RuleMeta;
  /** The scanned file whose code led to the site (the call), when it differs from where the site points. */
  origin?: string;
}

export interface PlannedFinding {
  finding: Finding;
  /** Edits that make this finding's fix (possibly shared with other findings). */
  edits: Edit[];
}

export interface PlanInput {
  sites: readonly SiteWithRule[];
  texts: ReadonlyMap<string, string>;
  policy: PolicyOptions;
  isTestFile: (file: string) => boolean;
  /** Facts about the whole project (browser readers, transport switches, plain-HTTP intent…), when built. */
  evidence?: ProjectEvidence;
  /**
   * Every site the scan found, when `sites` is only part of it (the verification pass re-plans the fixed files
   * alone): browser code that writes a cookie elsewhere still decides the fixed file's HttpOnly.
   */
  projectSites?: readonly SiteWithRule[];
  /** When given, every judged cookie site is added to it with its expected flags (for `verify`). */
  cookies?: CodeCookie[];
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const CAUTION_RANK: Record<CookieKind, number> = { session: 0, other: 1, csrf: 2 };

/** Rules whose cookie a project setting can abolish (`CSRF_USE_SESSIONS = True`: no CSRF cookie exists). */
const MOOT_COOKIE: Readonly<Record<string, 'django-csrf' | 'django-session'>> = {
  'django-csrf-settings': 'django-csrf',
  'django-session-settings': 'django-session',
};

export function planFixes(input: PlanInput): PlannedFinding[] {
  const evidence = input.evidence;
  // A setting for a cookie that does not exist protects nothing: it is neither reported nor appended.
  const live = evidence
    ? input.sites.filter((entry) => {
        const cookie = MOOT_COOKIE[entry.meta.id];
        return cookie === undefined || evidence.moot(cookie).length === 0;
      })
    : input.sites;
  const merged = mergeSites(live);
  const writers = browserWriters(input.projectSites ?? live, input.texts, input.isTestFile);
  const all = merged.map((entry) => {
    const kind = mergedKind(entry.site);
    const facts = gatherFacts(entry.site, entry.meta, evidence, input.texts);
    if (!entry.meta.clientSide) {
      const written = entry.site.cookieNames.flatMap((name) => writers.get(name) ?? []);
      facts.readers = [...facts.readers, ...written];
    }
    const optionsFile = entry.site.insertion?.container.file ?? entry.site.file;
    const sameSite = input.policy.flags.includes('sameSite')
      ? readSameSite(entry.site, entry.meta, input.texts.get(optionsFile) ?? '')
      : null;
    const decisions = entry.site.advisory
      ? []
      : decideFlags(
          entry.site,
          entry.meta,
          kind,
          input.policy,
          input.isTestFile(entry.site.file),
          sameSite,
          facts,
        );
    if (sameSite && entry.site.insertion) {
      // The SameSite literal follows the quote style of the options it is written into.
      const text = input.texts.get(entry.site.insertion.container.file) ?? '';
      const literal = sameSiteLiteral(
        entry.site.insertion.container,
        sameSite.key,
        input.policy.sameSite,
        text,
      );
      for (const decision of decisions) if (decision.flag === 'sameSite') decision.value = literal;
    } else if (sameSite && entry.site.sameSiteCall) {
      const constant = goSameSiteConstant(entry.site.sameSiteCall.httpPackage, input.policy.sameSite);
      for (const decision of decisions)
        if (decision.flag === 'sameSite' && constant) decision.value = constant;
    }
    return { ...entry, kind, decisions, sameSite, facts };
  });
  vetoSharedFlips(all);
  // Sites with nothing to report still veto changes to options they share (a CSRF cookie that is fine as it is).
  const decided = all.filter(
    (entry) => entry.site.advisory || entry.decisions.some((decision) => decision.problem !== null),
  );

  // Flags inserted into one container are decided together: every site that shares it must want them.
  const groups = new Map<string, { point: InsertionPoint; members: typeof all }>();
  for (const entry of all) {
    if (!entry.site.insertion) continue;
    const key = containerKey(entry.site.insertion.container, entry.site.insertion.nest);
    const group = groups.get(key) ?? { point: entry.site.insertion, members: [] };
    group.members.push(entry);
    groups.set(key, group);
  }
  const insertEdits = new Map<string, Edit[] | null>();
  for (const [key, group] of groups) {
    // A key is written when every site that spells a flag with it wants it: a CSRF cookie sharing an
    // options object with a session cookie vetoes httpOnly, while Django's SESSION_COOKIE_SECURE and
    // CSRF_COOKIE_SECURE, different keys in one settings module, are both written.
    const entries: Array<{ key: string; value: string }> = [];
    const inserted = new Set<string>();
    for (const flag of ATTRIBUTES) {
      for (const member of group.members) {
        const spelled = keyOf(member.site, flag);
        if (spelled === null || entries.some((entry) => entry.key === spelled)) continue;
        const participants = group.members.filter((other) => keyOf(other.site, flag) === spelled);
        const wanted = participants.every(
          (other) =>
            other.site.ignoredReason === undefined &&
            other.decisions.some((decision) => decision.flag === flag && decision.action === 'insert'),
        );
        const decision = member.decisions.find(
          (candidate) => candidate.flag === flag && candidate.action === 'insert',
        );
        if (wanted && decision?.value) {
          entries.push({ key: spelled, value: decision.value });
          inserted.add(`${flag}\0${spelled}`);
        }
      }
    }
    const text = input.texts.get(group.point.container.file) ?? '';
    const items = renderEntries(group.point.container, entries, group.point.nest);
    insertEdits.set(key, items.length > 0 ? insertEntries(text, group.point.container, items) : []);
    for (const member of group.members) {
      for (const decision of member.decisions) {
        const spelled = keyOf(member.site, decision.flag);
        if (decision.action === 'insert' && !inserted.has(`${decision.flag}\0${spelled}`)) {
          decision.action = null;
          decision.reason = 'the same options object is used by a cookie that must not get this flag';
        }
      }
    }
  }

  const planned = decided.map((entry) => {
    const { site, meta, kind, decisions } = entry;
    const edits: Edit[] = [];
    if (site.ignoredReason === undefined) {
      for (const decision of decisions) {
        if (decision.action === 'flip') {
          const value = decision.flag === 'sameSite' ? entry.sameSite?.value : site.flags[decision.flag];
          if (value?.kind === 'false' && decision.value) {
            edits.push({
              file: value.file,
              start: value.span.start,
              end: value.span.end,
              text: decision.value,
            });
          } else {
            decision.action = null;
            decision.reason = 'the value cannot be replaced safely';
          }
        }
      }
      if (!site.insertion) {
        for (const decision of decisions) {
          // gin: a SetSameSite call of its own on the line before the cookie's.
          const call = decision.flag === 'sameSite' ? site.sameSiteCall?.insertAt : undefined;
          if (decision.action === 'insert' && call && decision.value) {
            edits.push({
              file: site.file,
              start: call.offset,
              end: call.offset,
              text: `${call.prefix}${decision.value}${call.suffix}`,
            });
            continue;
          }
          if (decision.action === 'insert') {
            decision.action = null;
            decision.reason =
              decision.flag === 'sameSite' && site.sameSiteCall
                ? site.sameSiteCall.httpPackage === null
                  ? 'the file does not import net/http, which names the SameSite modes: call `c.SetSameSite(http.SameSiteLaxMode)` before the cookie by hand'
                  : 'the cookie call does not start its own line, so no SetSameSite call can go above it'
                : 'there is no options object here to add it to';
          }
        }
      }
      if (site.insertion && decisions.some((decision) => decision.action === 'insert')) {
        const planned = insertEdits.get(containerKey(site.insertion.container, site.insertion.nest));
        if (planned === null) {
          for (const decision of decisions) {
            if (decision.action === 'insert') {
              decision.action = null;
              decision.reason = 'the layout around the options is too unusual to edit safely';
            }
          }
        } else if (planned) edits.push(...planned);
      }
    }
    const finding = buildFinding(site, meta, kind, decisions, input.texts, entry.sameSite);
    finding.edits = edits;
    return { finding, edits };
  });
  if (input.cookies) {
    // Test code is never deployed: what it sets says nothing about a live cookie.
    for (const entry of all) {
      if (input.isTestFile(entry.site.file)) continue;
      const cookie = codeCookieOf(entry, input.texts);
      if (cookie) input.cookies.push(cookie);
    }
  }
  return planned;
}

/**
 * A value turned off in an options object several cookies share is flipped only when every one of them
 * would flip it: a CSRF cookie (or an ignored site) sharing `httpOnly: false` with a session cookie keeps it.
 */
function vetoSharedFlips(
  entries: ReadonlyArray<{ site: CookieSite; decisions: FlagDecision[]; sameSite: SameSiteView | null }>,
): void {
  const byValue = new Map<string, (typeof entries)[number][]>();
  for (const entry of entries) {
    for (const flag of ATTRIBUTES) {
      const value = flag === 'sameSite' ? entry.sameSite?.value : entry.site.flags[flag];
      if (value?.kind !== 'false') continue;
      const key = `${flag}\0${value.file}\0${value.span.start}`;
      byValue.set(key, [...(byValue.get(key) ?? []), entry]);
    }
  }
  for (const [key, sharers] of byValue) {
    const flag = key.slice(0, key.indexOf('\0')) as Attribute;
    const flips = (entry: (typeof entries)[number]) =>
      entry.site.ignoredReason === undefined &&
      entry.decisions.some((decision) => decision.flag === flag && decision.action === 'flip');
    if (sharers.every(flips)) continue;
    for (const entry of sharers) {
      for (const decision of entry.decisions) {
        if (decision.flag === flag && decision.action === 'flip') {
          decision.action = null;
          decision.reason = 'the same options object is used by a cookie that must not get this flag';
        }
      }
    }
  }
}

/** Sites reporting at the same place (calls sharing one options object) become one finding. */
function mergeSites(sites: readonly SiteWithRule[]): SiteWithRule[] {
  const byPlace = new Map<string, SiteWithRule>();
  for (const entry of sites) {
    // Calls sharing one options object become one finding, but only cookies of one kind: a CSRF cookie
    // and a session cookie sharing options keep separate findings, so each kind's problems stay visible.
    const key = `${entry.site.ruleId}\0${entry.site.file}\0${entry.site.offset}\0${mergedKind(entry.site)}`;
    const existing = byPlace.get(key);
    if (!existing) {
      byPlace.set(key, {
        meta: entry.meta,
        site: { ...entry.site, usedAt: [...entry.site.usedAt], notes: [...entry.site.notes] },
      });
      continue;
    }
    const target = existing.site;
    target.cookieNames = unique([...target.cookieNames, ...entry.site.cookieNames]);
    target.usedAt = unique([...target.usedAt, ...entry.site.usedAt]);
    target.notes = unique([...target.notes, ...entry.site.notes]);
    if (entry.site.kind !== target.kind) target.kind = cautious(target.kind, entry.site.kind);
    // A signed value is evidence about one call's cookie only: the shared options keep it when every call has it.
    if (!isSignedValue(entry.site.valueText)) target.valueText = undefined;
    if (entry.site.ignoredReason !== undefined) target.ignoredReason ??= entry.site.ignoredReason;
  }
  return [...byPlace.values()];
}

function cautious(a: CookieKind | undefined, b: CookieKind | undefined): CookieKind | undefined {
  if (a === undefined || b === undefined) return undefined; // fall back to the names
  return CAUTION_RANK[a] >= CAUTION_RANK[b] ? a : b;
}

function mergedKind(site: CookieSite): CookieKind {
  const kinds = site.cookieNames.map(kindOfName);
  if (site.kindHint && site.cookieNames.length === 0) kinds.push(site.kindHint);
  if (kinds.includes('csrf')) return 'csrf';
  if (site.kind) return site.kind;
  if (kinds.length === 0) return 'other';
  return kinds.includes('other') ? 'other' : 'session';
}

function containerKey(container: Container, nest: readonly string[]): string {
  return `${container.file}\0${container.open}\0${nest.join('.')}`;
}

/** The key an attribute is spelled with at a site (SameSite's is derived from the API's other keys). */
function keyOf(site: CookieSite, flag: Attribute): string | null {
  return flag === 'sameSite' ? sameSiteKeyOf(site) : site.keys[flag];
}

/**
 * New entries spelled for the container's language and key style, nested under one key when asked.
 * `value` is code already (`true`, `True`, `'lax'`).
 */
export function renderEntries(
  container: Container,
  entries: ReadonlyArray<{ key: string; value: string }>,
  nest: readonly string[],
): string[] {
  if (entries.length === 0) return [];
  if (container.syntax === 'cookie-string') {
    // Header attributes, whatever the API's option keys: `; Secure`, `; SameSite=Lax`.
    return entries.map(({ key, value }) =>
      /samesite/i.test(key)
        ? `; SameSite=${capitalise(value.replace(/^['"`]|['"`]$/g, ''))}`
        : /httponly/i.test(key)
          ? '; HttpOnly'
          : '; Secure',
    );
  }
  if (container.syntax === 'go-composite') return entries.map(({ key, value }) => `${key}: ${value}`);
  if (container.syntax === 'php-array')
    return entries.map(({ key, value }) => `${container.keyQuote}${key}${container.keyQuote} => ${value}`);
  if (container.syntax === 'php-arguments') return phpPositional(container, entries);
  if (container.syntax === 'php-named-arguments') return entries.map(({ key, value }) => `${key}: ${value}`);
  if (container.syntax === 'java-chain') return entries.map(({ key, value }) => `.${key}(${value})`);
  if (container.syntax === 'cs-initializer') return entries.map(({ key, value }) => `${key} = ${value}`);
  if (container.syntax === 'cs-arguments') {
    // One new argument holding every entry (`new CookieOptions { HttpOnly = true, Secure = true }`).
    const members = entries.map(({ key, value }) => `${key} = ${value}`).join(', ');
    return [(container.statementTemplate ?? '{entries}').replace('{entries}', members)];
  }
  if (
    container.syntax === 'ruby-hash' ||
    container.syntax === 'ruby-arguments' ||
    container.syntax === 'ruby-value'
  )
    return entries.map(({ key, value }) => rubyPair(container.keyQuote, key, value));
  const isJs = container.syntax === 'js-object' || container.syntax === 'js-arguments';
  const quote = container.keyQuote;
  if (isJs) {
    const pairs = (q: string) => entries.map(({ key, value }) => `${q}${key}${q}: ${value}`);
    const object = `{ ${pairs('').join(', ')} }`;
    const nested = nest.length > 0 ? `${quote}${nest[0]}${quote}: ${object}` : null;
    if (container.syntax === 'js-arguments') return [nest.length > 0 ? `{ ${nest[0]}: ${object} }` : object];
    return nested ? [nested] : pairs(quote);
  }
  if (
    container.syntax === 'ini-options' ||
    container.syntax === 'java-statements' ||
    container.syntax === 'cs-statements' ||
    container.syntax === 'cs-expression-body'
  ) {
    const template = container.statementTemplate ?? '{key} = {value}';
    return entries.map(({ key, value }) => template.replace('{key}', key).replace('{value}', value));
  }
  if (container.syntax === 'py-statements') {
    const template = container.statementTemplate ?? '{key} = True';
    return entries.map(({ key, value }) =>
      value === 'True'
        ? template.replaceAll('{key}', key)
        : // A string value: the template's `: bool` annotation would be wrong for it.
          template.replaceAll('{key}', key).replace(/(?:\s*:\s*bool)?\s*=\s*True$/, ` = ${value}`),
    );
  }
  const dictQuote = quote || '"';
  const inner = `{${entries.map(({ key, value }) => `"${key}": ${value}`).join(', ')}}`;
  if (container.syntax === 'py-dict') {
    return nest.length > 0
      ? [`${dictQuote}${nest[0]}${dictQuote}: ${inner}`]
      : entries.map(({ key, value }) => `${dictQuote}${key}${dictQuote}: ${value}`);
  }
  return nest.length > 0 ? [`${nest[0]}=${inner}`] : entries.map(({ key, value }) => `${key}=${value}`);
}

/** `key: value`, `:key => value` or `'key' => value`, as the hash's other keys are written. */
function rubyPair(style: string, key: string, value: string): string {
  if (style === '') return `${key}: ${value}`;
  if (style === ':') return `:${key} => ${value}`;
  return `${style}${key}${style} => ${value}`;
}

/**
 * Trailing positional values up to the last one the fix sets; a parameter before it that the fix leaves off
 * is written as the false it already is (PHP has no way to skip a positional argument).
 */
function phpPositional(
  container: Container,
  entries: ReadonlyArray<{ key: string; value: string }>,
): string[] {
  const slots = container.positional ?? [];
  const given = new Map(entries.map(({ key, value }) => [key, value]));
  const last = slots.reduce((found, slot, index) => (given.has(slot) ? index : found), -1);
  return slots.slice(0, last + 1).map((slot) => {
    const value = given.get(slot);
    if (value !== undefined) return value;
    return entries.some((entry) => entry.value === 'TRUE') ? 'FALSE' : 'false';
  });
}

function buildFinding(
  site: CookieSite,
  meta: RuleMeta,
  kind: CookieKind,
  decisions: FlagDecision[],
  texts: ReadonlyMap<string, string>,
  sameSite: SameSiteView | null,
): Finding {
  const text = texts.get(site.file) ?? '';
  const { line, column } = lineColumn(lineStarts(text), site.offset);
  const problems: Problem[] = decisions
    .filter((d) => d.problem !== null)
    .map((d) => `${d.flag}-${d.problem!}` as Problem);
  const ignored = site.ignoredReason !== undefined;
  const changedFlags: Attribute[] = ignored
    ? []
    : decisions.filter((d) => d.action !== null).map((d) => d.flag);
  const notChangedReasons = ignored
    ? [`ignored by a cookie-hardener-ignore comment${site.ignoredReason ? `: ${site.ignoredReason}` : ''}`]
    : unique(decisions.filter((d) => d.action === null && d.reason).map((d) => d.reason));
  const severity = decisions.reduce<Severity>(
    (worst, d) => (SEVERITY_RANK[d.severity] > SEVERITY_RANK[worst] ? d.severity : worst),
    'low',
  );
  const outcome = outcomeOf(site, decisions);
  const cookie = site.cookieNames.length === 1 ? site.cookieNames[0]! : null;
  const lineText = text
    .slice(lineStartOf(text, site.offset), lineEndOf(text, site.offset))
    .replace(/\s+/g, ' ')
    .trim();
  const fingerprint = createHash('sha256')
    .update(
      [meta.id, site.file, [...site.cookieNames].sort().join(','), problems.join(','), lineText].join('\0'),
    )
    .digest('hex')
    .slice(0, 16);
  // Without the problems or the flags on the line: a line that loses a problem (a partial hand fix) must
  // still match its baseline entry, which records the problems separately.
  const baselineKey = createHash('sha256')
    .update(
      [meta.id, site.file, [...site.cookieNames].sort().join(','), baselineLineText(lineText)].join('\0'),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    ruleId: meta.id,
    framework: meta.framework,
    file: site.file,
    line,
    column,
    cookie,
    kind,
    problems,
    outcome,
    severity: site.advisory ? 'low' : severity,
    message: site.advisory ?? describe(site, meta, decisions, sameSite),
    changedFlags,
    notChangedReasons,
    usedAt: site.usedAt,
    notes: ignored
      ? site.notes
      : unique([...site.notes, ...decisions.filter((d) => d.action !== null && d.note).map((d) => d.note!)]),
    evidence: ignored ? [] : dedupe(decisions.flatMap((d) => d.evidence)),
    beforeMerging: ignored
      ? []
      : unique(decisions.filter((d) => d.action !== null && d.beforeMerging).map((d) => d.beforeMerging!)),
    fingerprint,
    baselineKey,
    edits: [],
  };
}

function outcomeOf(site: CookieSite, decisions: FlagDecision[]): Outcome {
  if (site.ignoredReason !== undefined) return 'ignored';
  if (site.advisory) return 'manual';
  const open = decisions.filter((d) => d.action === null);
  if (decisions.length > 0 && open.every((d) => d.problem === 'conditional' || d.problem === 'unknown')) {
    if (open.length === decisions.length) return 'conditional';
  }
  if (open.some((d) => d.severity !== 'low')) return 'manual';
  if (decisions.some((d) => d.action !== null)) return 'fixable';
  return open.every((d) => d.problem === 'conditional' || d.problem === 'unknown') ? 'conditional' : 'manual';
}

const PROBLEM_WORDS = {
  missing: 'is not set',
  false: 'is turned off',
  conditional: 'depends on a run-time value',
  unknown: 'cannot be determined',
} as const;

function describe(
  site: CookieSite,
  meta: RuleMeta,
  decisions: FlagDecision[],
  sameSite: SameSiteView | null,
): string {
  const names = site.cookieNames.map((name) => `"${name}"`).join(', ');
  const subject = names ? `Cookie ${names} (${meta.api})` : `Cookie options of ${meta.api}`;
  const problems = decisions
    .filter((d) => d.problem !== null)
    .map((d) => {
      const value = d.flag === 'sameSite' ? sameSite?.value : site.flags[d.flag];
      const words =
        d.problem === 'false' && value?.kind === 'conditional'
          ? d.flag === 'sameSite'
            ? 'is None'
            : 'is on only in development'
          : PROBLEM_WORDS[d.problem!];
      return `${ATTRIBUTE_LABEL[d.flag]} ${words}`;
    });
  const parts = [`${subject}: ${problems.join('; ')}.`];
  // An ignored site is left alone whatever was decided for it: the person's reason is the only one that applies.
  if (site.ignoredReason !== undefined) {
    parts.push(
      site.ignoredReason
        ? `Ignored by a cookie-hardener-ignore comment: ${site.ignoredReason.replace(/\.$/, '')}.`
        : 'Ignored by a cookie-hardener-ignore comment (no reason given).',
    );
    return parts.join(' ');
  }
  const changes = decisions
    .filter((d) => d.action !== null)
    .map((d) => `${d.key ?? d.flag}${d.action === 'flip' ? ' → ' : ': '}${d.value ?? ''}`);
  if (changes.length > 0) parts.push(`Fix: ${changes.join(', ')}.`);
  parts.push(...unique(decisions.filter((d) => d.action !== null && d.note).map((d) => d.note!)));
  const open = unique(decisions.filter((d) => d.action === null && d.reason).map((d) => d.reason));
  if (open.length > 0) parts.push(`Not changed: ${open.join('; ')}.`);
  return parts.join(' ');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * Cookie names that browser code writes itself (js-cookie, ngx-cookie-service, `document.cookie`): script cannot
 * overwrite or remove an HttpOnly cookie, so a server-set cookie of the same name must stay without HttpOnly,
 * exactly as when script reads it.
 */
function browserWriters(
  sites: readonly SiteWithRule[],
  texts: ReadonlyMap<string, string>,
  isTestFile: (file: string) => boolean,
): Map<string, Evidence[]> {
  const writers = new Map<string, Evidence[]>();
  for (const { site, meta } of sites) {
    if (!meta.clientSide || isTestFile(site.file)) continue;
    const text = texts.get(site.file) ?? '';
    const line = lineColumn(lineStarts(text), site.offset).line;
    for (const name of site.cookieNames) {
      const list = writers.get(name) ?? [];
      list.push({
        file: site.file,
        line,
        fact: `browser code writes the cookie \`${name}\` itself (${meta.api}), which it cannot do once the cookie is HttpOnly`,
      });
      writers.set(name, list);
    }
  }
  return writers;
}
