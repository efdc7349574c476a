// A JavaScript / TypeScript file's text with its comments blanked, for the second prefilter stage: generated
// API documentation ("Sets the session cookie") and prose in comments mention cookies far more often than code
// sets them. Babel finds the comments, so nothing a hand-written scanner could misread (JSX text, regular
// expressions, template literals) decides what is code. Parsing without tokens, and without recast's copy
// of the tree, costs a fraction of the full parse the file would otherwise get.
import { parse as babelParse } from '@babel/parser';
import { isAstroFile } from './astro.js';
import { babelOptions, hasFlowPragma } from './javascript.js';

interface Comment {
  start: number;
  end: number;
}

function commentsOf(file: string, text: string): Comment[] | null {
  const pragma = hasFlowPragma(text);
  for (const flow of pragma ? [true] : [false, true]) {
    if (flow && /\.[cm]?tsx?$/i.test(file)) break;
    try {
      return (babelParse(text, babelOptions(file, flow, false)).comments ?? []) as Comment[];
    } catch {
      // Tried once more with Flow's syntax, as the full parse does; then the file is kept whole.
    }
  }
  return null;
}

/**
 * The text with every comment replaced by one space, or null when it cannot be told (an `.astro` page, a
 * file babel cannot parse): the caller then keeps the file, since a wrong answer could only hide a site.
 */
export function jsCodeText(file: string, text: string): string | null {
  if (isAstroFile(file)) return null;
  const comments = commentsOf(file, text);
  if (comments === null) return null;
  if (comments.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const comment of comments) {
    parts.push(text.slice(from, comment.start), ' ');
    from = comment.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}
