// The remediation pull request's writeup, shaped for a maintainer with a minute: a three-line TL;DR (what
// changed, how many cookies, the one thing that can break and the line to check), a findings table, then
// everything per framework folded in `<details>` once per framework, the findings left for a person, and one
// verification checklist. The job summary keeps the full report (markdown.ts); this is its short form.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { groupBy } from '../group-by.js';
import { abbreviate } from '../languages/text.js';
import type { Attribute, Evidence, Finding, ScanResult } from '../model.js';
import { ATTRIBUTES } from '../model.js';
import { biggestBreakRisk } from './break-risk.js';
import type { Document, Section, Shrinking } from './document.js';
import { renderDocument, renderDocumentWithin } from './document.js';
import { codeSpan, escapeProse, tableCell } from './escape.js';
import { writtenValues } from './fix-values.js';
import { frameworkNotes, isBrowserCode } from './framework-notes.js';
import type { AnalysisContext } from './sections.js';
import {
  BROWSER_CODE_NOTE,
  CATEGORY_EXPLANATION,
  distinct,
  notChangedCategory,
  notChangedWords,
  skippedFiles,
} from './sections.js';
import { buildVerificationPlan } from './verification.js';
import {
  CWE,
  cookieLabel,
  cookieName,
  flagList,
  flagsLeftAsIs,
  isAdvisory,
  isChanged,
  joinAnd,
  SEVERITY_ORDER,
  isTornadoSettingsDict,
  locationMarkdown,
  needsHuman,
  normalizePath,
  otherUses,
  plural,
  problemCell,
  problemFlags,
  sortFindings,
} from './wording.js';

export interface PullRequestWriteupOptions {
  /** `owner/name`: locations become links to the lines on GitHub. */
  repository?: string;
  serverUrl?: string;
  ref?: string;
  maxLength?: number;
  /** The project's test command (`npm test`), for the checklist; none when the project has none. */
  testCommand?: string;
}

const TITLE = '## Cookie flag fixes';
const FULL_REPORT = "the full report is in the workflow run's job summary";

