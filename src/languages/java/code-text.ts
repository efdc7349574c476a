// A Java file's text without its comments: string and char literals and text blocks are skipped whole.
import { cLikeCodeText } from '../c-like-code-text.js';

export function javaCodeText(text: string): string | null {
  return cLikeCodeText(text, { quotes: ['"', "'"], multiline: [{ delimiter: '"""', escapes: true }] });
}
