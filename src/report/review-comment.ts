// The words of a pull request review: one inline comment per weak cookie on a changed line (why it is weak,
// and a one-click suggestion when the fix fits), the review body for everything that is not inline, and the
// hidden markers that let the next run recognise what it already said.
import type { Attribute, Finding } from '../model.js';
import { codeSpan, escapeProse } from './escape.js';
import {
  CWE,
  cookieLabel,
  flagList,
  locationMarkdown,
  type LinkTarget,
  normalizePath,
  plural,
  problemCell,
  problemFlags,
} from './wording.js';

// Every marker is the last line of the body it belongs to, and only that line is read: a comment also quotes
// repository code (a suggestion is the source line itself, which no escaping may touch), so a marker-shaped
// line anywhere above the end is someone else's text. Who wrote the comment is checked by the caller.
const FINDING_PREFIX = '<!-- cookie-hardener:finding ';
const REVIEW_PREFIX = '<!-- cookie-hardener:review ';
const MARKER_END = ' -->';
const FIXED_MARKER = '<!-- cookie-hardener:fixed -->';
/** What renderFixedComment puts after the original comment, whose own last line is its finding marker. */
const FIXED_SUFFIX = `\n\n</details>\n\n${FIXED_MARKER}`;
export const SUMMARY_MARKER = '<!-- cookie-hardener:summary -->';

/** Keys are fingerprints (with `~n` for repeats in one file): hex and `~`, nothing that can end a comment. */
const KEY_LIST = /^[0-9a-z~ ]+$/;
const KEY_CSV = /^[0-9a-z~,]*$/;

/** The body's last line, without trailing whitespace (GitHub may store CRLF). */
function lastLine(body: string): string {
  const text = body.trimEnd();
  return text.slice(text.lastIndexOf('\n') + 1).trim();
}

/** What sits between `prefix` and ` -->` on the body's last line, or null. */
function trailingMarker(body: string, prefix: string): string | null {
  const line = lastLine(body);
  if (!line.startsWith(prefix) || !line.endsWith(MARKER_END)) return null;
  return line.slice(prefix.length, line.length - MARKER_END.length);
}

export function findingMarker(keys: readonly string[]): string {
  return `${FINDING_PREFIX}${[...keys].sort().join(' ')}${MARKER_END}`;
}

/** The finding keys an inline comment of ours carries (fixed ones included), or null for any other comment. */
export function readFindingKeys(body: string): string[] | null {
  const trimmed = body.trimEnd();
  const original = trimmed.endsWith(FIXED_SUFFIX) ? trimmed.slice(0, -FIXED_SUFFIX.length) : trimmed;
  const keys = trailingMarker(original, FINDING_PREFIX);
  return keys !== null && KEY_LIST.test(keys) ? keys.split(' ').filter(Boolean) : null;
}

export function isMarkedFixed(body: string): boolean {
  return lastLine(body) === FIXED_MARKER;
}

/** The keys a review body of ours listed, or null for any other review. */
export function readListedKeys(body: string): string[] | null {
  const keys = trailingMarker(body, REVIEW_PREFIX);
  return keys !== null && KEY_CSV.test(keys) ? keys.split(',').filter(Boolean) : null;
}

/** Whether a body is the sticky summary comment (its author is the caller's to check). */
export function isSummaryComment(body: string): boolean {
  return lastLine(body) === SUMMARY_MARKER;
}

/** Whether a comment body holds a suggestion block (ours are written by `suggestionBlock`). */
export function hasSuggestion(body: string): boolean {
  return /^`{3,}suggestion$/m.test(body);
}

/**
 * A ```suggestion block. Its fence is longer than any backtick run in the lines, so code holding ``` (a
 * template literal, a docstring example) cannot close it early.
 */
export function suggestionBlock(lines: readonly string[]): string {
  const content = lines.join('\n');
  const longest = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  // No lines deletes the range; one empty line replaces it with an empty line.
  return lines.length === 0 ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${content}\n${fence}`;
}

const WHY: Record<Attribute, string> = {
  sameSite:
    'Without SameSite, the browser also attaches the cookie to requests other sites start, which is what cross-site request forgery needs.',
  httpOnly:
    'Without HttpOnly, any script in the page can read the cookie: one XSS bug or compromised dependency is enough to copy it to another machine.',
  secure:
    'Without Secure, the browser also sends the cookie over plain HTTP, where anyone on the network path can read it.',
};

export interface InlineCommentInput {
  findings: readonly Finding[];
  keys: readonly string[];
  /** The fixed lines, or null when the comment can only explain. */
  suggestion: readonly string[] | null;
  /** Why there is no suggestion (shown when `suggestion` is null and the finding is fixable). */
  noSuggestionReason?: string;
}

/** Comments stay far below GitHub's 65,536-character limit; a longer suggestion is not worth one click. */
export const MAX_COMMENT_LENGTH = 60_000;

