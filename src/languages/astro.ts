// Astro components: only the frontmatter (the TypeScript between the leading `---` fences) runs on the server
// and can set cookies. It is handed to the JavaScript parser inside a copy of the file in which everything
// else is blanked out, so every offset, line and column the parser reports is the original file's and an edit
// can never reach the template.

export const isAstroFile = (file: string): boolean => /\.astro$/i.test(file);

/** Whitespace and HTML comments: what Astro accepts before the opening fence. */
const BEFORE_FENCE = /^(?:\s|<!--[^]*?-->)*/;
/** A closing fence: three dashes first on their line (after indentation). */
const CLOSING_FENCE = /^[ \t]*---/m;

/** The frontmatter's code as [start, end) offsets, or null when the file has none (or never closes it). */
export function frontmatterSpan(text: string): { start: number; end: number } | null {
  const lead = BEFORE_FENCE.exec(text)?.[0].length ?? 0;
  if (!text.startsWith('---', lead)) return null;
  const start = lead + 3;
  // The closing fence sits on a later line: `---` alone on the first line only opens.
  const nextLine = text.indexOf('\n', start);
  if (nextLine === -1) return null;
  const close = CLOSING_FENCE.exec(text.slice(nextLine + 1));
  if (!close) return null;
  const end = nextLine + 1 + close.index + close[0].length - 3;
  return { start, end };
}

/**
 * The file with every character outside the frontmatter's code replaced by a space; line breaks are kept, so
 * lines and columns stay where they were. A file without frontmatter comes out blank: nothing to scan.
 */
export function frontmatterOnly(text: string): string {
  const span = frontmatterSpan(text);
  const blank = (part: string) => part.replace(/[^\r\n\u2028\u2029]/g, ' ');
  if (!span) return blank(text);
  return blank(text.slice(0, span.start)) + text.slice(span.start, span.end) + blank(text.slice(span.end));
}