function frameworkNames(findings: readonly Finding[], max = 4): string {
  const names = distinct(findings.map((finding) => frameworkNotes(finding.framework).name));
  const shown = names.slice(0, max);
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

// ── TL;DR ───────────────────────────────────────────────────────────────────────────────────────────────

function changedLine(findings: readonly Finding[], files: number): string {
  const changed = findings.filter(isChanged);
  if (changed.length === 0)
    return '**Changed:** no code; every finding below needs a person (see _Not changed_).';
  const perFlag = ATTRIBUTES.flatMap((flag) => {
    const count = changed.filter((finding) => finding.changedFlags.includes(flag)).length;
    return count === 0 ? [] : [`${ATTRIBUTE_LABEL[flag]} on ${plural(count, 'cookie', 'cookies')}`];
  });
  return `**Changed:** ${joinAnd(perFlag)}, in ${plural(files, 'file', 'files')} (${frameworkNames(changed)}); each edit only adds or turns on a flag.`;
}

function cookiesLine(findings: readonly Finding[]): string {
  const severities = (['high', 'medium', 'low'] as const).flatMap((severity) => {
    const count = findings.filter((finding) => finding.severity === severity && !isAdvisory(finding)).length;
    return count === 0 ? [] : [`${count.toLocaleString('en-US')} ${severity}`];
  });
  const changed = findings.filter(isChanged);
  const partial = changed.filter((finding) => flagsLeftAsIs(finding).length > 0).length;
  const human = findings.filter((finding) => !isChanged(finding) && needsHuman(finding)).length;
  const ignored = findings.filter((finding) => finding.outcome === 'ignored').length;
  const advisory = findings.filter(isAdvisory).length;
  const rest = findings.length - changed.length - human - ignored - advisory;
  const parts = [
    ...(changed.length > 0
      ? [
          `${changed.length.toLocaleString('en-US')} fixed here${partial > 0 ? ` (${partial.toLocaleString('en-US')} in part)` : ''}`,
        ]
      : []),
    ...(human > 0 ? [`${human.toLocaleString('en-US')} left for a human`] : []),
    ...(rest > 0 ? [`${rest.toLocaleString('en-US')} in test code, left as is`] : []),
    ...(ignored > 0 ? [`${ignored.toLocaleString('en-US')} ignored by comment`] : []),
    ...(advisory > 0 ? [plural(advisory, 'advisory note', 'advisory notes')] : []),
  ];
  const weak = findings.length - advisory;
  return `**Cookies:** ${plural(weak, 'finding', 'findings')}${severities.length > 0 ? ` (${severities.join(', ')} severity)` : ''}: ${joinAnd(parts)}.`;
}

/** The three lines, and any before-merging line the third does not already say. */
export function tldr(findings: readonly Finding[], files: number): string {
  const risk = biggestBreakRisk(findings);
  const third =
    risk === null
      ? '**Can break:** nothing this pull request changes; it edits no code.'
      : `**${risk.label}:** ${risk.text}`;
  const lines = [changedLine(findings, files), cookiesLine(findings), third].map((line) => `- ${line}`);
  const covered = new Set(risk?.covers ?? []);
  const more = distinct(
    findings
      .filter(isChanged)
      .flatMap((finding) => finding.beforeMerging.filter((line) => !covered.has(line))),
  );
  const also =
    more.length > 0
      ? `\n\n**Also before merging:**\n${more.map((line) => `- ${escapeProse(line)}`).join('\n')}`
      : '';
  return `${lines.join('\n')}${also}`;
}

// ── Findings table ──────────────────────────────────────────────────────────────────────────────────────

const MAX_FACT = 90;
const MAX_VALUE = 40;

function shortFact(fact: string): string {
  const line = fact.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_FACT) return line;
  const cut = line.slice(0, MAX_FACT);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

/** `sets HttpOnly, Secure = \`'auto'\``: a value is shown where it is not a plain true. */
function changeCell(finding: Finding): string {
  if (!isChanged(finding)) {
    if (finding.outcome === 'ignored') return 'none: ignored by comment';
    if (isAdvisory(finding)) return 'none: advisory';
    if (finding.outcome === 'conditional') return 'none: decided at run time';
    return needsHuman(finding) ? 'none: needs a human' : 'none: test code';
  }
  const written = new Map(writtenValues(finding).map((entry) => [entry.flag, entry.value]));
  const flags = finding.changedFlags.map((flag) => {
    const value = written.get(flag);
    return value === undefined || /^(?:true|True|1)$/.test(value)
      ? ATTRIBUTE_LABEL[flag]
      : `${ATTRIBUTE_LABEL[flag]} = ${codeSpan(abbreviate(value, MAX_VALUE))}`;
  });
  const left = flagsLeftAsIs(finding);
  const rest =
    left.length === 0
      ? ''
      : finding.outcome === 'manual'
        ? `; ${flagList(left)} needs a human`
        : `; ${flagList(left)} left as is`;
  return `sets ${flags.join(', ')}${rest}`;
}

function place(item: Evidence | Finding): string {
  return `${normalizePath(item.file)}:${item.line}`;
}

/** Places cited as evidence, numbered in table order: rows cite `E1`, and the legend says what each shows. */
function evidenceIds(findings: readonly Finding[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const finding of findings)
    for (const item of finding.evidence) if (!ids.has(place(item))) ids.set(place(item), ids.size + 1);
  return ids;
}

const MAX_CITED = 2;

/** The problem, and which project facts the decision rests on (by legend id: a shared fact is not repeated). */
function evidenceCell(finding: Finding, ids: ReadonlyMap<string, number>): string {
  const cited = distinct(finding.evidence.map((item) => `E${ids.get(place(item)) ?? 0}`));
  if (cited.length === 0) return problemCell(finding);
  const more = cited.length > MAX_CITED ? ` +${cited.length - MAX_CITED}` : '';
  return `${problemCell(finding)}; ${cited.slice(0, MAX_CITED).join(', ')}${more}`;
}

const MAX_LEGEND = 12;

/** Each cited place once, with what it shows. */
function evidenceLegend(findings: readonly Finding[], ids: ReadonlyMap<string, number>): string | null {
  const facts = new Map<string, string[]>();
  for (const finding of findings) {
    for (const item of finding.evidence) {
      const list = facts.get(place(item)) ?? [];
      if (!list.includes(item.fact)) list.push(item.fact);
      facts.set(place(item), list);
    }
  }
  if (facts.size === 0) return null;
  const lines = [...facts].slice(0, MAX_LEGEND).map(
    ([where, said]) =>
      `- E${ids.get(where) ?? 0} ${codeSpan(where)}: ${said
        .slice(0, 2)
        .map((fact) => escapeProse(shortFact(fact)))
        .join(' ')}`,
  );
  if (facts.size > MAX_LEGEND) lines.push(`- _${facts.size - MAX_LEGEND} more; ${FULL_REPORT}._`);
  return `**Evidence:**\n${lines.join('\n')}`;
}

function tableRow(finding: Finding, context: AnalysisContext, ids: ReadonlyMap<string, number>): string {
  const cells = [
    finding.severity,
    cookieLabel(finding),
    locationMarkdown(finding, context.link),
    changeCell(finding),
    evidenceCell(finding, ids),
  ];
  return `| ${cells.map(tableCell).join(' | ')} |`;
}

function overflowLine(what: string): (left: number) => string {
  return (left) => `_${plural(left, `more ${what}`, `more ${what}s`)} left out to fit; ${FULL_REPORT}._`;
}

function findingsTable(context: AnalysisContext): Section | null {
  if (context.findings.length === 0) return null;
  const ordered = [...context.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );
  const ids = evidenceIds(ordered);
  const rows = ordered.map((finding) => tableRow(finding, context, ids));
  const legend = evidenceLegend(ordered, ids);
  return {
    heading: '### Findings',
    blocks: [],
    list: {
      head: '| Severity | Cookie | Where | Change | Evidence |\n| --- | --- | --- | --- | --- |',
      items: rows,
      separator: '\n',
      overflow: overflowLine('row'),
    },
    after: legend === null ? [] : [legend],
  };
}

// ── Folded detail ───────────────────────────────────────────────────────────────────────────────────────

/** `<summary>` is HTML: our Markdown code spans become `<code>`. */
function summaryHtml(markdown: string): string {
  return markdown.replace(/`([^`]+)`/g, '<code>$1</code>');
}

function folded(summary: string, blocks: string[], detail: boolean): Section {
  return {
    heading: `<details>\n<summary>${summary}</summary>`,
    blocks,
    after: ['</details>'],
    detail,
  };
}

function changedNames(findings: readonly Finding[], flag: Attribute): string {
  const hits = findings.filter((finding) => isChanged(finding) && finding.changedFlags.includes(flag));
  const named = distinct(hits.flatMap((finding) => cookieName(finding) ?? []));
  const unnamed = hits.length - hits.filter((finding) => cookieName(finding) !== null).length;
  const shown = named.slice(0, 8).map(codeSpan);
  const parts = [...shown];
  if (named.length > shown.length) parts.push(plural(named.length - shown.length, 'other', 'others'));
  if (unnamed > 0) parts.push(plural(unnamed, 'unnamed cookie', 'unnamed cookies'));
  return joinAnd(parts);
}

/** What a flag does for the cookies named beside it, in a few words (the paragraphs above say it in full). */
const STOPS: Record<Attribute, string> = {
  httpOnly: 'out of reach of page scripts',
  secure: 'sent over HTTPS only',
  sameSite: 'kept off cross-site requests',
};

/** What each flag stops, said once for the whole pull request. */
const THREATS: Record<Attribute, string> = {
  httpOnly:
    'keeps the cookie out of `document.cookie` and every script API, so script injected through an XSS bug or a compromised dependency cannot copy a session out and replay it elsewhere. It does not stop the XSS itself, and a cookie the page must read (a double-submit CSRF token) cannot have it.',
  secure:
    'the browser sends the cookie over HTTPS only, so a plain-HTTP request (an old `http://` link, a downgrade forced on shared Wi-Fi) no longer hands it to anyone on the path. It protects only where the site is served over HTTPS.',
  sameSite:
    'the browser leaves the cookie off requests that other sites start, which cross-site request forgery relies on; it complements CSRF tokens rather than replacing them.',
};

