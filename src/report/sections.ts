// The sections of the analysis writeup. Each is built only from what the scan found: a section with nothing
// to say about this repository returns null rather than generic advice.
import { ATTRIBUTE_LABEL } from '../attributes.js';
import { ATTRIBUTES } from '../model.js';
import type {
  CookieKind,
  FileChange,
  Finding,
  Attribute,
  FlagDefault,
  ProblemKind,
  ScanResult,
  SkippedFile,
} from '../model.js';
import { isTestFile } from '../languages/index.js';
import { buildChecklist } from './checklist.js';
import type { Section } from './document.js';
import { codeSpan, escapeProse, tableCell } from './escape.js';
import { defaultsOf, frameworkNotes, isBrowserCode } from './framework-notes.js';
import type { AnalysisMode, LinkTarget } from './wording.js';
import {
  CWE,
  cookieLabel,
  cookieName,
  flagList,
  flagsLeftAsIs,
  isChanged,
  isAdvisory,
  isTornadoSettingsDict,
  locationMarkdown,
  needsHuman,
  normalizePath,
  otherUses,
  outcomeInWords,
  parseProblem,
  plural,
  problemFlags,
  problemCell,
} from './wording.js';

export interface AnalysisContext {
  /** In report order. */
  findings: Finding[];
  mode: AnalysisMode;
  link: LinkTarget;
  /** Where the reader finds what a shortened document leaves out. */
  fullReport: string;
}

function overflowLine(context: AnalysisContext, what: string): (left: number) => string {
  return (left) =>
    `_${plural(left, `more ${what}`, `more ${what}s`)} left out to fit the length limit; ${context.fullReport}._`;
}

