// A Go file's text without its comments: interpreted strings, rune literals and raw strings are skipped whole.
import { cLikeCodeText } from '../c-like-code-text.js';

export function goCodeText(text: string): string | null {
  return cLikeCodeText(text, { quotes: ['"', "'"], multiline: [{ delimiter: '`', escapes: false }] });
}
