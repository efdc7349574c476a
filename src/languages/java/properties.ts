// Java `.properties` files as Spring Boot reads them (`application.properties`, `application-<profile>.properties`):
// one `key=value`, `key: value` or `key value` per line, `#` and `!` comment lines, a line ending in an odd
// number of backslashes continuing on the next. A text scan: the rules judge the values themselves.
import type { Span } from '../../model.js';
import { lineStarts } from '../text.js';

export interface PropertyEntry {
  key: string;
  /** From the key's first character to the end of the value (continuation lines included). */
  span: Span;
  /** The value's text on the key's line, trimmed at its end. */
  value: string;
  valueSpan: Span;
  /** The value goes on over the next line (a trailing backslash). */
  continued: boolean;
  /** The text between key and value (`=`, ` = `, `: `): how a new entry is spelled. */
  delimiter: string;
}

export interface PropertiesFile {
  file: string;
  text: string;
  entries: PropertyEntry[];
  /** Always 0: every line means something to `java.util.Properties`; kept for the scan's bookkeeping. */
  errorCount: number;
}

/** Spring Boot's own configuration files (`.properties` or YAML), the only such files the scan reads. */
export function isSpringConfigFile(file: string): boolean {
  return /(^|\/)application(-[\w.-]+)?\.(properties|ya?ml)$/.test(file);
}

export function parseProperties(file: string, text: string): PropertiesFile {
  const starts = lineStarts(text);
  const entries: PropertyEntry[] = [];
  let continuing: PropertyEntry | null = null;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    let end = starts[index + 1] ?? text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const line = text.slice(start, end);
    if (continuing) {
      continuing.span.end = end;
      if (!endsContinued(line)) continuing = null;
      continue;
    }
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const pair = /^((?:\\.|[^\s=:\\])+)(\s*[=:]\s*|\s+)(.*?)\s*$/.exec(trimmed);
    if (!pair) continue;
    const keyStart = start + line.length - trimmed.length;
    const valueStart = keyStart + pair[1]!.length + pair[2]!.length;
    const value = pair[3]!;
    const entry: PropertyEntry = {
      key: pair[1]!,
      span: { start: keyStart, end: valueStart + value.length },
      value,
      valueSpan: { start: valueStart, end: valueStart + value.length },
      continued: endsContinued(line),
      delimiter: pair[2]!,
    };
    entries.push(entry);
    if (entry.continued) continuing = entry;
  }
  return { file, text, entries, errorCount: 0 };
}

function endsContinued(line: string): boolean {
  const slashes = /\\*$/.exec(line)![0].length;
  return slashes % 2 === 1;
}
