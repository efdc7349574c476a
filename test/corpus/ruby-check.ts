// `ruby -c` as the judge of Ruby syntax, where Debian's ruby put it on PATH: tree-sitter recovers from errors,
// and Ruby's own parser also rejects what the grammar lets through. One process per text.
import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

export function hasRuby(): boolean {
  available ??= spawnSync('ruby', ['-c'], { input: '' }).status === 0;
  return available;
}

/** null when Ruby accepts the text; otherwise its complaint. */
export function rubyCheck(text: string): string | null {
  // Warnings (an unused variable, a duplicated key) go to stderr and do not fail the check.
  const result = spawnSync('ruby', ['-c'], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return null;
  const said = `${result.stderr ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  return said ?? `ruby -c exited with ${result.status}`;
}