/** Distinct values in first-seen order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Frameworks in a stable order: by display name, then id. */
function sortedFrameworks(frameworks: Iterable<string>): string[] {
  return distinct(frameworks).sort((a, b) => {
    const nameA = frameworkNotes(a).name.toLowerCase();
    const nameB = frameworkNotes(b).name.toLowerCase();
    return nameA < nameB ? -1 : nameA > nameB ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

function involvedFlags(findings: readonly Finding[]): Attribute[] {
  const flags = new Set(findings.flatMap(problemFlags));
  return ATTRIBUTES.filter((flag) => flags.has(flag));
}

function changesFlag(finding: Finding, flag: Attribute): boolean {
  return isChanged(finding) && finding.changedFlags.includes(flag);
}

// ── Summary ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * What must be done alongside the fixes for them to work (a missing proxy setting, with the line to add):
 * first in the document, because merging without it silently loses the cookie.
 */
export function beforeMergingBlock(context: AnalysisContext): string | null {
  const byLine = new Map<string, string[]>();
  for (const finding of context.findings) {
    if (!isChanged(finding)) continue;
    for (const line of finding.beforeMerging) {
      const names = byLine.get(line) ?? [];
      const name = cookieName(finding);
      if (name !== null && !names.includes(name)) names.push(name);
      byLine.set(line, names);
    }
  }
  if (byLine.size === 0) return null;
  return [...byLine]
    .map(([line, names]) => {
      const cookies = names.length > 0 ? ` (${nameList(names)})` : '';
      return `- **Before merging${cookies}:** ${escapeProse(line)}`;
    })
    .join('\n');
}

export function summaryParagraph(
  context: AnalysisContext,
  changes: readonly FileChange[],
  skipped: readonly SkippedFile[],
): string {
  const summary = summarySentences(context, changes, skipped);
  const first = beforeMergingBlock(context);
  return first === null ? summary : `${first}\n\n${summary}`;
}

function summarySentences(
  context: AnalysisContext,
  changes: readonly FileChange[],
  skipped: readonly SkippedFile[],
): string {
  const { findings, mode } = context;
  const sentences: string[] = [];
  const skippedSentence =
    skipped.length > 0
      ? `${plural(skipped.length, 'file', 'files')} could not be scanned (see _Files not scanned_).`
      : null;

  const weaknesses = findings.filter((finding) => !isAdvisory(finding));
  const advisories = findings.length - weaknesses.length;
  const advisorySentence =
    advisories > 0
      ? `${plural(advisories, 'advisory note points', 'advisory notes point')} at code that is not a weakness by itself but does not do what it seems to (see _Not changed, and why_).`
      : null;

  if (weaknesses.length === 0) {
    sentences.push(
      'cookie-hardener found no cookie whose HttpOnly or Secure flag is missing where it matters.',
    );
    if (advisorySentence !== null) sentences.push(advisorySentence);
    if (skippedSentence !== null) sentences.push(skippedSentence);
    return sentences.join(' ');
  }

  const files = distinct(weaknesses.map((finding) => normalizePath(finding.file))).length;
  const flags = involvedFlags(weaknesses);
  sentences.push(
    `cookie-hardener found ${plural(weaknesses.length, 'place', 'places')} in ${plural(files, 'file', 'files')} where a cookie's ${flags.map((flag) => ATTRIBUTE_LABEL[flag]).join(' or ')} flag is not reliably set.`,
  );

  const changed = findings.filter(isChanged);
  const howMany = (count: number) =>
    count === weaknesses.length
      ? count === 1
        ? 'it'
        : 'all of them'
      : `${count.toLocaleString('en-US')} of them`;
  const fixed = changed.filter((finding) => finding.outcome === 'fixed').length;
  const fixable = changed.length - fixed;
  if (fixed > 0) {
    sentences.push(
      mode === 'pr'
        ? `This pull request fixes ${howMany(fixed)}.`
        : `cookie-hardener fixed ${howMany(fixed)} in place.`,
    );
  }
  if (fixable > 0) sentences.push(`\`cookie-hardener fix\` can fix ${howMany(fixable)} automatically.`);
  const partial = changed.filter((finding) => flagsLeftAsIs(finding).length > 0).length;
  if (partial > 0) {
    sentences.push(
      `In ${plural(partial, 'case', 'cases')}, one flag stays as it was on purpose (see _Not changed, and why_).`,
    );
  }
  const human = findings.filter(needsHuman).length;
  if (human > 0) {
    sentences.push(
      `${plural(human, 'finding needs', 'findings need')} a decision from someone who knows how the application is deployed.`,
    );
  }
  const ignored = findings.filter((finding) => finding.outcome === 'ignored').length;
  if (ignored > 0) {
    sentences.push(
      `${plural(ignored, 'finding is', 'findings are')} silenced by a \`cookie-hardener-ignore\` comment.`,
    );
  }
  if (advisorySentence !== null) sentences.push(advisorySentence);
  if (changes.length > 0) {
    const edits = mode === 'scan' ? 'The fix would edit' : 'The edits touch';
    sentences.push(
      `${edits} ${plural(changes.length, 'file', 'files')}; each edit only adds or flips a flag, and every edited file was parsed again to check that nothing outside the edit changed.`,
    );
  }
  if (skippedSentence !== null) sentences.push(skippedSentence);
  return sentences.join(' ');
}

// ── Findings table ──────────────────────────────────────────────────────────────────────────────────────

export function findingsTable(context: AnalysisContext): Section | null {
  if (context.findings.length === 0) return null;
  const rows = context.findings.map((finding) => {
    const cells = [
      locationMarkdown(finding, context.link),
      frameworkNotes(finding.framework).name,
      cookieLabel(finding),
      problemCell(finding),
      outcomeWithEvidence(finding),
    ];
    return `| ${cells.map(tableCell).join(' | ')} |`;
  });
  return {
    heading: '### Findings',
    blocks: [],
    list: {
      head: '| Location | Framework | Cookie | Problem | Outcome |\n| --- | --- | --- | --- | --- |',
      items: rows,
      separator: '\n',
      overflow: overflowLine(context, 'row'),
    },
  };
}

/** The outcome, and where in the project the facts it rests on are (`web/store.js:12`). */
function outcomeWithEvidence(finding: Finding): string {
  const outcome = outcomeInWords(finding);
  if (finding.evidence.length === 0) return outcome;
  const places = distinct(finding.evidence.map((item) => `${normalizePath(item.file)}:${item.line}`));
  const shown = places.slice(0, 3).map(codeSpan).join(', ');
  const more = places.length > 3 ? ` and ${places.length - 3} more` : '';
  return `${outcome} (evidence: ${shown}${more})`;
}

/** Each fact with its place, for the per-finding detail. */
function evidenceItems(finding: Finding): string[] {
  return finding.evidence.map(
    (item) => `${codeSpan(`${normalizePath(item.file)}:${item.line}`)}: ${escapeProse(item.fact)}`,
  );
}

// ── Threats ─────────────────────────────────────────────────────────────────────────────────────────────

const THREAT: Record<Attribute, string> = {
  sameSite:
    "the browser leaves the cookie off requests that other sites start (`Lax` still sends it on top-level links; `Strict` never does). Without it, a form on another site can post to this one with the victim's session attached, which is what cross-site request forgery relies on. SameSite complements CSRF tokens; it does not replace them for older browsers.",
  httpOnly:
    "the browser still sends the cookie with every request but keeps it out of `document.cookie` and every other script API. When an attacker gets script into a page (an XSS bug, a compromised dependency or analytics tag), they can act inside the victim's open tab but cannot copy the session out and replay it from their own machine. HttpOnly does not stop the XSS itself, and a cookie that front-end code must read (a double-submit CSRF token) cannot have it.",
  secure:
    'the browser sends the cookie only over HTTPS. Without it, any plain-HTTP request to the site (a typed `http://` address, an old link or bookmark, or one forced by an attacker on the same network) carries the cookie unencrypted for anyone on the path to copy. Secure protects the cookie only where the site itself is served over HTTPS, and HSTS keeps browsers from trying plain HTTP at all.',
};

export function flagThreats(context: AnalysisContext): Section | null {
  const flags = involvedFlags(context.findings);
  if (flags.length === 0) return null;
  return {
    heading: '### What these flags stop',
    blocks: flags.map(
      (flag) => `**${ATTRIBUTE_LABEL[flag]}** ([${CWE[flag].id}](${CWE[flag].url})): ${THREAT[flag]}`,
    ),
  };
}

// ── Framework defaults ──────────────────────────────────────────────────────────────────────────────────

export function frameworkDefaults(context: AnalysisContext): Section | null {
  const frameworks = sortedFrameworks(context.findings.map((finding) => finding.framework));
  if (frameworks.length === 0) return null;
  return {
    heading: '### What the framework does by default',
    blocks: [
      frameworks
        .map((framework) => {
          const notes = frameworkNotes(framework);
          return `- **${notes.name}**: ${notes.defaultBehaviour}`;
        })
        .join('\n'),
    ],
  };
}

// ── Gap assessment ──────────────────────────────────────────────────────────────────────────────────────

/** What the cookie is, said once before the reasons per flag. */
const KIND_INTRO: Record<CookieKind, string | null> = {
  session: 'This cookie identifies a logged-in user.',
  csrf: "This is an anti-CSRF token that the page's own JavaScript reads and sends back in a header or form field.",
  other: null,
};

/** Why a flag matters for a kind of cookie, worded by whether the fix changes it where that matters. */
type Reason = string | { changed: string; left: string };

const SESSION_SCRIPT_THEFT =
  'Any script that can read it, whether injected through an XSS bug or shipped in a compromised library, can send it to an attacker, who then holds the session from their own machine until it expires.';

const WHY: Record<CookieKind, Record<Attribute, Reason>> = {
  session: {
    sameSite:
      "Sent along with requests other sites start, it lets a forged cross-site request act with this user's session.",
    httpOnly: SESSION_SCRIPT_THEFT,
    secure:
      'One request over plain HTTP (an old `http://` link, a captive portal, a downgraded connection on public Wi-Fi) exposes it to anyone on the network path, and the copy works as a login.',
  },
  csrf: {
    sameSite: 'Keeping it off cross-site requests adds a second line of defence to the token check.',
    httpOnly: {
      changed:
        'With HttpOnly the page can no longer read it, so check that the front end takes the token from a form field or meta tag instead.',
      left: 'cookie-hardener never adds HttpOnly to it: that would break those requests, and the token protects because other sites cannot read it, not because this page cannot.',
    },
    secure:
      'Seen on the wire, it lets someone on the same network craft requests that pass the token check, so it should travel only over HTTPS.',
  },
  other: {
    sameSite: 'SameSite keeps the value off requests other sites start.',
    httpOnly: {
      changed:
        'With HttpOnly, front-end code can no longer read it, which is the point if it says anything about the user.',
      left: 'The name does not suggest a session or credential, and front-end code may read this cookie, so a missing HttpOnly is reported at low severity and not changed. If the value identifies or authorises the user, make it HttpOnly by hand.',
    },
    secure:
      'Secure costs nothing on a site served over HTTPS and keeps the value off any stray plain-HTTP request.',
  },
};

function whyItMatters(finding: Finding): string {
  const flags = ATTRIBUTES.filter(
    (flag) => problemFlags(finding).includes(flag) || flagsLeftAsIs(finding).includes(flag),
  );
  const reasons = flags.map((flag) => {
    const reason = WHY[finding.kind][flag];
    if (typeof reason === 'string') return reason;
    return finding.changedFlags.includes(flag) ? reason.changed : reason.left;
  });
  const intro = KIND_INTRO[finding.kind];
  return [...(intro === null ? [] : [intro]), ...reasons].join(' ');
}

const PROBLEM_ORDER: readonly ProblemKind[] = ['missing', 'false', 'conditional', 'unknown'];

/** One sentence per kind of problem (and framework default), naming all the flags it applies to. */
function currentState(finding: Finding): string[] {
  const notes = frameworkNotes(finding.framework);
  const ruleDefaults = defaultsOf(finding);
  const problems = finding.problems.map(parseProblem);
  const sentences: string[] = [];
  for (const kind of PROBLEM_ORDER) {
    const flags = ATTRIBUTES.filter((flag) =>
      problems.some((problem) => problem.kind === kind && problem.flag === flag),
    );
    const defaults = distinct(flags.map((flag) => ruleDefaults[flag]));
    for (const fallback of defaults) {
      const group = flags.filter((flag) => ruleDefaults[flag] === fallback);
      const many = group.length > 1;
      const subject = `${flagList(group)} ${many ? 'are' : 'is'}`;
      sentences.push(stateSentence(kind, fallback, subject, many, notes.name));
    }
  }
  return sentences;
}

function stateSentence(
  kind: ProblemKind,
  fallback: FlagDefault | undefined,
  subject: string,
  many: boolean,
  framework: string,
): string {
  switch (kind) {
    case 'missing':
      if (fallback === 'off')
        return `${subject} not set, and ${framework} leaves ${many ? 'them' : 'it'} off when the option is missing.`;
      if (fallback === 'auto')
        return `${subject} not set, so ${framework} decides from whether each request looks like HTTPS.`;
      return `${subject} not set.`;
    case 'false':
      return fallback === 'on'
        ? `${subject} turned off explicitly, overriding ${framework}'s default.`
        : `${subject} turned off explicitly.`;
    case 'conditional':
      return `${subject} decided by an expression evaluated at run time.`;
    case 'unknown':
      return `${subject} set by options the scan cannot see (a spread, \`**kwargs\` or a parameter).`;
  }
}

function changeSentence(finding: Finding, mode: AnalysisMode): string {
  if (!isChanged(finding)) return 'Nothing is changed here.';
  const flags = flagList(finding.changedFlags);
  // A partly changed finding stays `manual`; only the mode tells whether its edit was proposed or made.
  if (finding.outcome === 'fixable' || (finding.outcome === 'manual' && mode === 'scan'))
    return `\`cookie-hardener fix\` would set ${flags} here.`;
  return mode === 'pr' ? `This pull request sets ${flags} here.` : `cookie-hardener set ${flags} here.`;
}

/** A labelled bullet whose value is one sentence, or a nested list when there are several. */
function bulletWithItems(label: string, items: readonly string[]): string {
  if (items.length === 1) return `- **${label}:** ${items[0] ?? ''}`;
  return [`- **${label}:**`, ...items.map((item) => `  - ${item}`)].join('\n');
}

function tornadoDictNote(finding: Finding): string {
  const dict = frameworkNotes(finding.framework).unreadOptionsDict;
  return (otherUses(finding).length === 0 ? dict?.unused : dict?.splatted) ?? '';
}

function assessment(finding: Finding, context: AnalysisContext): string {
  const notes = frameworkNotes(finding.framework);
  const flags = problemFlags(finding);
  const heading = `#### ${locationMarkdown(finding, context.link)}: ${cookieLabel(finding)} (${notes.name})`;
  // The rule's message repeats what the bullets below say, except for an advisory, where it is the point.
  const bullets = isAdvisory(finding) ? [`- **Reported:** ${escapeProse(finding.message)}`] : [];
  const now = currentState(finding);
  if (now.length > 0) bullets.push(`- **Now:** ${now.join(' ')}`);
  if (!isAdvisory(finding)) bullets.push(`- **Why it matters for this cookie:** ${whyItMatters(finding)}`);
  if (isBrowserCode(finding) && flags.includes('httpOnly')) {
    bullets.push(
      '- **Browser code:** HttpOnly cannot be set from script. If this cookie holds a session or token, the server has to issue it in a `Set-Cookie` header instead.',
    );
  }
  // The advisory's own message already explains an unused dict.
  if (isTornadoSettingsDict(finding) && !isAdvisory(finding))
    bullets.push(`- **${notes.name}:** ${tornadoDictNote(finding)}`);
  bullets.push(`- **Change:** ${changeSentence(finding, context.mode)}`);
  if (finding.notChangedReasons.length > 0)
    bullets.push(bulletWithItems('Left as is', finding.notChangedReasons.map(escapeProse)));
  const uses = otherUses(finding);
  if (uses.length > 0) bullets.push(`- **These options are used at:** ${uses.map(codeSpan).join(', ')}`);
  if (finding.evidence.length > 0) bullets.push(bulletWithItems('Evidence', evidenceItems(finding)));
  if (finding.notes.length > 0) bullets.push(bulletWithItems('Notes', finding.notes.map(escapeProse)));
  return `${heading}\n\n${bullets.join('\n')}`;
}

export function gapAssessment(context: AnalysisContext): Section | null {
  if (context.findings.length === 0) return null;
  return {
    heading: '### Gap assessment',
    blocks: context.findings.map((finding) => assessment(finding, context)),
    detail: true,
  };
}

// ── Not changed ─────────────────────────────────────────────────────────────────────────────────────────

export type NotChangedCategory = 'conditional' | 'manual' | 'tests' | 'partial' | 'advisory' | 'ignored';
const CATEGORY_ORDER: readonly NotChangedCategory[] = [
  'conditional',
  'manual',
  'tests',
  'partial',
  'advisory',
  'ignored',
];

export const CATEGORY_EXPLANATION: Record<NotChangedCategory, string> = {
  conditional:
    "**Decided at run time:** the flag's value is an expression such as `secure: isProd` or `not DEBUG`. cookie-hardener reports it but does not rewrite it, because the expression is usually deliberate; check that it is true in every deployed environment, staging and preview deployments included.",
  manual: '**Needs a manual fix:** no small, safe edit could be made here; each item says why.',
  tests: '**Test code:** reported so it is not copied into production code, but not changed.',
  partial: '**One flag left as is:** the other flag was fixed; each item says why this one was not.',
  advisory:
    '**Advisory:** nothing to set at this line, but the code does not do what it appears to; each item says why.',
  ignored: '**Ignored:** the code carries a `cookie-hardener-ignore` comment.',
};

const CATEGORY_LABEL: Record<NotChangedCategory, string> = {
  conditional: 'decided at run time',
  manual: 'needs a manual fix',
  tests: 'test code, left as is',
  partial: 'left as is',
  advisory: 'advisory',
  ignored: 'ignored by comment',
};

export function notChangedCategory(finding: Finding): NotChangedCategory | null {
  if (finding.outcome === 'ignored') return 'ignored';
  if (isAdvisory(finding)) return 'advisory';
  if (finding.outcome === 'conditional') return 'conditional';
  if (!isChanged(finding)) return isTestFile(normalizePath(finding.file)) ? 'tests' : 'manual';
  return flagsLeftAsIs(finding).length > 0 ? 'partial' : null;
}

/** How a finding that is left alone is described: a bold label, and the sentences that say why. */
export function notChangedWords(
  finding: Finding,
  category: NotChangedCategory,
): { label: string; reasons: string[] } {
  const label =
    category === 'partial' ? `${flagList(flagsLeftAsIs(finding))} left as is` : CATEGORY_LABEL[category];
  const reasons =
    category !== 'advisory' && finding.notChangedReasons.length > 0
      ? finding.notChangedReasons.map(escapeProse)
      : category === 'ignored'
        ? ['The comment in the code says why.']
        : category === 'partial' && finding.kind === 'csrf'
          ? ["The page's own JavaScript reads CSRF tokens, so HttpOnly is never added to them."]
          : [escapeProse(finding.message)];
  return { label, reasons };
}

function notChangedItem(finding: Finding, category: NotChangedCategory, context: AnalysisContext): string {
  const notes = frameworkNotes(finding.framework);
  const { label, reasons } = notChangedWords(finding, category);
  const browser = isBrowserCode(finding) ? ' (browser code)' : '';
  return `- ${locationMarkdown(finding, context.link)}, ${cookieLabel(finding)} (${notes.name}): **${label}**${browser}. ${reasons.join(' ')}`;
}

export const BROWSER_CODE_NOTE =
  '**Browser code:** cookies written by script (js-cookie, universal-cookie, `document.cookie`) can never be HttpOnly; a session or token written there has to move to a cookie the server sets.';

export function notChanged(context: AnalysisContext): Section | null {
  const entries = context.findings.flatMap((finding) => {
    const category = notChangedCategory(finding);
    return category === null ? [] : [{ finding, category }];
  });
  if (entries.length === 0) return null;
  const categories = CATEGORY_ORDER.filter((category) =>
    entries.some((entry) => entry.category === category),
  );
  const blocks = categories.map((category) => CATEGORY_EXPLANATION[category]);
  if (entries.some((entry) => isBrowserCode(entry.finding))) blocks.push(BROWSER_CODE_NOTE);
  return {
    heading: '### Not changed, and why',
    blocks,
    list: {
      items: entries.map((entry) => notChangedItem(entry.finding, entry.category, context)),
      separator: '\n',
      overflow: overflowLine(context, 'finding'),
    },
  };
}

// ── Deployment cautions ─────────────────────────────────────────────────────────────────────────────────

const MAX_NAMES = 10;

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMES).map(codeSpan);
  const left = names.length - shown.length;
  return left > 0 ? `${shown.join(', ')} and ${plural(left, 'other', 'others')}` : shown.join(', ');
}

export function deploymentCautions(context: AnalysisContext): Section | null {
  const { findings } = context;
  const items: string[] = [];

  // Secure interacts with the deployment wherever it is added or left to a condition.
  const secureFrameworks = sortedFrameworks(
    findings
      .filter(
        (finding) =>
          changesFlag(finding, 'secure') ||
          (finding.outcome === 'conditional' && problemFlags(finding).includes('secure')),
      )
      .map((finding) => finding.framework),
  );
  for (const framework of secureFrameworks) {
    const notes = frameworkNotes(framework);
    if (notes.behindProxy !== undefined)
      items.push(`- **${notes.name} behind a proxy that terminates TLS:** ${notes.behindProxy}`);
  }

  const secureAdded = findings.filter((finding) => changesFlag(finding, 'secure'));
  if (secureAdded.length > 0) {
    const specifics = sortedFrameworks(secureAdded.map((finding) => finding.framework)).flatMap(
      (framework) => {
        const overPlainHttp = frameworkNotes(framework).overPlainHttp;
        return overPlainHttp === undefined ? [] : [overPlainHttp];
      },
    );
    items.push(
      [
        '- **Local development over plain HTTP:** once Secure is on, browsers refuse to store or send the cookie on `http://` pages (some make an exception for `http://localhost`, none for a LAN address or a custom host name), so logins stop sticking on such dev servers.',
        ...specifics,
        'Serve the dev server over HTTPS (a locally trusted certificate) rather than turning the flag off; if it has to be off in development, tie that to an explicit development setting, not to the absence of a production one.',
      ].join(' '),
    );
  }

  const httpOnlyNames = distinct(
    findings
      .filter((finding) => changesFlag(finding, 'httpOnly'))
      .flatMap((finding) => cookieName(finding) ?? []),
  ).sort();
  if (findings.some((finding) => changesFlag(finding, 'httpOnly'))) {
    const named = httpOnlyNames.length > 0 ? ` (${nameList(httpOnlyNames)})` : '';
    items.push(
      `- **Scripts that read these cookies:** after HttpOnly is set, \`document.cookie\` no longer shows the cookies${named}. Search the front-end code for their names before merging; code that read them must get what it needs from an API response instead.`,
    );
  }

  if (items.length === 0) return null;
  return { heading: '### Deployment cautions', blocks: [items.join('\n')] };
}

// ── Recommendations ─────────────────────────────────────────────────────────────────────────────────────

export function recommendations(context: AnalysisContext): Section | null {
  const { findings } = context;
  const flags = involvedFlags(findings);
  const sessions = findings.filter((finding) => finding.kind === 'session');
  const sessionFrameworks = sortedFrameworks(sessions.map((finding) => finding.framework));
  const items: string[] = [];

  if (flags.includes('secure')) {
    items.push(
      '- **HSTS:** send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on HTTPS responses so browsers stop making the plain-HTTP requests that Secure guards against. Start with a short `max-age`, and add `includeSubDomains` only once every subdomain serves HTTPS.',
    );
  }
  if (flags.includes('httpOnly')) {
    items.push(
      '- **The XSS itself:** HttpOnly limits what injected script can take, not whether it runs; keep output encoding and a Content-Security-Policy that blocks inline script.',
    );
  }
  if (sessions.length > 0) {
    items.push(
      "- **Session lifetime:** give session cookies a bounded lifetime (the framework's max-age or expiry option) and expire idle sessions on the server, so a stolen cookie stops working soon.",
    );
    const regeneration = sessionFrameworks.flatMap((framework) => {
      const notes = frameworkNotes(framework);
      return notes.sessionRegeneration === undefined
        ? []
        : [`in ${notes.name}, ${notes.sessionRegeneration}`];
    });
    items.push(
      `- **A new session at login:** issue a fresh session id when a user logs in or gains privileges, so an id planted before login is worthless after it${regeneration.length > 0 ? ` (${regeneration.join('; ')})` : ''}.`,
    );
    const secrets = sessionFrameworks.flatMap((framework) => {
      const notes = frameworkNotes(framework);
      return notes.secretSetting === undefined ? [] : [`${notes.secretSetting} for ${notes.name}`];
    });
    items.push(
      `- **Unguessable ids and secrets:** session ids and signing keys must come from a cryptographically secure random source (128 bits or more), and the signing secret${secrets.length > 0 ? ` (${secrets.join(', ')})` : ''} belongs in the deployment's secret store, not in the repository.`,
    );
  }
  if (findings.some((finding) => finding.kind === 'session' || finding.kind === 'csrf')) {
    items.push(
      '- **SameSite:** `SameSite=Lax` (or `Strict` where no cross-site link needs to arrive logged in) stops browsers from attaching the cookie to cross-site form posts. cookie-hardener adds it only when SameSite is enabled in its `flags` setting.',
    );
  }
  if (items.length === 0) return null;
  return { heading: '### Further recommendations', blocks: [items.join('\n')] };
}

// ── Checklist ───────────────────────────────────────────────────────────────────────────────────────────

export function verificationChecklist(context: AnalysisContext): Section | null {
  const checklist = buildChecklist(context.findings, context.link);
  const empty = checklist.groups.length === 0 && checklist.frameworkChecks.length === 0;
  // A pull request always shows the heading: reviewers look for it, and the body's shape stays stable.
  if (empty && context.mode !== 'pr') return null;
  return {
    heading: '### Verification checklist',
    blocks: empty
      ? ['No cookie flag changes here, so there is nothing to check by hand.']
      : checklist.intro === null
        ? []
        : [checklist.intro],
    list: {
      items: checklist.groups,
      separator: '\n',
      overflow: overflowLine(context, 'cookie'),
    },
    after: checklist.frameworkChecks.length > 0 ? [checklist.frameworkChecks.join('\n')] : [],
    essential: true,
  };
}

// ── Skipped files ───────────────────────────────────────────────────────────────────────────────────────

export function skippedFiles(context: AnalysisContext, skipped: readonly SkippedFile[]): Section | null {
  if (skipped.length === 0) return null;
  const sorted = [...skipped].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    heading: '### Files not scanned',
    blocks: ['Cookies set in these files were not checked.'],
    list: {
      items: sorted.map((file) => `- ${codeSpan(normalizePath(file.file))}: ${escapeProse(file.reason)}`),
      separator: '\n',
      overflow: overflowLine(context, 'file'),
    },
  };
}

export function allSections(context: AnalysisContext, result: ScanResult): Section[] {
  return [
    findingsTable(context),
    flagThreats(context),
    frameworkDefaults(context),
    gapAssessment(context),
    notChanged(context),
    deploymentCautions(context),
    recommendations(context),
    verificationChecklist(context),
    skippedFiles(context, result.skipped),
  ].filter((section): section is Section => section !== null);
}
