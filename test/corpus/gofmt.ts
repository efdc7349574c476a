// gofmt as the judge of Go layout, where Debian's golang-go put it on PATH: a fix must leave a gofmt-clean
// file clean. One process per text: gofmt starts in about 10 ms, well below what a scan of the file costs.
import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

export function hasGofmt(): boolean {
  available ??= spawnSync('gofmt', ['-l'], { input: '' }).status === 0;
  return available;
}

export type GofmtResult = { text: string } | { error: string };

function run(args: string[], text: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('gofmt', args, { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The text as gofmt prints it, or what gofmt says when it rejects the text. */
export function gofmt(text: string): GofmtResult {
  const result = run([], text);
  if (result.status !== 0) return { error: firstLine(result.stderr) || `gofmt exited with ${result.status}` };
  return { text: result.stdout };
}

/**
 * null when gofmt would leave the text as it is; otherwise the start of its diff (or its complaint), to
 * show what a fix got wrong.
 */
export function gofmtDifference(text: string): string | null {
  const result = run(['-d'], text);
  if (result.status !== 0) return firstLine(result.stderr) || `gofmt exited with ${result.status}`;
  if (result.stdout === '') return null;
  // The header names "<standard input>" twice; the hunks are what matters.
  const hunks = result.stdout.split('\n').filter((line) => !/^(diff|---|\+\+\+) /.test(line));
  return hunks.slice(0, 12).join('\n');
}

function firstLine(text: string): string {
  return text.split('\n')[0]?.trim() ?? '';
}
