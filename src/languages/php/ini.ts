// php.ini and its `conf.d/*.ini` snippets, read the way PHP's ini scanner reads a directive: `key = value` on
// one line, `;` starting a comment anywhere outside quotes, `[section]` headers that only group lines (PHP
// applies a directive wherever it stands, before any header too). A text scan: rules judge the values.
import type { Span } from '../../model.js';
import { lineStarts } from '../text.js';

export interface PhpIniDirective {
  key: string;
  /** The value as written, without its comment and surrounding blanks (quotes kept). */
  value: string;
  /** Where the value stands; empty (start = end) right after the `=` when no value is written. */
  valueSpan: Span;
}

export interface PhpIniFile {
  file: string;
  text: string;
  directives: PhpIniDirective[];
  /** Always 0: PHP skips a line it cannot read with a warning; kept for the scan's bookkeeping. */
  errorCount: number;
}

export function parsePhpIni(file: string, text: string): PhpIniFile {
  const directives: PhpIniDirective[] = [];
  const starts = lineStarts(text);
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    let end = starts[index + 1] ?? text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const line = text.slice(start, end);
    const pair = /^\s*([\w.-]+)\s*=/.exec(line);
    if (!pair) continue;
    let valueStart = pair[0].length;
    while (valueStart < line.length && (line[valueStart] === ' ' || line[valueStart] === '\t')) valueStart++;
    let valueEnd = commentStart(line, valueStart);
    while (valueEnd > valueStart && /\s/.test(line[valueEnd - 1]!)) valueEnd--;
    directives.push({
      key: pair[1]!,
      value: line.slice(valueStart, valueEnd),
      valueSpan: { start: start + valueStart, end: start + valueEnd },
    });
  }
  return { file, text, directives, errorCount: 0 };
}

/** Where a `;` comment starts on the line, outside double quotes; the line's end when there is none. */
function commentStart(line: string, from: number): number {
  let quoted = false;
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (char === '"') quoted = !quoted;
    else if (char === ';' && !quoted) return index;
  }
  return line.length;
}

/** PHP's reading of an ini boolean; `other` for anything else (an `${ENV}` reference, a typo). */
export function phpIniBoolean(value: string): 'true' | 'false' | 'other' {
  const word = value
    .replace(/^"(.*)"$/, '$1')
    .trim()
    .toLowerCase();
  if (['1', 'on', 'yes', 'true'].includes(word)) return 'true';
  if (['', '0', 'off', 'no', 'false', 'none'].includes(word)) return 'false';
  return 'other';
}
