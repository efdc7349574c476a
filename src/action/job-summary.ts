// The job summary: GitHub refuses a step summary over 1 MiB (bytes, not characters; a summary of
// non-ASCII text reaches it at a third of a million characters), and then shows none of it. The text is cut
// at a character and line boundary to fit, with a note saying so, and appended without following links.
import { lstatSync } from 'node:fs';
import { appendOutputFile } from './output-file.js';

/** GitHub's limit for one step's summary. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export const CUT_NOTE =
  '\n\n> [!NOTE]\n> The summary is cut here: GitHub shows at most 1 MiB of summary per step. Every finding is in the annotations and the SARIF file.\n';

/** The longest start of `text` that fits `maxBytes` of UTF-8 with the note, cut between whole lines. */
export function capUtf8(text: string, maxBytes: number, note = CUT_NOTE): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  const room = maxBytes - Buffer.byteLength(note, 'utf8');
  if (room <= 0) return ''; // not even the note fits: the summary already holds all GitHub shows
  let cut = room;
  // Back off to the first byte of a character: continuation bytes are 10xxxxxx.
  while (cut > 0 && (bytes[cut]! & 0xc0) === 0x80) cut--;
  // (lastIndexOf with a negative start would search from the end of the buffer.)
  const newline = cut > 0 ? bytes.lastIndexOf(0x0a, cut - 1) : -1;
  if (newline > 0) cut = newline;
  return bytes.subarray(0, cut).toString('utf8') + note;
}

/**
 * Appends to $GITHUB_STEP_SUMMARY within what is left of the step's 1 MiB. Throws OutputFileError when the
 * file may not be written (outside RUNNER_TEMP and the workspace, or reached through a link).
 */
export function writeJobSummary(markdown: string, env: NodeJS.ProcessEnv, workspace: string): void {
  const path = env.GITHUB_STEP_SUMMARY;
  if (!path) return;
  let used = 0;
  try {
    used = lstatSync(path).size;
  } catch {
    // not there yet: the append creates it
  }
  const text = capUtf8(`${markdown}\n`, Math.max(0, STEP_SUMMARY_LIMIT - used));
  appendOutputFile('GITHUB_STEP_SUMMARY', path, text, [env.RUNNER_TEMP, workspace]);
}
