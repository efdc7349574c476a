// The baseline file's text: written by `cookie-hardener baseline`, read by scan, fix and the action. A file
// that cannot be read as a baseline stops the run with its name and line: ignoring it would silently turn a
// required check red (or, worse, hide that the baseline no longer applies).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { ConfigError } from '../config-file.js';
import { jsonErrorOffset } from './json-position.js';

export const BASELINE_PATH = '.github/cookie-hardener-baseline.json';
const BASELINE_VERSION = 2;
const KEY = /^[0-9a-f]{16}$/;
// The shape of a problem name, not today's list: a name this version does not know only widens its entry.
const PROBLEM = /^[A-Za-z]{1,32}-[a-z]{1,32}$/;
const KNOWN_KEYS = 'known: version, findings';
const ENTRY_KEYS = 'known: key, problems';

/** One recorded finding: the line it was on (Finding.baselineKey) and the problems it had then. */
export interface BaselineEntry {
  key: string;
  problems: string[];
}

/** Sorted, repeats kept: two identical cookie lines in one file are two entries. */
export function renderBaseline(entries: readonly BaselineEntry[]): string {
  const findings = entries
    .map((entry) => ({ key: entry.key, problems: [...new Set(entry.problems)].sort() }))
    .sort((a, b) => compare(a.key, b.key) || compare(a.problems.join(','), b.problems.join(',')));
  // One entry per line: a review of the file's diff shows each recorded finding as one added or removed line.
  const lines = findings.map(
    (entry) =>
      `    { "key": ${JSON.stringify(entry.key)}, "problems": [${entry.problems.map((problem) => JSON.stringify(problem)).join(', ')}] }`,
  );
  const list = lines.length === 0 ? '[]' : `[\n${lines.join(',\n')}\n  ]`;
  return `{\n  "version": ${BASELINE_VERSION},\n  "findings": ${list}\n}\n`;
}

/** The entries in `text`, or a ConfigError naming `file` and the line at fault. */
export function parseBaseline(file: string, text: string): BaselineEntry[] {
  const invalidAt = jsonErrorOffset(text);
  // Only the place is shown, never the text there: a file that is not a baseline may hold anything.
  if (invalidAt !== null) throw new ConfigError(file, lineAt(text, invalidAt), 'not valid JSON');
  // Valid JSON is valid YAML: the YAML parser gives every value its line, for the checks below.
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;
  const duplicate = document.errors[0];
  // `linePos` is only filled in with pretty errors, which would quote the text: the offset gives the line.
  if (duplicate) throw new ConfigError(file, lines.linePos(duplicate.pos[0]).line, 'a key appears twice');
  const root = document.contents;
  if (!isMap(root)) throw new ConfigError(file, lineOf(root), 'the baseline must be a JSON object');
  // The version first, wherever it stands: an older file's other keys would only give a puzzling error.
  const versionPair = root.items.find((pair) => nameOf(pair.key) === 'version');
  if (!versionPair) throw new ConfigError(file, lineOf(root), '`version` is missing');
  checkVersion(file, versionPair.value as Node | null, lineOf(versionPair.value as Node, lineOf(root)));
  let findings: BaselineEntry[] | null = null;
  for (const pair of root.items) {
    const key = pair.key as Node;
    const value = pair.value as Node | null;
    const name = nameOf(key);
    if (name === 'version') continue;
    if (name !== 'findings') throw new ConfigError(file, lineOf(key), `unknown key; ${KNOWN_KEYS}`);
    if (!isSeq(value)) {
      throw new ConfigError(file, lineOf(value, lineOf(key)), '`findings` must be a list');
    }
    findings = value.items.map((item) => {
      const node = item as Node;
      if (!isMap(node)) {
        throw new ConfigError(
          file,
          lineOf(node, lineOf(key)),
          'a finding must be an object with key and problems',
        );
      }
      return parseEntry(file, node, lineOf);
    });
  }
  if (findings === null) throw new ConfigError(file, lineOf(root), '`findings` is missing');
  return findings;
}

function checkVersion(file: string, value: Node | null, line: number): void {
  if (isScalar(value) && value.value === BASELINE_VERSION) return;
  if (isScalar(value) && value.value === 1) {
    throw new ConfigError(
      file,
      line,
      'this baseline is version 1, an older format this cookie-hardener no longer reads: run `cookie-hardener baseline` again to rewrite it',
    );
  }
  throw new ConfigError(
    file,
    line,
    `\`version\` must be ${BASELINE_VERSION} (this cookie-hardener reads version ${BASELINE_VERSION}; run \`cookie-hardener baseline\` again)`,
  );
}

function parseEntry(
  file: string,
  entry: YAMLMap,
  lineOf: (node: Node | null | undefined, fallback?: number) => number,
): BaselineEntry {
  const at = lineOf(entry);
  let key: string | null = null;
  let problems: string[] | null = null;
  for (const pair of entry.items) {
    const name = nameOf(pair.key);
    const value = pair.value as Node | null;
    const line = lineOf(value, lineOf(pair.key as Node, at));
    if (name === 'key') {
      if (!isScalar(value) || typeof value.value !== 'string' || !KEY.test(value.value)) {
        throw new ConfigError(file, line, "a finding's `key` must be 16 hex digits");
      }
      key = value.value;
    } else if (name === 'problems') {
      if (!isSeq(value)) throw new ConfigError(file, line, "a finding's `problems` must be a list");
      problems = value.items.map((item) => {
        const node = item as Node;
        if (!isScalar(node) || typeof node.value !== 'string' || !PROBLEM.test(node.value)) {
          throw new ConfigError(file, lineOf(node, line), 'a problem must be a name like `secure-missing`');
        }
        return node.value;
      });
    } else {
      throw new ConfigError(file, lineOf(pair.key as Node, at), `unknown key in a finding; ${ENTRY_KEYS}`);
    }
  }
  if (key === null) throw new ConfigError(file, at, 'a finding has no `key`');
  if (problems === null) throw new ConfigError(file, at, 'a finding has no `problems`');
  return { key, problems };
}

function nameOf(key: unknown): string {
  return isScalar(key) ? String(key.value) : '';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < Math.min(offset, text.length); index++) if (text[index] === '\n') line++;
  return line;
}