/** What one framework does by default, what this PR changes in it, and what can break: said once. */
function frameworkSection(framework: string, findings: readonly Finding[]): Section {
  const notes = frameworkNotes(framework);
  const own = findings.filter((finding) => finding.framework === framework);
  const bullets = [`- **Default:** ${notes.defaultBehaviour}`];
  const changes = ATTRIBUTES.flatMap((flag) => {
    const names = changedNames(own, flag);
    return names === '' ? [] : [`${ATTRIBUTE_LABEL[flag]} on ${names} (${STOPS[flag]})`];
  });
  if (changes.length > 0) bullets.push(`- **Changed here:** ${changes.join('; ')}.`);
  const secureMatters = own.some(
    (finding) =>
      (isChanged(finding) && finding.changedFlags.includes('secure')) ||
      (finding.outcome === 'conditional' && problemFlags(finding).includes('secure')),
  );
  // Only where a proxy can make Secure break something, or the project looks proxied: elsewhere the
  // framework writes the attribute whatever the request, and saying so is noise.
  const proxyMatters =
    notes.proxyTrust !== undefined || own.some((finding) => finding.beforeMerging.length > 0);
  if (secureMatters && proxyMatters && notes.behindProxy !== undefined)
    bullets.push(`- **Behind a TLS-terminating proxy:** ${notes.behindProxy}`);
  if (secureMatters && notes.overPlainHttp !== undefined)
    bullets.push(`- **On a plain-HTTP dev server:** ${notes.overPlainHttp}`);
  const dict = own.find(isTornadoSettingsDict);
  if (dict !== undefined && notes.unreadOptionsDict !== undefined) {
    const uses = otherUses(dict);
    bullets.push(
      `- **Options dict:** ${uses.length === 0 ? notes.unreadOptionsDict.unused : `${notes.unreadOptionsDict.splatted} Splatted at ${uses.map(codeSpan).join(', ')}.`}`,
    );
  }
  const summary = `<b>${summaryHtml(notes.name)}</b>: ${plural(own.length, 'finding', 'findings')}; defaults and what can break`;
  return folded(summary, [bullets.join('\n')], true);
}

