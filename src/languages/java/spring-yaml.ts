// Spring Boot's `application.yml` read as flat properties, the way Spring flattens it (`server:` / `servlet:`
// nested → `server.servlet…`). Only block mappings of plain or quoted scalars are followed: lists, flow
// collections (`{ … }`, `[ … ]`) and block scalars (`|`, `>`) are passed over, so a key inside one is not seen.
// Documents (`---`) activated only for a development profile are left out: they run over plain HTTP on purpose.
import { environmentOfValue } from '../environment-words.js';
import { lineStarts } from '../text.js';
import type { PropertiesFile, PropertyEntry } from './properties.js';

const KEY = /^("([^"\\]*)"|'([^']*)'|[\w$][^#]*?)[ \t]*:(?=[ \t]|$)[ \t]*(.*)$/;
const PROFILE_KEYS = new Set(['spring.config.activate.on-profile', 'spring.profiles']);

export function parseSpringYaml(file: string, text: string): PropertiesFile {
  const starts = lineStarts(text);
  const entries: PropertyEntry[] = [];
  let errorCount = 0;
  let document: PropertyEntry[] = [];
  let developmentOnly = false;
  let parents: Array<{ indent: number; key: string }> = [];
  /** Lines indented deeper than this belong to something passed over (a list, a block scalar). */
  let skipDeeperThan = -1;
  const endDocument = () => {
    if (!developmentOnly) entries.push(...document);
    document = [];
    developmentOnly = false;
    parents = [];
    skipDeeperThan = -1;
  };
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index]!;
    let end = starts[index + 1] ?? text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    const line = text.slice(start, end);
    const trimmed = line.trim();
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      endDocument();
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (skipDeeperThan !== -1) {
      if (trimmed === '' || indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (line.slice(0, indent).includes('\t')) {
      errorCount++; // YAML forbids tabs in indentation
      continue;
    }
    while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop();
    if (trimmed.startsWith('-') && /^-(\s|$)/.test(trimmed)) {
      skipDeeperThan = indent;
      continue;
    }
    const pair = KEY.exec(trimmed);
    if (!pair) {
      skipDeeperThan = indent;
      continue;
    }
    const key = pair[2] ?? pair[3] ?? pair[1]!;
    const rest = pair[4]!.replace(/(^|\s+)#.*$/, '').trimEnd();
    if (rest === '') {
      parents.push({ indent, key });
      continue;
    }
    if (/^[|>[{&*!]/.test(rest)) {
      skipDeeperThan = indent;
      continue;
    }
    const path = [...parents.map((parent) => parent.key), key].join('.');
    const keyStart = start + indent;
    const restStart = start + line.indexOf(rest, indent + pair[1]!.length);
    const quoted = /^(["'])(.*)\1$/.exec(rest);
    const value = quoted ? quoted[2]! : rest;
    const valueStart = quoted ? restStart + 1 : restStart;
    const entry: PropertyEntry = {
      key: path,
      span: { start: keyStart, end: restStart + rest.length },
      value,
      valueSpan: { start: valueStart, end: valueStart + value.length },
      continued: false,
      delimiter: ': ',
    };
    if (
      PROFILE_KEYS.has(path) &&
      value.split(/[\s,|&!()]+/).some((name) => environmentOfValue(name) === 'development')
    )
      developmentOnly = true;
    document.push(entry);
  }
  endDocument();
  return { file, text, entries, errorCount };
}
