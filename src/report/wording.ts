// Phrases every part of the writeup shares, so a finding is named and described the same way in the table,
// the gap assessment and the checklist.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { ATTRIBUTES } from '../model.js';
import type { Attribute, CookieKind, Finding, Problem, ProblemKind, Severity } from '../model.js';
import { codeSpan, encodePath } from './escape.js';
import { frameworkNotes } from './framework-notes.js';
import { RULES } from '../rules/index.js';

export type AnalysisMode = 'scan' | 'fix' | 'pr';

export const CWE: Record<Attribute, { id: string; url: string }> = {
  sameSite: { id: 'CWE-1275', url: 'https://cwe.mitre.org/data/definitions/1275.html' },
  httpOnly: { id: 'CWE-1004', url: 'https://cwe.mitre.org/data/definitions/1004.html' },
  secure: { id: 'CWE-614', url: 'https://cwe.mitre.org/data/definitions/614.html' },
};

export function parseProblem(problem: Problem): { flag: Attribute; kind: ProblemKind } {
  const dash = problem.indexOf('-');
  return { flag: problem.slice(0, dash) as Attribute, kind: problem.slice(dash + 1) as ProblemKind };
}

/** The flags a finding's problems are about, in FLAGS order. */
export function problemFlags(finding: Finding): Attribute[] {
  const flags = new Set(finding.problems.map((problem) => parseProblem(problem).flag));
  return ATTRIBUTES.filter((flag) => flags.has(flag));
}

