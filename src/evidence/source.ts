// Text helpers shared by the evidence finders: where a match sits (line), and whether it is inside a comment.
import { lineColumn, lineStarts } from '../languages/text.js';
import type { EvidenceFact } from './types.js';

export type SourceKind =
  | 'javascript'
  | 'python'
  | 'go'
  | 'php'
  | 'java'
  | 'csharp'
  | 'ruby'
  | 'template'
  | 'manifest'
  | 'deploy'
  | 'build';

/** One text the index looks at, with its line table built on first use. */
export class Source {
  private starts: readonly number[] | null = null;

  constructor(
    readonly file: string,
    readonly text: string,
    readonly kind: SourceKind,
  ) {}

  lineAt(offset: number): number {
    this.starts ??= lineStarts(this.text);
    return lineColumn(this.starts, offset).line;
  }

  /** Offsets of the start of line `line - before` and the end of line `line + after`, clamped. */
  linesAround(offset: number, before: number, after: number): { start: number; end: number } {
    this.starts ??= lineStarts(this.text);
    const line = lineColumn(this.starts, offset).line;
    const first = Math.max(1, line - before);
    const last = Math.min(this.starts.length, line + after);
    const end = last < this.starts.length ? (this.starts[last] ?? this.text.length) : this.text.length;
    return { start: this.starts[first - 1] ?? 0, end };
  }

  fact(offset: number, fact: string): EvidenceFact {
    return { file: this.file, line: this.lineAt(offset), fact };
  }

  /**
   * Whether `offset` follows a line comment marker on its line (`//` in JS, Go, Java and C#, `#` in Python, Ruby,
   * deploy and build files, either in PHP).
   */
  inLineComment(offset: number): boolean {
    const start = this.text.lastIndexOf('\n', offset - 1) + 1;
    const before = this.text.slice(start, offset);
    if (this.kind === 'python' || this.kind === 'ruby' || this.kind === 'deploy' || this.kind === 'build')
      return hashComment(before);
    if (this.kind === 'php' && hashComment(before.replace(/#\[/g, '  '))) return true;
    const trimmed = before.trimStart();
    if (trimmed.startsWith('*') || trimmed.startsWith('/*')) return true;
    return /(^|[\s;{}(),])\/\//.test(before) && !insideQuotes(before, before.search(/(^|[\s;{}(),])\/\//));
  }
}

function hashComment(before: string): boolean {
  const hash = before.indexOf('#');
  return hash !== -1 && !insideQuotes(before, hash);
}

/** Whether position `at` of a one-line prefix falls inside a quoted string (odd count of unescaped quotes). */
function insideQuotes(line: string, at: number): boolean {
  let quote: string | null = null;
  for (let index = 0; index < at; index++) {
    const char = line[index];
    if (char === '\\') {
      index++;
      continue;
    }
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
  }
  return quote !== null;
}

/** One line of code, whitespace collapsed, for a fact's sentence. */
export function snippet(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
