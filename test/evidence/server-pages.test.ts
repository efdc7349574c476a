// Server pages (PHP, JSP, Go templates) carry inline script like any template: a cookie that script reads is
// not made HttpOnly, even when the page is also the code that sets it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { languageOf } from '../../src/languages/index.js';
import { scanFiles } from '../../src/scan.js';

const LOGIN_PHP = `<?php
setcookie('session_hint', $hint, 0, '/', '', true);
?>
<html><body>
<script>
  const hint = document.cookie.split('; ').find((row) => row.startsWith('session_hint='));
</script>
</body></html>
`;

function scan(files: Record<string, string>) {
  const names = Object.keys(files).sort();
  return scanFiles({
    files: names.filter((file) => languageOf(file)),
    evidenceFiles: names.filter((file) => evidenceFileKind(file)),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file] }),
    config: DEFAULT_CONFIG,
  });
}

describe('server pages as templates', () => {
  it.each([
    ['public/login.php', 'template'],
    ['views/page.phtml', 'template'],
    ['templates/base.html.twig', 'template'],
    ['WEB-INF/views/login.jsp', 'template'],
    ['web/templates/index.gohtml', 'template'],
    ['web/templates/layout.tmpl', 'template'],
  ])('%s is %s', (file, kind) => expect(evidenceFileKind(file)).toBe(kind));

  it('leaves HttpOnly off a cookie the PHP page that sets it reads in its own script', () => {
    const result = scan({ 'public/login.php': LOGIN_PHP });
    expect(
      result.findings.map((finding) => [finding.cookie, finding.outcome, finding.notChangedReasons]),
    ).toEqual([
      [
        'session_hint',
        'manual',
        [
          'browser code in this project uses the cookie, and HttpOnly would hide it from that code: browser code parses `document.cookie` for `session_hint` (an inline script of a template) (public/login.php:6)',
        ],
      ],
    ]);
    expect(result.changes).toEqual([]);
  });
});
