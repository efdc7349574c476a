// Markdown escaping for text that comes from the scanned repository (cookie names, paths, messages, code).
// A cookie name is attacker-influenced in the worst case and merely odd in the usual one; either way it must
// not break a table, open a code span early, inject HTML into a pull request body, notify people (`@user`,
// `@org/team`), cross-link issues (`#123`, `GH-123`, issue URLs), or spell one of the hidden markers
// (`<!-- cookie-hardener:… -->`) that the next run reads back.

/** Line breaks would end a table row or a list item: inline contexts get one line. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Plain text rendered literally: Markdown punctuation is backslash-escaped and HTML-significant characters
 * become entities, so `<script>` shows as text and `*a*` does not turn italic.
 */
export function escapeText(text: string): string {
  return breakReferences(
    oneLine(text)
      .replace(/[\\`*_[\]~]/g, (char) => `\\${char}`)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;'),
  );
}

/** A zero-width space as an entity: invisible, yet the text around it no longer matches GitHub's patterns. */
const BREAK = '&#8203;';

/**
 * GitHub turns text (not code) into mentions, issue references and links after Markdown is rendered, so
 * backslashes do not stop it; a zero-width space inside the pattern does. The marker word loses its colon to
 * an entity, so even a reader that ignored `<` could not find a marker in repository text. `#` goes first:
 * the entities added after it contain `#` followed by digits themselves.
 */
function breakReferences(escaped: string): string {
  return escaped
    .replace(/#(?=\d)/g, `#${BREAK}`)
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${BREAK}`)
    .replace(/\b(gh)-(?=\d)/gi, `$1${BREAK}-`)
    .replace(/:\/\//g, `${BREAK}://`)
    .replace(/\b(www)\./gi, `$1${BREAK}.`)
    .replace(/(cookie-hardener):/gi, '$1&#58;');
}

/** What a code span would carry into the raw body that a marker reader could mistake for one of ours. */
const MARKER_LIKE = /<!--|--!?>|cookie-hardener:/i;

/**
 * An inline code span whose fence is longer than any backtick run inside, so the content can hold backticks.
 * Code spans show `<` literally, so no entity escaping is needed (or wanted) here, and GitHub finds no
 * mentions or issue references inside them.
 */
export function codeSpan(text: string): string {
  const content = oneLine(text);
  if (content === '') return '` `';
  // A code span shows its content verbatim, so it would also put `<!-- cookie-hardener:…` verbatim into the
  // body. Such text is shown as escaped text in a <code> element instead: it looks the same, and GitHub
  // neither mentions nor links inside <code>.
  if (MARKER_LIKE.test(content)) return `<code>${escapeText(content)}</code>`;
  const longestRun = Math.max(0, ...Array.from(content.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  // CommonMark strips one space from each side when both are present, and a backtick touching the fence
  // would merge with it: pad in both cases so the content survives exactly.
  const needsPadding = content.startsWith('`') || content.endsWith('`') || /^ .* $/.test(content);
  return needsPadding ? `${fence} ${content} ${fence}` : `${fence}${content}${fence}`;
}

/** Rules write reasons as fragments ("front-end code may read this cookie"); reports show sentences. */
function asSentence(text: string): string {
  if (text === '') return text;
  // A fact that starts with a file name (`docker-compose.yml runs nginx…`) keeps the name as written.
  const startsWithPath = /^\S*[./]\S/.test(text);
  const capitalised = startsWithPath ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?:]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * Sentences written by rules (messages, notes, reasons): plain text in which a pair of single backticks marks
 * code. Code segments become safe code spans and the rest is escaped, so a rule can quote `res.cookie` and a
 * hostile value still cannot break out.
 */
export function escapeProse(text: string): string {
  const parts: string[] = [];
  let rest = asSentence(oneLine(text).trim());
  for (let match = /`([^`]+)`/.exec(rest); match !== null; match = /`([^`]+)`/.exec(rest)) {
    parts.push(escapeText(rest.slice(0, match.index)), codeSpan(match[1] ?? ''));
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(escapeText(rest));
  return parts.join('');
}

/**
 * One table cell from already-rendered Markdown. GitHub splits rows on every unescaped `|`, even inside code
 * spans, and removes the backslash of `\|` before rendering the cell, so escaping every pipe is exactly right.
 */
export function tableCell(markdown: string): string {
  return oneLine(markdown).replace(/\|/g, '\\|');
}

/**
 * A shell word in single quotes (for commands shown in the checklist): the only character that needs care
 * inside single quotes is the single quote itself.
 */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A URL path from a repository-relative file path: each segment encoded, `(` and `)` too (they end a link). */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
    .join('/');
}