export function renderInlineComment(input: InlineCommentInput): string {
  const parts: string[] = [];
  for (const finding of input.findings) {
    parts.push(
      `**cookie-hardener** · ${codeSpan(finding.ruleId)} · ${finding.severity} · cookie ${cookieLabel(finding)}: ${problemCell(finding)}`,
      escapeProse(finding.message),
    );
  }
  const flags = new Set(input.findings.flatMap((finding) => problemFlags(finding)));
  const why = (['httpOnly', 'secure', 'sameSite'] as const)
    .filter((flag) => flags.has(flag))
    .map((flag) => `${WHY[flag]} ([${CWE[flag].id}](${CWE[flag].url}))`);
  if (why.length > 0) parts.push(why.join(' '));
  const evidence = evidenceList(input.findings);
  if (evidence) parts.push(evidence);
  const cautions = [...new Set(input.findings.flatMap((finding) => finding.beforeMerging))];
  if (cautions.length > 0)
    parts.push(`**Before merging:** ${cautions.map((line) => escapeProse(line)).join(' ')}`);
  if (input.suggestion) {
    const changed = new Set(input.findings.flatMap((finding) => finding.changedFlags));
    parts.push(
      `This suggestion sets ${flagList([...changed])}: it is the same change \`cookie-hardener fix\` makes, byte for byte.`,
      suggestionBlock(input.suggestion),
    );
  } else {
    const reasons = input.findings.flatMap((finding) => finding.notChangedReasons);
    if (reasons.length > 0)
      parts.push(`Not fixed automatically: ${reasons.map((r) => escapeProse(r)).join(' ')}`);
    else if (input.noSuggestionReason) {
      parts.push(
        `No one-click suggestion here: ${escapeProse(input.noSuggestionReason)} Run \`cookie-hardener fix\` to apply it.`,
      );
    }
  }
  parts.push(findingMarker(input.keys));
  return parts.join('\n\n');
}

/** Evidence items shown in one comment; the rest are counted (the PR's job summary lists them all). */
const MAX_EVIDENCE = 5;

/** The project facts the findings' outcomes rest on, each with its place, as a short list. */
function evidenceList(findings: readonly Finding[]): string | null {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const { file, line, fact } of findings.flatMap((finding) => finding.evidence)) {
    const place = `${normalizePath(file)}:${line}`;
    if (seen.has(`${place} ${fact}`)) continue;
    seen.add(`${place} ${fact}`);
    items.push(`- ${codeSpan(place)}: ${escapeProse(fact)}`);
  }
  if (items.length === 0) return null;
  const shown = items.slice(0, MAX_EVIDENCE);
  if (items.length > MAX_EVIDENCE) shown.push(`- … and ${items.length - MAX_EVIDENCE} more`);
  return `Evidence in this project:\n${shown.join('\n')}`;
}

/** What a fixed comment becomes when its thread cannot be resolved: the original, struck through in words. */
export function renderFixedComment(body: string, headSha: string, why: 'fixed' | 'superseded'): string {
  const headline =
    why === 'fixed'
      ? `**Fixed** in ${headSha.slice(0, 7)}: cookie-hardener no longer finds this problem.`
      : `**Outdated** in ${headSha.slice(0, 7)}: a newer comment replaces this one.`;
  // The old suggestion becomes a plain code block: it must not stay one click away from being applied.
  const original = body.replace(/^(`{3,})suggestion$/gm, '$1');
  return `${headline}\n\n<details><summary>Original comment</summary>\n\n${original.trimEnd()}${FIXED_SUFFIX}`;
}

export interface ListedFinding {
  finding: Finding;
  key: string;
  /** Why it is not an inline comment, as a sentence. */
  reason: string;
}

export interface ReviewBodyInput {
  inline: number;
  suggestions: number;
  listed: readonly ListedFinding[];
  link: LinkTarget;
  maxLength: number;
}

/** The review's own body: counts, then every finding that is not an inline comment, within `maxLength`. */
export function renderReviewBody(input: ReviewBodyInput): string {
  const head: string[] = [];
  if (input.inline > 0) {
    head.push(
      `cookie-hardener left ${plural(input.inline, 'inline comment', 'inline comments')} on lines this pull request changes` +
        (input.suggestions > 0
          ? ` (${plural(input.suggestions, 'one-click suggestion', 'one-click suggestions')}).`
          : '.'),
    );
  }
  if (input.listed.length > 0) {
    head.push(`${plural(input.listed.length, 'finding is', 'findings are')} not commented inline:`);
  }
  const marker = `${REVIEW_PREFIX}${input.listed.map((item) => item.key).join(',')}${MARKER_END}`;
  const rows = input.listed.map(
    (item) =>
      `- ${locationMarkdown(item.finding, input.link)} cookie ${cookieLabel(item.finding)}: ${problemCell(item.finding)}. ${escapeProse(item.reason)}`,
  );
  let length = head.join('\n\n').length + marker.length + 200;
  const shown: string[] = [];
  for (const row of rows) {
    if (length + row.length + 1 > input.maxLength) break;
    shown.push(row);
    length += row.length + 1;
  }
  const rest = rows.length - shown.length;
  if (rest > 0)
    shown.push(`- … and ${plural(rest, 'more finding', 'more findings')}: see the job summary of this run.`);
  return [...head, ...(shown.length > 0 ? [shown.join('\n')] : []), marker].join('\n\n');
}

export interface SummaryCounts {
  findings: number;
  inline: number;
  suggestions: number;
  listed: number;
  resolved: number;
  headSha: string;
  note?: string;
}

/** The one sticky comment per pull request, rewritten in place on every run. */
export function renderSummaryComment(counts: SummaryCounts): string {
  const rows = [
    ['Weak cookie settings in the files this pull request changes', counts.findings],
    ['Commented inline on changed lines', counts.inline],
    ['… of which with a one-click suggestion', counts.suggestions],
    ['Listed in the review summary (not on a changed line)', counts.listed],
    ['Fixed since an earlier comment (thread resolved)', counts.resolved],
  ];
  const table = ['| | |', '|---|---:|', ...rows.map(([label, value]) => `| ${label} | ${value} |`)].join(
    '\n',
  );
  const status =
    counts.findings === 0
      ? 'No weak cookie settings remain in the files this pull request changes.'
      : 'Apply the suggestions, or run `cookie-hardener fix` locally, to set the missing flags.';
  return [
    `### cookie-hardener`,
    status,
    table,
    ...(counts.note ? [counts.note] : []),
    `<sub>Updated for ${counts.headSha.slice(0, 7)}.</sub>`,
    SUMMARY_MARKER,
  ].join('\n\n');
}
