// Server pages (PHP, JSP, Go templates) carry inline script like any template: a cookie that script reads is
// not made HttpOnly, even when the page is also the code that sets it.
import { describe, expect, it } from 'vitest';
import { evidenceFileKind } from '../../src/evidence/files.js';
import { scanProject as scan } from './scan-project.js';

const LOGIN_PHP = `<?php
setcookie('session_hint', $hint, 0, '/', '', true);
?>
<html><body>
<script>
  const hint = document.cookie.split('; ').find((row) => row.startsWith('session_hint='));
</script>
</body></html>
`;

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