/** "A", "A and B", "A, B and C". */
export function joinAnd(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

export function flagList(flags: readonly Attribute[]): string {
  return joinAnd(flags.map((flag) => ATTRIBUTE_LABEL[flag]));
}

/** Most severe first, as every report lists findings. */
export const SEVERITY_ORDER: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const PROBLEM_KIND_ORDER: readonly ProblemKind[] = ['missing', 'false', 'conditional', 'unknown'];
const PROBLEM_KIND_WORDS: Record<ProblemKind, string> = {
  missing: 'not set',
  false: 'turned off',
  conditional: 'decided at run time',
  unknown: 'not visible in the code',
};

/** The table's problem column: the problems, or what an advisory is about. */
export function problemCell(finding: Finding): string {
  if (!isAdvisory(finding)) return problemsInWords(finding.problems);
  return isTornadoSettingsDict(finding)
    ? 'Dict has no effect: no cookie call splats it'
    : 'No flag problem (advisory)';
}

/** "HttpOnly and Secure not set", "Secure turned off; HttpOnly not set". */
function problemsInWords(problems: readonly Problem[]): string {
  const parsed = problems.map(parseProblem);
  return PROBLEM_KIND_ORDER.flatMap((kind) => {
    const flags = ATTRIBUTES.filter((flag) =>
      parsed.some((problem) => problem.kind === kind && problem.flag === flag),
    );
    return flags.length === 0 ? [] : [`${flagList(flags)} ${PROBLEM_KIND_WORDS[kind]}`];
  }).join('; ');
}

/** Whether the finding's flags were (fix, pr) or would be (scan) changed by cookie-hardener. */
export function isChanged(finding: Finding): boolean {
  if (finding.changedFlags.length === 0) return false;
  // A finding left to a person for one flag may still have the other one changed (HttpOnly added, Secure left
  // for a plain-HTTP install): the change is real and the report must say so.
  return (
    finding.outcome === 'fixed' ||
    finding.outcome === 'fixable' ||
    (finding.outcome === 'manual' && finding.edits.length > 0)
  );
}

/**
 * Flags the fix leaves as they are on purpose: those with a problem it does not change, and HttpOnly on a CSRF
 * cookie, which the engine does not even report (the page's own script must read the token).
 */
export function flagsLeftAsIs(finding: Finding): Attribute[] {
  const flags = new Set(problemFlags(finding));
  if (finding.kind === 'csrf') flags.add('httpOnly');
  return ATTRIBUTES.filter((flag) => flags.has(flag) && !finding.changedFlags.includes(flag));
}

export function needsHuman(finding: Finding): boolean {
  return !isAdvisory(finding) && (finding.outcome === 'manual' || finding.outcome === 'conditional');
}

/** The outcome column of the summary table. */
export function outcomeInWords(finding: Finding): string {
  if (isAdvisory(finding) && finding.changedFlags.length === 0) return 'Advisory: nothing changed';
  switch (finding.outcome) {
    case 'fixed':
    case 'fixable': {
      if (finding.changedFlags.length === 0) return 'Left as is';
      const verb = finding.outcome === 'fixed' ? 'Fixed' : 'Fixable';
      const left = flagsLeftAsIs(finding);
      const rest = left.length > 0 ? `; ${flagList(left)} left as is` : '';
      return `${verb}: ${flagList(finding.changedFlags)}${rest}`;
    }
    case 'manual':
      if (isChanged(finding))
        return `${flagList(finding.changedFlags)} changed; ${flagList(flagsLeftAsIs(finding))} needs a manual fix`;
      return 'Needs a manual fix';
    case 'conditional':
      return 'Left as is: decided at run time';
    case 'ignored':
      return 'Ignored by comment';
  }
}

const KIND_LABEL: Record<CookieKind, string> = {
  session: 'session cookie',
  csrf: 'CSRF cookie',
  other: 'cookie',
};

/** The cookie's name as it appears on the wire, when the code or the framework's default tells us. */
export function cookieName(finding: Finding): string | null {
  return finding.cookie ?? defaultName(finding) ?? null;
}

/** Rules whose API takes the cookie's name from the caller (see `RuleMeta.namedByCaller`). */
const NAMED_BY_CALLER = new Set(RULES.filter((rule) => rule.meta.namedByCaller).map((rule) => rule.meta.id));

/** The framework's default name, for an API that names the cookie itself (not one the caller names). */
function defaultName(finding: Finding): string | undefined {
  if (NAMED_BY_CALLER.has(finding.ruleId)) return undefined;
  return frameworkNotes(finding.framework).defaultCookieName;
}

/** Markdown naming the cookie: `sid`, `connect.sid` (default name), or its kind when no name is known. */
export function cookieLabel(finding: Finding): string {
  if (finding.cookie !== null) return codeSpan(finding.cookie);
  if (isTornadoSettingsDict(finding))
    return otherUses(finding).length > 0
      ? 'cookies set with this dict'
      : 'none: no cookie call uses this dict';
  const fallback = defaultName(finding);
  if (fallback !== undefined) return `${codeSpan(fallback)} (default name)`;
  return `${KIND_LABEL[finding.kind]}, name not in code`;
}

export function normalizePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function locationText(finding: Finding): string {
  return `${normalizePath(finding.file)}:${finding.line}`;
}

/** Other places that use this finding's options, without the finding's own location (which some rules list). */
export function otherUses(finding: Finding): string[] {
  const own = locationText(finding);
  return finding.usedAt.map(normalizePath).filter((site) => site !== own);
}

export interface LinkTarget {
  repository?: string;
  serverUrl: string;
  ref: string;
}

/** `path:line` as code, linked to the line on GitHub when the repository is known. */
export function locationMarkdown(finding: Finding, link: LinkTarget): string {
  const label = codeSpan(locationText(finding));
  if (link.repository === undefined) return label;
  const url = `${link.serverUrl.replace(/\/+$/, '')}/${link.repository}/blob/${encodePath(link.ref)}/${encodePath(normalizePath(finding.file))}#L${finding.line}`;
  return `[${label}](${url})`;
}

/**
 * A finding about an options dict that its framework never reads by itself (Tornado's `cookie_settings`),
 * either splatted into calls (reported at the dict, with the calls in `usedAt`) or splatted nowhere (an
 * advisory).
 */
export function isTornadoSettingsDict(finding: Finding): boolean {
  return (
    frameworkNotes(finding.framework).unreadOptionsDict !== undefined &&
    (isAdvisory(finding) || otherUses(finding).length > 0)
  );
}

/** A finding with something to say but no flag problem (a settings dict that nothing reads). */
export function isAdvisory(finding: Finding): boolean {
  return finding.problems.length === 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: by place in the repository, then by what was found there. Independent of input order. */
function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(normalizePath(a.file), normalizePath(b.file)) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.cookie ?? '', b.cookie ?? '') ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
