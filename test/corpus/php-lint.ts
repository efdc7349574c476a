// `php -l` as the judge of PHP syntax, where Debian's php-cli put it on PATH: @lezer/php recovers from
// errors, and PHP's own compiler also rejects what a grammar accepts (code outside a braced namespace, a
// duplicate key in a constant expression). One process per text: `php -n -l` starts in about 50 ms.
import { spawnSync } from 'node:child_process';

let available: boolean | undefined;

export function hasPhp(): boolean {
  available ??= spawnSync('php', ['-n', '-l'], { input: '<?php\n' }).status === 0;
  return available;
}

/** null when PHP accepts the text; otherwise its complaint. */
export function phpLint(text: string): string | null {
  // -n: no php.ini, so a machine's extensions and settings cannot change the verdict.
  const result = spawnSync('php', ['-n', '-l'], {
    input: text,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status === 0) return null;
  const said = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .find((line) => /error/i.test(line));
  return said ?? `php -l exited with ${result.status}`;
}
