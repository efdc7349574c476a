// The baseline file's text: written by `cookie-hardener baseline`, read by scan, fix and the action. A file
// that cannot be read as a baseline stops the run with its name and line: ignoring it would silently turn a
// required check red (or, worse, hide that the baseline no longer applies).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ConfigError } from '../config-file.js';
import { jsonErrorOffset } from './json-position.js';

export const BASELINE_PATH = '.github/cookie-hardener-baseline.json';
export const BASELINE_VERSION = 1;
const FINGERPRINT = /^[0-9a-f]{16}$/;

/** Sorted, one per line, repeats kept: two identical cookie lines in one file are two findings. */
export function renderBaseline(fingerprints: readonly string[]): string {
  const document = { version: BASELINE_VERSION, fingerprints: [...fingerprints].sort() };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The fingerprints in `text`, or a ConfigError naming `file` and the line at fault. */
export function parseBaseline(file: string, text: string): string[] {
  const invalidAt = jsonErrorOffset(text);
  // Only the place is shown, never the text there: a file that is not a baseline may hold anything.
  if (invalidAt !== null) throw new ConfigError(file, lineAt(text, invalidAt), 'not valid JSON');
  // Valid JSON is valid YAML: the YAML parser gives every value its line, for the checks below.
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lines.linePos(node.range[0]).line : fallback;
  const duplicate = document.errors[0];
  if (duplicate) throw new ConfigError(file, duplicate.linePos?.[0]?.line ?? 1, 'a key appears twice');
  const root = document.contents;
  if (!isMap(root)) throw new ConfigError(file, lineOf(root), 'the baseline must be a JSON object');
  let fingerprints: string[] | null = null;
  let version = false;
  for (const pair of root.items) {
    const key = pair.key as Node;
    const value = pair.value as Node | null;
    const name = isScalar(key) ? String(key.value) : '';
    if (name === 'version') {
      if (!isScalar(value) || value.value !== BASELINE_VERSION) {
        throw new ConfigError(
          file,
          lineOf(value, lineOf(key)),
          `\`version\` must be ${BASELINE_VERSION} (this cookie-hardener reads version ${BASELINE_VERSION}; run \`cookie-hardener baseline\` again)`,
        );
      }
      version = true;
    } else if (name === 'fingerprints') {
      if (!isSeq(value)) {
        throw new ConfigError(file, lineOf(value, lineOf(key)), '`fingerprints` must be a list');
      }
      fingerprints = value.items.map((item) => {
        const node = item as Node;
        if (!isScalar(node) || typeof node.value !== 'string' || !FINGERPRINT.test(node.value)) {
          throw new ConfigError(file, lineOf(node, lineOf(key)), 'a fingerprint must be 16 hex digits');
        }
        return node.value;
      });
    } else {
      throw new ConfigError(file, lineOf(key), 'unknown key; known: version, fingerprints');
    }
  }
  if (!version) throw new ConfigError(file, lineOf(root), '`version` is missing');
  if (fingerprints === null) throw new ConfigError(file, lineOf(root), '`fingerprints` is missing');
  return fingerprints;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < Math.min(offset, text.length); index++) if (text[index] === '\n') line++;
  return line;
}
