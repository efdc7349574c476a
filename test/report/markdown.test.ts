import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { renderAnalysis } from '../../src/report/markdown.js';
import {
  allCases,
  changes,
  conditionalSecure,
  csrfCookie,
  expressSession,
  expressToken,
  finding,
  scanResult,
  tornadoSettingsDict,
  unusedTornadoDict,
} from './scan-results.js';

/** The text of one `###` section, from its heading to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`no section "${heading}" in:\n${markdown}`);
  const rest = markdown.slice(start + 1);
  const next = rest.indexOf('\n### ');
  return (next === -1 ? rest : rest.slice(0, next)).trimEnd();
}

function headings(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^#{2,3} /.test(line));
}

function analysis(findings: Finding[], mode: 'scan' | 'fix' | 'pr' = 'pr'): string {
  return renderAnalysis(scanResult(findings), { mode });
}

describe('summary', () => {
  it('counts what was found, fixed, and left for a human', () => {
    const markdown = renderAnalysis(scanResult([...allCases, unusedTornadoDict], { changes }), {
      mode: 'pr',
    });
    expect(markdown.split('\n\n').slice(0, 2)).toEqual([
      '## Cookie flag analysis',
      "cookie-hardener found 5 places in 5 files where a cookie's HttpOnly or Secure flag is not reliably set. " +
        'This pull request fixes 4 of them. ' +
        'In 1 case, one flag stays as it was on purpose (see _Not changed, and why_). ' +
        '1 finding needs a decision from someone who knows how the application is deployed. ' +
        '1 advisory note points at code that is not a weakness by itself but does not do what it seems to (see _Not changed, and why_). ' +
        'The edits touch 4 files; each edit only adds or flips a flag, and every edited file was parsed again to check that nothing outside the edit changed.',
    ]);
  });

  it('says what `cookie-hardener fix` would do in scan mode', () => {
    const fixable = { ...expressToken, outcome: 'fixable' as const };
    const markdown = analysis([fixable], 'scan');
    expect(markdown).toContain(
      "cookie-hardener found 1 place in 1 file where a cookie's HttpOnly or Secure flag is not reliably set. `cookie-hardener fix` can fix it automatically.",
    );
    expect(markdown).toContain('- **Change:** `cookie-hardener fix` would set HttpOnly and Secure here.');
  });

  it('renders an empty scan as one sentence', () => {
    expect(analysis([], 'scan')).toBe(
      '## Cookie flag analysis\n\ncookie-hardener found no cookie whose HttpOnly or Secure flag is missing where it matters.\n',
    );
  });

  it('uses the given title, escaped', () => {
    expect(renderAnalysis(scanResult([]), { mode: 'scan', title: 'Cookies *now*' })).toMatch(
      /^## Cookies \\\*now\\\*\n/,
    );
  });
});

describe('findings table', () => {
  it('lists every finding in file order with problem and outcome in words', () => {
    const markdown = analysis([...allCases].reverse());
    expect(section(markdown, '### Findings')).toBe(
      [
        '### Findings',
        '',
        '| Location | Framework | Cookie | Problem | Outcome |',
        '| --- | --- | --- | --- | --- |',
        '| `config/settings.py:3` | Tornado | `user` | HttpOnly not set | Fixed: HttpOnly |',
        '| `src/app.ts:14` | express-session | `connect.sid` (default name) | Secure not set | Fixed: Secure |',
        '| `src/routes/auth.ts:27` | Express | `token` | HttpOnly and Secure not set | Fixed: HttpOnly and Secure |',
        '| `src/routes/csrf.ts:5` | Express | `XSRF-TOKEN` | Secure not set | Fixed: Secure; HttpOnly left as is |',
        '| `src/routes/remember.ts:9` | Express | `remember_me` | Secure decided at run time | Left as is: decided at run time |',
      ].join('\n'),
    );
  });

  it('escapes a cookie name with pipes, backticks and HTML', () => {
    const odd = finding({
      ...expressToken,
      cookie: 'a|b`c<i>',
      message: 'Cookie <img src=x onerror=alert(1)> | `x`',
      fingerprint: 'f00d',
    });
    const markdown = analysis([odd]);
    expect(section(markdown, '### Findings').split('\n').at(-1)).toBe(
      '| `src/routes/auth.ts:27` | Express | ``a\\|b`c<i>`` | HttpOnly and Secure not set | Fixed: HttpOnly and Secure |',
    );
    expect(markdown).toContain(
      '- [ ] `document.cookie` in the DevTools console does not contain ``a|b`c<i>=``',
    );
    expect(markdown).toContain(
      "``curl -s -o /dev/null -D - https://HOST/PATH | grep -iF 'set-cookie: a|b`c<i>='``",
    );
    expect(markdown).not.toContain('<img');
  });

  it('links locations to GitHub when the repository is known', () => {
    const markdown = renderAnalysis(scanResult([{ ...expressToken, file: 'app/(auth)/login.ts' }]), {
      mode: 'pr',
      repository: 'acme/shop',
    });
    expect(markdown).toContain(
      '| [`app/(auth)/login.ts:27`](https://github.com/acme/shop/blob/HEAD/app/%28auth%29/login.ts#L27) | Express |',
    );
  });
});

describe('the seed: a Tornado cookie_settings dict gaining httponly', () => {
  const markdown = analysis([tornadoSettingsDict]);

  it('explains that the dict only matters where it is splatted', () => {
    expect(section(markdown, '### Gap assessment')).toBe(
      [
        '### Gap assessment',
        '',
        '#### `config/settings.py:3`: `user` (Tornado)',
        '',
        '- **Now:** HttpOnly is not set, and Tornado leaves it off when the option is missing.',
        '- **Why it matters for this cookie:** This cookie identifies a logged-in user. Any script that can read it, whether injected through an XSS bug or shipped in a compromised library, can send it to an attacker, who then holds the session from their own machine until it expires.',
        '- **Tornado:** Tornado reads no `cookie_settings` application setting; this dict takes effect only through the calls that splat it (listed below). A cookie set by any other call does not get these flags.',
        '- **Change:** This pull request sets HttpOnly here.',
        '- **These options are used at:** `handlers/auth.py:18`',
        '- **Notes:** The flags come from the dict splatted at handlers/auth.py:18.',
      ].join('\n'),
    );
  });

  it('has a checklist naming the cookie, the file, and the splat', () => {
    expect(section(markdown, '### Verification checklist')).toBe(
      [
        '### Verification checklist',
        '',
        'In the commands, replace `HOST` with a deployed host name and `PATH` with a route that sets the cookie (a login route may need `-X POST` and form fields).',
        '',
        '- `user` at `config/settings.py:3` (Tornado):',
        "  - [ ] `curl -s -o /dev/null -D - https://HOST/PATH | grep -iF 'set-cookie: user='` prints a line that includes `HttpOnly`",
        '  - [ ] DevTools → Application → Cookies shows `user` with HttpOnly ticked',
        '  - [ ] `document.cookie` in the DevTools console does not contain `user=`',
        '  - [ ] Tornado has no `cookie_settings` application setting, so this dict matters only where code splats it (`**`) into `set_cookie` / `set_signed_cookie`: every call that sets a login or session cookie does (cookie-hardener found it splatted at `handlers/auth.py:18`)',
      ].join('\n'),
    );
  });

  it('states the Tornado defaults and the signed-cookie naming trap', () => {
    expect(section(markdown, '### What the framework does by default')).toContain(
      'In Tornado a "secure cookie" is a *signed* one; `set_secure_cookie` sets no Secure attribute.',
    );
  });

  it('only describes the flag involved', () => {
    const threats = section(markdown, '### What these flags stop');
    expect(threats).toMatch(/^### What these flags stop\n\n\*\*HttpOnly\*\* \(\[CWE-1004\]/);
    expect(threats).not.toContain('CWE-614');
  });

  it('checks every cookie that shares a dict when no single name is known', () => {
    const shared = finding({
      ...tornadoSettingsDict,
      cookie: null,
      usedAt: ['handlers/auth.py:18', 'handlers/remember.py:9'],
      fingerprint: 'dd',
    });
    expect(
      section(analysis([shared]), '### Verification checklist')
        .split('\n')
        .slice(4),
    ).toEqual([
      '- cookies set with this dict at `config/settings.py:3` (Tornado):',
      "  - [ ] `curl -s -o /dev/null -D - https://HOST/PATH | grep -iF 'set-cookie:'` prints the response's `Set-Cookie` lines, and the cookie's own line includes `HttpOnly`",
      '  - [ ] DevTools → Application → Cookies shows the cookie with HttpOnly ticked',
      '  - [ ] `document.cookie` in the DevTools console no longer lists the cookie',
      '  - [ ] Tornado has no `cookie_settings` application setting, so this dict matters only where code splats it (`**`) into `set_cookie` / `set_signed_cookie`: every call that sets a login or session cookie does (cookie-hardener found it splatted at `handlers/auth.py:18`, `handlers/remember.py:9`)',
    ]);
  });

  it('reports a dict that nothing splats as an advisory, not as a fix', () => {
    const advisory = analysis([unusedTornadoDict]);
    expect(section(advisory, '### Findings').split('\n').at(-1)).toBe(
      '| `config/legacy_settings.py:7` | Tornado | none: no cookie call uses this dict | Dict has no effect: no cookie call splats it | Advisory: nothing changed |',
    );
    expect(advisory).toContain(
      '- `config/legacy_settings.py:7`, none: no cookie call uses this dict (Tornado): **advisory**. `cookie_settings` is never passed to a cookie call:',
    );
    // Nothing changed, so nothing to verify; a pull request body still shows the heading and says so.
    expect(section(advisory, '### Verification checklist')).toBe(
      '### Verification checklist\n\nNo cookie flag changes here, so there is nothing to check by hand.',
    );
    expect(headings(analysis([unusedTornadoDict], 'scan'))).not.toContain('### Verification checklist');
  });
});

describe('an Express res.cookie("token") missing both flags', () => {
  const markdown = analysis([expressToken]);

  it('builds only the sections that have something to say', () => {
    expect(headings(markdown)).toEqual([
      '## Cookie flag analysis',
      '### Findings',
      '### What these flags stop',
      '### What the framework does by default',
      '### Gap assessment',
      '### Deployment cautions',
      '### Further recommendations',
      '### Verification checklist',
    ]);
  });

  it('has an exact checklist for the cookie', () => {
    expect(section(markdown, '### Verification checklist')).toBe(
      [
        '### Verification checklist',
        '',
        'In the commands, replace `HOST` with a deployed host name and `PATH` with a route that sets the cookie (a login route may need `-X POST` and form fields).',
        '',
        '- `token` at `src/routes/auth.ts:27` (Express):',
        "  - [ ] `curl -s -o /dev/null -D - https://HOST/PATH | grep -iF 'set-cookie: token='` prints a line that includes `HttpOnly` and `Secure`",
        '  - [ ] DevTools → Application → Cookies shows `token` with HttpOnly and Secure ticked',
        '  - [ ] `document.cookie` in the DevTools console does not contain `token=`',
        '  - [ ] logging in over HTTPS still works and the session survives a reload',
      ].join('\n'),
    );
  });

  it('warns about scripts that read the cookie and about plain-HTTP development', () => {
    const cautions = section(markdown, '### Deployment cautions');
    expect(cautions).toContain(
      '- **Scripts that read these cookies:** after HttpOnly is set, `document.cookie` no longer shows the cookies (`token`).',
    );
    expect(cautions).toContain('- **Local development over plain HTTP:** once Secure is on,');
    expect(cautions).toContain("`app.set('trust proxy', 1)`");
  });
});

describe('express-session missing secure', () => {
  const markdown = analysis([expressSession]);

  it('names the default cookie and explains trust proxy', () => {
    expect(section(markdown, '### Deployment cautions')).toContain(
      "- **express-session behind a proxy that terminates TLS:** With `cookie.secure: true`, express-session only sends the cookie on requests it believes are HTTPS. When TLS ends at a proxy, the app sees plain HTTP unless `app.set('trust proxy', 1)` (or the middleware's `proxy: true`) lets it trust `X-Forwarded-Proto`; without that the session cookie is silently never set and logins stop sticking, with no error logged.",
    );
    expect(section(markdown, '### Verification checklist')).toContain(
      "- [ ] express-session: behind the production proxy, log in and reload: you stay logged in. If not, the app does not trust `X-Forwarded-Proto`; add `app.set('trust proxy', 1)`.",
    );
  });

  it('does not list the finding itself as another use of its options', () => {
    const selfListed = analysis([{ ...expressSession, usedAt: ['src/app.ts:14'] }]);
    expect(selfListed).not.toContain('These options are used at');
  });

  it('recommends regenerating the session with the framework call', () => {
    expect(section(markdown, '### Further recommendations')).toContain(
      '(in express-session, call `req.session.regenerate()` once the credentials check out, before storing the user id)',
    );
  });

  it('does not mention HttpOnly threats or scripts', () => {
    expect(markdown).not.toContain('CWE-1004');
    expect(markdown).not.toContain('document.cookie');
  });
});

describe('a conditional secure: process.env.NODE_ENV === "production"', () => {
  const markdown = analysis([conditionalSecure]);

  it('is listed under "Not changed, and why" with its expression', () => {
    expect(section(markdown, '### Not changed, and why')).toBe(
      [
        '### Not changed, and why',
        '',
        "**Decided at run time:** the flag's value is an expression such as `secure: isProd` or `not DEBUG`. cookie-hardener reports it but does not rewrite it, because the expression is usually deliberate; check that it is true in every deployed environment, staging and preview deployments included.",
        '',
        "- `src/routes/remember.ts:9`, `remember_me` (Express): **decided at run time**. `process.env.NODE_ENV === 'production'` decides Secure at run time; make sure it is true in production.",
      ].join('\n'),
    );
  });

  it('gets a checklist item for production, and no local-development caution', () => {
    expect(section(markdown, '### Verification checklist')).toContain(
      "  - [ ] the expression that decides Secure is true where the app really runs (production, staging, previews): against those hosts, `curl -s -o /dev/null -D - https://HOST/PATH | grep -iF 'set-cookie: remember_me='` prints a line that includes `Secure`",
    );
    expect(markdown).not.toContain('Local development over plain HTTP');
  });
});

describe('a CSRF cookie', () => {
  const markdown = analysis([csrfCookie]);

  it('gets Secure, keeps HttpOnly off, and says why', () => {
    expect(markdown).toContain(
      "- **Why it matters for this cookie:** This is an anti-CSRF token that the page's own JavaScript reads and sends back in a header or form field. cookie-hardener never adds HttpOnly to it: that would break those requests, and the token protects because other sites cannot read it, not because this page cannot. Seen on the wire, it lets someone on the same network craft requests that pass the token check, so it should travel only over HTTPS.",
    );
    expect(markdown).toContain(
      "- `src/routes/csrf.ts:5`, `XSRF-TOKEN` (Express): **HttpOnly left as is**. The page's own JavaScript reads CSRF tokens, so HttpOnly is never added to them.",
    );
    expect(section(markdown, '### Verification checklist')).not.toContain('document.cookie');
    expect(markdown).not.toContain('Scripts that read these cookies');
  });
});

describe('other findings', () => {
  it('falls back to generic text for a framework it has no notes on', () => {
    const unknown = finding({ ...expressToken, framework: 'bun_*serve*', fingerprint: 'aa' });
    expect(section(analysis([unknown]), '### What the framework does by default')).toBe(
      "### What the framework does by default\n\n- **bun\\_\\*serve\\***: cookie-hardener has no notes on this library's defaults yet; the finding reports what the code itself leaves out.",
    );
  });

  it('describes explicit false, overridden defaults and options it cannot see', () => {
    const flipped = finding({
      ...expressToken,
      problems: ['httpOnly-false', 'secure-unknown'],
      changedFlags: ['httpOnly'],
      fingerprint: 'e1',
    });
    const hapi = finding({
      ruleId: 'hapi-state',
      framework: 'hapi',
      file: 'server/cookies.js',
      line: 4,
      cookie: 'sid',
      kind: 'session',
      problems: ['secure-false'],
      changedFlags: ['secure'],
      fingerprint: 'e2',
    });
    const markdown = analysis([flipped, hapi]);
    expect(markdown).toContain(
      '- **Now:** HttpOnly is turned off explicitly. Secure is set by options the scan cannot see (a spread, `**kwargs` or a parameter).',
    );
    expect(markdown).toContain("- **Now:** Secure is turned off explicitly, overriding hapi's default.");
    expect(section(markdown, '### Findings')).toContain(
      '| HttpOnly turned off; Secure not visible in the code | Fixed: HttpOnly; Secure left as is |',
    );
  });

  it("states the default of the finding's own API where its framework's APIs differ (Django)", () => {
    const session = finding({
      ruleId: 'django-session-settings',
      framework: 'django',
      file: 'proj/settings.py',
      line: 12,
      cookie: 'sessionid',
      kind: 'session',
      problems: ['httpOnly-false', 'secure-missing'],
      changedFlags: ['httpOnly', 'secure'],
      fingerprint: 'd1',
    });
    const csrf = finding({
      ruleId: 'django-csrf-settings',
      framework: 'django',
      file: 'proj/settings.py',
      line: 13,
      cookie: 'csrftoken',
      kind: 'csrf',
      problems: ['secure-missing'],
      changedFlags: ['secure'],
      fingerprint: 'd2',
    });
    const markdown = analysis([session, csrf]);
    expect(markdown).toContain(
      "- **Now:** Secure is not set, and Django leaves it off when the option is missing. HttpOnly is turned off explicitly, overriding Django's default.",
    );
    expect(markdown).toContain(
      '- **Now:** Secure is not set, and Django leaves it off when the option is missing.\n',
    );
  });

  it('calls out test code and browser code that were not changed', () => {
    const inTests = finding({
      ...expressToken,
      file: 'test/helpers/login.ts',
      outcome: 'manual',
      changedFlags: [],
      notChangedReasons: ['test code is reported but not changed (turn on `fix-tests` to change it)'],
      fingerprint: 'bb',
    });
    const inBrowser = finding({
      ruleId: 'js-cookie-set',
      framework: 'js-cookie',
      file: 'web/src/auth.js',
      line: 3,
      cookie: 'jwt',
      kind: 'session',
      problems: ['secure-missing'],
      outcome: 'manual',
      notChangedReasons: ['a token written by browser code belongs in a server-set cookie'],
      fingerprint: 'cc',
    });
    const notChanged = section(analysis([inTests, inBrowser]), '### Not changed, and why');
    expect(notChanged).toContain(
      '- `test/helpers/login.ts:27`, `token` (Express): **test code, left as is**. Test code is reported but not changed (turn on `fix-tests` to change it).',
    );
    expect(notChanged).toContain(
      '- `web/src/auth.js:3`, `jwt` (js-cookie): **needs a manual fix** (browser code). A token written by browser code belongs in a server-set cookie.',
    );
    expect(notChanged).toContain('**Browser code:** cookies written by script');
  });

  it('is deterministic: input order and repeated runs do not matter', () => {
    const once = renderAnalysis(scanResult(allCases, { changes }), { mode: 'pr' });
    const shuffled = [allCases[3], allCases[0], allCases[4], allCases[2], allCases[1]].filter(
      (entry): entry is Finding => entry !== undefined,
    );
    expect(renderAnalysis(scanResult(shuffled, { changes }), { mode: 'pr' })).toBe(once);
    expect(renderAnalysis(scanResult(allCases, { changes }), { mode: 'pr' })).toBe(once);
  });

  it('lists files it could not scan', () => {
    const markdown = renderAnalysis(
      scanResult([expressToken], { skipped: [{ file: 'src/b.js', reason: 'Unexpected token (3:7)' }] }),
      { mode: 'scan' },
    );
    expect(section(markdown, '### Files not scanned')).toBe(
      '### Files not scanned\n\nCookies set in these files were not checked.\n\n- `src/b.js`: Unexpected token (3:7).',
    );
  });
});

describe('length limit', () => {
  const many = Array.from({ length: 40 }, (_, index) =>
    finding({
      ...expressToken,
      file: `src/routes/r${String(index).padStart(2, '0')}.ts`,
      cookie: `sid_${index}`,
      fingerprint: `fp${index}`,
    }),
  );
  const result = scanResult(many);
  const full = renderAnalysis(result, { mode: 'pr' });
  const withoutDetail = full.replace(/### Gap assessment[\s\S]*?(?=\n### )/, '').length;

  it('drops per-finding detail first', () => {
    const markdown = renderAnalysis(result, { mode: 'pr', maxLength: withoutDetail + 200 });
    expect(markdown.length).toBeLessThanOrEqual(withoutDetail + 200);
    expect(markdown).not.toContain('### Gap assessment');
    expect(markdown).toContain(
      "_Per-finding detail is left out to fit the length limit; the full report is in the workflow run's job summary._",
    );
    // Heading, blank line, table header and separator, and all 40 rows: the table is untouched.
    expect(section(markdown, '### Findings').split('\n')).toHaveLength(44);
  });

  it('then cuts the table and says how many rows are missing', () => {
    const markdown = renderAnalysis(result, { mode: 'pr', maxLength: Math.floor(withoutDetail / 2) });
    expect(markdown.length).toBeLessThanOrEqual(Math.floor(withoutDetail / 2));
    expect(section(markdown, '### Findings')).toMatch(
      /\n\n_\d+ more rows left out to fit the length limit; the full report is in the workflow run's job summary\._$/,
    );
    expect(markdown).toContain('### Verification checklist');
  });

  it('keeps the checklist heading however small the limit', () => {
    const markdown = renderAnalysis(result, { mode: 'pr', maxLength: 600 });
    expect(markdown).toContain(
      "### Verification checklist\n\n_The report is too long to show here; the full report is in the workflow run's job summary._",
    );
  });

  it('points the CLI at its own full report', () => {
    expect(renderAnalysis(result, { mode: 'scan', maxLength: 5_000 })).toContain(
      'run `cookie-hardener scan --format markdown` for the full report',
    );
  });
});
