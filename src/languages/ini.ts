// INI-style configuration files (`.conf`, `.ini`) read the way Python's `configparser` reads them with its
// default settings, which is how CherryPy (`cherrypy/lib/reprconf.py`, a `ConfigParser` that keeps the case of
// keys) and PasteDeploy (Pyramid's `.ini`) load them: `[section]` headers, `key = value` or `key: value` on one
// line, full-line comments starting with `#` or `;`, and lines indented deeper than their option continuing
// its value. A text scan, not a parse of the values: rules judge the values themselves.
import type { InsertionPoint, Span } from '../model.js';
import { lineStarts } from './text.js';

export interface IniOption {
  /** The key as written (configparser keeps it as is for CherryPy; PasteDeploy does the same). */
  key: string;
  /** From the key's first character to the end of the value's last line (continuations included). */
  span: Span;
  /** The value's text on the key's line, trimmed (continuation lines are not part of it). */
  value: string;
  valueSpan: Span;
  /** The value goes on over indented lines below the key line. */
  continued: boolean;
  /** The text between key and value on the key's line (` = `, `=`, `: `): how a new option is spelled. */
  delimiter: string;
}

export interface IniSection {
  /** The name between the brackets (`/`, `global`, `app:main`). */
  name: string;
  /** Offset of the `[`. */
  header: number;
  /** Offset after the last option or comment that belongs to the section. */
  end: number;
  options: IniOption[];
}

export interface IniFile {
  file: string;
  text: string;
  starts: readonly number[];
  sections: IniSection[];
  /**
   * Lines configparser refuses with its default settings: an option before any section header, a line that is
   * neither a comment nor `key = value`, a section or an option given twice. A fix may never add to them.
   */
  errorCount: number;
}

const CONFIG_EXTENSIONS = ['.conf', '.ini'];

/** Whether a path names an INI-style configuration file the scan reads. */
export function isIniFile(file: string): boolean {
  const lower = file.toLowerCase();
  return CONFIG_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

export function parseIni(file: string, text: string): IniFile {
  const starts = lineStarts(text);
  const sections: IniSection[] = [];
  const seenSections = new Set<string>();
  let errorCount = 0;
  let section: IniSection | null = null;
  let seenOptions = new Set<string>();
  let option: IniOption | null = null;
  let optionIndent = -1;
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    const next = starts[index + 1] ?? text.length;
    let end = next;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    // Comments and blank lines never end an option: a deeper-indented line after them still continues it.
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) {
      if (trimmed !== '' && section) section.end = end;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (option && indent > optionIndent) {
      option.continued = true;
      option.span.end = end;
      if (section) section.end = end;
      continue;
    }
    option = null;
    optionIndent = indent;
    // configparser matches the header from the line's start only: text after the last `]` is ignored.
    const header = /^\[(.+)\]/.exec(trimmed);
    if (header) {
      const name = header[1]!;
      if (seenSections.has(name)) errorCount++;
      seenSections.add(name);
      section = { name, header: start + indent, end, options: [] };
      sections.push(section);
      seenOptions = new Set();
      continue;
    }
    const pair = /^(.*?)(\s*[=:]\s*)(.*)$/.exec(trimmed);
    if (!section || !pair || pair[1] === '') {
      errorCount++;
      continue;
    }
    const key = pair[1]!;
    if (seenOptions.has(key)) errorCount++;
    seenOptions.add(key);
    const keyStart = start + indent;
    const valueStart = keyStart + key.length + pair[2]!.length;
    const value = pair[3]!;
    option = {
      key,
      span: { start: keyStart, end: valueStart + value.length },
      value,
      valueSpan: { start: valueStart, end: valueStart + value.length },
      continued: false,
      delimiter: pair[2]!,
    };
    section.options.push(option);
    section.end = end;
  }
  return { file, text, starts, sections, errorCount };
}

/** The last option of a section with this key (configparser keeps one per key; a repeat is an error). */
export function optionOf(section: IniSection, key: string): IniOption | null {
  return section.options.findLast((option) => option.key === key) ?? null;
}

/**
 * Where a new option goes: on its own line right after `anchor`, written with the anchor's delimiter, inside
 * `section`. None when the anchor's value continues on the lines below it (a line there would split it).
 */
export function insertionAfter(file: string, anchor: IniOption, section: IniSection): InsertionPoint | null {
  if (anchor.continued) return null;
  return {
    container: {
      file,
      syntax: 'ini-options',
      open: anchor.span.start,
      close: section.end,
      entries: [anchor.span],
      keyQuote: '',
      statementTemplate: `{key}${anchor.delimiter}{value}`,
    },
    nest: [],
  };
}
