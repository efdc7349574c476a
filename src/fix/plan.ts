// From sites to findings and edits: merge sites that share one options object, decide each flag, and turn
// the decisions into text splices in the author's style.
import { createHash } from 'node:crypto';
import type {
  Container,
  CookieKind,
  CookieSite,
  Edit,
  Finding,
  Flag,
  InsertionPoint,
  Outcome,
  Problem,
  Severity,
} from '../model.js';
import { lineColumn, lineEndOf, lineStartOf, lineStarts } from '../languages/text.js';
import type { RuleMeta } from '../rules/rule.js';
import { insertEntries } from './insert.js';
import { decideFlags, kindOfName, type FlagDecision, type PolicyOptions } from './policy.js';

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
}

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2 };
const CAUTION_RANK: Record<CookieKind, number> = { session: 0, other: 1, csrf: 2 };

export function planFixes(input: PlanInput): PlannedFinding[] {
  const merged = mergeSites(input.sites);
  const decided = merged
    .map((entry) => {
      const kind = mergedKind(entry.site);
      const decisions = entry.site.advisory
        ? []
        : decideFlags(entry.site, entry.meta, kind, input.policy, input.isTestFile(entry.site.file));
      return { ...entry, kind, decisions };
    })
    .filter((entry) => entry.site.advisory || entry.decisions.some((decision) => decision.problem !== null));

  // Flags inserted into one container are decided together: every site that shares it must want them.
  const groups = new Map<string, { point: InsertionPoint; members: typeof decided }>();
  for (const entry of decided) {
    if (entry.site.ignoredReason !== undefined || !entry.site.insertion) continue;
    if (!entry.decisions.some((decision) => decision.action === 'insert')) continue;
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
    const keys: string[] = [];
    const inserted = new Set<string>();
    for (const flag of ['httpOnly', 'secure'] as const) {
      for (const member of group.members) {
        const spelled = member.site.keys[flag];
        if (spelled === null || keys.includes(spelled)) continue;
        const participants = group.members.filter((other) => other.site.keys[flag] === spelled);
        const wanted = participants.every((other) =>
          other.decisions.some((decision) => decision.flag === flag && decision.action === 'insert'),
        );
        if (wanted) {
          keys.push(spelled);
          inserted.add(`${flag}\0${spelled}`);
        }
      }
    }
    const text = input.texts.get(group.point.container.file) ?? '';
    const items = renderEntries(group.point.container, keys, group.point.nest);
    insertEdits.set(key, items.length > 0 ? insertEntries(text, group.point.container, items) : []);
    for (const member of group.members) {
      for (const decision of member.decisions) {
        const spelled = member.site.keys[decision.flag];
        if (decision.action === 'insert' && !inserted.has(`${decision.flag}\0${spelled}`)) {
          decision.action = null;
          decision.reason = 'the same options object is used by a cookie that must not get this flag';
        }
      }
    }
  }

  return decided.map((entry) => {
    const { site, meta, kind, decisions } = entry;
    const edits: Edit[] = [];
    if (site.ignoredReason === undefined) {
      for (const decision of decisions) {
        if (decision.action === 'flip') {
          const value = site.flags[decision.flag];
          if (value.kind === 'false') {
            const language = value.file.endsWith('.py') ? 'True' : 'true';
            edits.push({ file: value.file, start: value.span.start, end: value.span.end, text: language });
          }
        }
      }
      if (!site.insertion) {
        for (const decision of decisions) {
          if (decision.action === 'insert') {
            decision.action = null;
            decision.reason = 'there is no options object here to add it to';
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
    const finding = buildFinding(site, meta, kind, decisions, input.texts);
    finding.edits = edits;
    return { finding, edits };
  });
}

/** Sites reporting at the same place (calls sharing one options object) become one finding. */
function mergeSites(sites: readonly SiteWithRule[]): SiteWithRule[] {
  const byPlace = new Map<string, SiteWithRule>();
  for (const entry of sites) {
    const key = `${entry.site.ruleId}\0${entry.site.file}\0${entry.site.offset}`;
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
  if (kinds.includes('csrf')) return 'csrf';
  if (site.kind) return site.kind;
  if (kinds.length === 0) return 'other';
  return kinds.includes('other') ? 'other' : 'session';
}

function containerKey(container: Container, nest: readonly string[]): string {
  return `${container.file}\0${container.open}\0${nest.join('.')}`;
}

/** New entries spelled for the container's language and key style, nested under one key when asked. */
export function renderEntries(
  container: Container,
  keys: readonly string[],
  nest: readonly string[],
): string[] {
  if (keys.length === 0) return [];
  const isJs = container.syntax === 'js-object' || container.syntax === 'js-arguments';
  const quote = container.keyQuote;
  if (isJs) {
    const pairs = (q: string) => keys.map((key) => `${q}${key}${q}: true`);
    const object = `{ ${pairs('').join(', ')} }`;
    const nested = nest.length > 0 ? `${quote}${nest[0]}${quote}: ${object}` : null;
    if (container.syntax === 'js-arguments') return [nest.length > 0 ? `{ ${nest[0]}: ${object} }` : object];
    return nested ? [nested] : pairs(quote);
  }
  if (container.syntax === 'py-statements') {
    const template = container.statementTemplate ?? '{key} = True';
    return keys.map((key) => template.replaceAll('{key}', key));
  }
  const dictQuote = quote || '"';
  const inner = `{${keys.map((key) => `"${key}": True`).join(', ')}}`;
  if (container.syntax === 'py-dict') {
    return nest.length > 0
      ? [`${dictQuote}${nest[0]}${dictQuote}: ${inner}`]
      : keys.map((key) => `${dictQuote}${key}${dictQuote}: True`);
  }
  return nest.length > 0 ? [`${nest[0]}=${inner}`] : keys.map((key) => `${key}=True`);
}

function buildFinding(
  site: CookieSite,
  meta: RuleMeta,
  kind: CookieKind,
  decisions: FlagDecision[],
  texts: ReadonlyMap<string, string>,
): Finding {
  const text = texts.get(site.file) ?? '';
  const { line, column } = lineColumn(lineStarts(text), site.offset);
  const problems: Problem[] = decisions
    .filter((d) => d.problem !== null)
    .map((d) => `${d.flag}-${d.problem!}` as Problem);
  const ignored = site.ignoredReason !== undefined;
  const changedFlags: Flag[] = ignored ? [] : decisions.filter((d) => d.action !== null).map((d) => d.flag);
  const notChangedReasons = ignored
    ? [`ignored by a cookie-hardener-ignore comment${site.ignoredReason ? `: ${site.ignoredReason}` : ''}`]
    : decisions.filter((d) => d.action === null && d.reason).map((d) => d.reason);
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
    message: site.advisory ?? describe(site, meta, decisions),
    changedFlags,
    notChangedReasons,
    usedAt: site.usedAt,
    notes: site.notes,
    fingerprint,
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

const FLAG_LABEL: Record<Flag, string> = { httpOnly: 'HttpOnly', secure: 'Secure' };
const PROBLEM_WORDS = {
  missing: 'is not set',
  false: 'is turned off',
  conditional: 'depends on a run-time value',
  unknown: 'cannot be determined',
} as const;

function describe(site: CookieSite, meta: RuleMeta, decisions: FlagDecision[]): string {
  const names = site.cookieNames.map((name) => `"${name}"`).join(', ');
  const subject = names ? `Cookie ${names} (${meta.api})` : `Cookie options of ${meta.api}`;
  const problems = decisions
    .filter((d) => d.problem !== null)
    .map((d) => {
      const value = site.flags[d.flag];
      const words =
        d.problem === 'false' && value.kind === 'conditional'
          ? 'is on only in development'
          : PROBLEM_WORDS[d.problem!];
      return `${FLAG_LABEL[d.flag]} ${words}`;
    });
  const changes = decisions
    .filter((d) => d.action !== null)
    .map(
      (d) =>
        `${site.keys[d.flag]}${d.action === 'flip' ? ' → ' : ': '}${site.file.endsWith('.py') ? 'True' : 'true'}`,
    );
  const parts = [`${subject}: ${problems.join('; ')}.`];
  if (changes.length > 0) parts.push(`Fix: ${changes.join(', ')}.`);
  const open = decisions.filter((d) => d.action === null && d.reason).map((d) => d.reason);
  if (open.length > 0) parts.push(`Not changed: ${open.join('; ')}.`);
  return parts.join(' ');
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
