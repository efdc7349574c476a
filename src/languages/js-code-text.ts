// A JavaScript / TypeScript file's text with its comments left out, for the second prefilter stage: generated
// API documentation ("Sets the session cookie") and prose in comments mention cookies far more often than code
// sets them. The tokenizer is js-tokens (the one @babel/code-frame highlights with): it never builds a tree,
// so it costs a fraction of a parse, and it knows strings, template literals, regular expressions and JSX.
import jsTokens, { type JSXToken, type Token } from 'js-tokens';
import { isAstroFile } from './astro.js';

/** TypeScript's `<T>(x)` casts read as JSX tags, so only files that may hold JSX are tokenized as such. */
const mayHoldJsx = (file: string): boolean => !/\.[cm]?ts$/i.test(file);

/**
 * The text without its comments, or null when it cannot be told (an `.astro` page, or anything the tokenizer
 * marks invalid or unclosed): the caller then keeps the file, since a wrong answer could only hide a site.
 */
export function jsCodeText(file: string, text: string): string | null {
  if (isAstroFile(file)) return null;
  const parts: string[] = [];
  const tokens: Iterable<Token | JSXToken> = mayHoldJsx(file)
    ? jsTokens(text, { jsx: true })
    : jsTokens(text);
  for (const token of tokens) {
    if (token.type === 'SingleLineComment') continue;
    if (token.type === 'Invalid' || token.type === 'JSXInvalid') return null;
    if ('closed' in token && !token.closed) return null;
    if (token.type === 'MultiLineComment') {
      parts.push(' ');
      continue;
    }
    parts.push(token.value);
  }
  return parts.join('');
}
