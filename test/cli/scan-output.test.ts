// What a scan says about itself, through the bundled CLI: ignored sites, severity and weakness per finding,
// the config file used, what the built-in exclusions removed, and `paths` that match nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, temporaryFolder } from './helpers.js';

function project(files: Record<string, string>): string {
  const folder = temporaryFolder();
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  return folder;
}

/** The text report without the timing, which changes from run to run. */
function text(stdout: string): string {
  return stdout.replace(/ in \d+ ms\./, ' in N ms.');
}

describe('ignored sites', () => {
  it('say the reason their comment gave, and nothing about other cookies', () => {
    const folder = project({
      'app.js':
        '// cookie-hardener-ignore: the widget reads it from script\n' +
        "res.cookie('prefs', value);\n" +
        '// cookie-hardener-ignore\n' +
        "res.cookie('lang', value);\n",
    });
    const run = runCliProcess(['scan', folder]);
    expect(run.status).toBe(0);
    expect(text(run.stdout)).toBe(
      [
        'app.js:2:1  express-res-cookie  Cookie "prefs" (res.cookie()): HttpOnly is not set; Secure is not set. Ignored by a cookie-hardener-ignore comment: the widget reads it from script.',
        'app.js:4:1  express-res-cookie  Cookie "lang" (res.cookie()): HttpOnly is not set; Secure is not set. Ignored by a cookie-hardener-ignore comment (no reason given).',
        '2 findings (2 ignored); 1 file listed, 1 parsed in N ms.',
        '',
      ].join('\n'),
    );
  });
});