function frameworkSections(findings: readonly Finding[]): Section[] {
  const frameworks = distinct(findings.map((finding) => finding.framework)).sort((a, b) => {
    const nameA = frameworkNotes(a).name.toLowerCase();
    const nameB = frameworkNotes(b).name.toLowerCase();
    return nameA < nameB ? -1 : nameA > nameB ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
  return frameworks.map((framework) => frameworkSection(framework, findings));
}

/** What each flag stops, once for the whole PR, and what applies to every framework. */
function flagsSection(findings: readonly Finding[]): Section | null {
  const flags = ATTRIBUTES.filter((flag) => findings.some((finding) => problemFlags(finding).includes(flag)));
  if (flags.length === 0) return null;
  const threats = flags
    .map((flag) => `**${ATTRIBUTE_LABEL[flag]}** ([${CWE[flag].id}](${CWE[flag].url})): ${THREATS[flag]}`)
    .join('\n\n');
  const items: string[] = [];
  const secureAdded = findings.some(
    (finding) => isChanged(finding) && finding.changedFlags.includes('secure'),
  );
  if (secureAdded)
    items.push(
      '- **Local development:** browsers refuse a Secure cookie on `http://` pages other than `localhost`; serve development over HTTPS rather than turning the flag off.',
    );
  const blocks = items.length > 0 ? [threats, items.join('\n')] : [threats];
  return folded(
    `<b>What ${flagList(flags)} ${flags.length === 1 ? 'stops' : 'stop'}</b>, for every framework`,
    blocks,
    true,
  );
}

const MAX_GROUP_NAMES = 10;

/**
 * The findings left as they are, folded under a count: findings that share a label and reasons are one line
 * (the same sentence is not repeated for each cookie), with their places.
 */
function notChangedSection(context: AnalysisContext): Section | null {
  const entries = context.findings.flatMap((finding) => {
    const category = notChangedCategory(finding);
    return category === null ? [] : [{ finding, category, ...notChangedWords(finding, category) }];
  });
  if (entries.length === 0) return null;
  const groups = groupBy(
    entries,
    (entry) =>
      `${entry.category}\0${entry.label}\0${entry.reasons.join(' ')}\0${isBrowserCode(entry.finding)}`,
  );
  const items = [...groups.values()].map((group) => {
    const first = group[0]!;
    const browser = isBrowserCode(first.finding) ? ' (browser code)' : '';
    const reasons = first.reasons.join(' ');
    if (group.length === 1) {
      const { finding } = first;
      return `- ${locationMarkdown(finding, context.link)}, ${cookieLabel(finding)} (${frameworkNotes(finding.framework).name}): **${first.label}**${browser}. ${reasons}`;
    }
    const names = group.slice(0, MAX_GROUP_NAMES).map(({ finding }) => cookieLabel(finding));
    const more = group.length > MAX_GROUP_NAMES ? ` and ${group.length - MAX_GROUP_NAMES} more` : '';
    const label = `${first.label.charAt(0).toUpperCase()}${first.label.slice(1)}`;
    return `- **${label}**${browser}, ${group.length.toLocaleString('en-US')} findings (places in the table): ${names.join(', ')}${more}. ${reasons}`;
  });
  // Each line carries its own label and reasons; only a run-time decision needs more than its label says.
  const blocks = entries.some((entry) => entry.category === 'conditional')
    ? [CATEGORY_EXPLANATION.conditional]
    : [];
  if (entries.some((entry) => isBrowserCode(entry.finding))) blocks.push(BROWSER_CODE_NOTE);
  const count = entries.length;
  return {
    ...folded(
      `<b>Not changed</b>: ${plural(count, 'finding', 'findings')} left as ${count === 1 ? 'it is' : 'they are'}, with the reasons`,
      blocks,
      false,
    ),
    list: { items, separator: '\n', overflow: overflowLine('line') },
  };
}

// ── Checklist ───────────────────────────────────────────────────────────────────────────────────────────

function checklistSection(
  findings: readonly Finding[],
  testCommand: string | undefined,
  changes: ScanResult['changes'],
): Section {
  const texts = new Map(changes.map((change) => [normalizePath(change.file), change.before]));
  const plan = buildVerificationPlan(findings, testCommand, texts);
  const empty = plan.items.length === 0;
  return {
    heading: '### Verification checklist',
    blocks: empty
      ? ['No cookie flag changes here, so there is nothing to check by hand.']
      : plan.intro === null
        ? []
        : [plan.intro],
    list: { items: plan.items, separator: '\n', overflow: overflowLine('check') },
    essential: true,
  };
}

// ── Assembly ────────────────────────────────────────────────────────────────────────────────────────────

function buildWriteup(result: ScanResult, options: PullRequestWriteupOptions): Document {
  const context: AnalysisContext = {
    findings: sortFindings(result.findings),
    mode: 'pr',
    link: {
      ...(options.repository === undefined ? {} : { repository: options.repository }),
      serverUrl: options.serverUrl ?? 'https://github.com',
      ref: options.ref ?? 'HEAD',
    },
    fullReport: FULL_REPORT,
  };
  const { findings } = context;
  const opening =
    findings.length === 0
      ? [TITLE, 'cookie-hardener found no cookie whose HttpOnly or Secure flag is missing where it matters.']
      : [TITLE, tldr(findings, result.changes.length)];
  const sections = [
    findingsTable(context),
    flagsSection(findings),
    ...frameworkSections(findings),
    notChangedSection(context),
    checklistSection(findings, options.testCommand, result.changes),
    skippedFiles(context, result.skipped),
  ].filter((section): section is Section => section !== null);
  return { opening, sections };
}

const SHRINKING: Shrinking = {
  detailDropped: `_The per-framework detail is left out to fit the length limit; ${FULL_REPORT}._`,
  nothingFits: `_The report is too long to show here; ${FULL_REPORT}._`,
};

export function renderPullRequestWriteup(result: ScanResult, options: PullRequestWriteupOptions): string {
  const document = buildWriteup(result, options);
  return options.maxLength === undefined
    ? renderDocument(document, SHRINKING)
    : renderDocumentWithin(document, SHRINKING, options.maxLength);
}
