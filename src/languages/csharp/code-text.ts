// A C# file's text without its comments, for the second prefilter stage. Raw string literals (`"""`) and
// char literals are skipped whole; a verbatim string (`@"…"`, where `""` is a quote and a line break may sit
// inside) is beyond the shared stripper, so a file with one is left to the parser (null).
import { cLikeCodeText } from '../c-like-code-text.js';

export function csharpCodeText(text: string): string | null {
  if (text.includes('@"')) return null;
  return cLikeCodeText(text, { quotes: ['"', "'"], multiline: [{ delimiter: '"""', escapes: false }] });
}
