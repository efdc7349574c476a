// The remediation pull request's body as a busy maintainer reads it: three TL;DR lines, a findings table, the
// detail folded once per framework, one checklist, and a size budget measured on realistic scans.
import { describe, expect, it } from 'vitest';
import { renderNotesSection } from '../../src/deliver/remediation/notes.js';
import type { Finding } from '../../src/model.js';
import { parsePullRequestState, renderPullRequestBody } from '../../src/report/pr-body.js';
import { renderPullRequestWriteup, tldr } from '../../src/report/pr-writeup.js';
import { realisticProject, scanProject } from './realistic-project.js';
import {
  allCases,
  changes,
  conditionalSecure,
  expressSession,
  expressToken,
  finding,
  scanResult,
  tornadoSettingsDict,
} from './scan-results.js';

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start);
  const end = rest.slice(heading.length).search(/\n(?:### |<details>|_cookie-hardener rewrites)/);
  return end < 0 ? rest : rest.slice(0, heading.length + end);
}

const PROXY_LINE =
  "The app looks like it runs behind a proxy (docker-compose.yml runs nginx in front of the app (docker-compose.yml:3)) but does not trust it: add `app.set('trust proxy', 1)` (trust proxy) so the framework sees HTTPS requests as secure.";

/** A cookie written by browser code: it never reaches a response header. */
const browserLang = finding({
  ruleId: 'document-cookie',
  framework: 'document-cookie',
  file: 'web/lib/prefs.js',
  line: 2,
  column: 3,
  cookie: 'lang',
  problems: ['secure-missing'],
  outcome: 'fixed',
  severity: 'low',
  message: 'Cookie "lang" (document.cookie = "…"): Secure is not set. Fix: secure: true.',
  changedFlags: ['secure'],
  fingerprint: 'b0b0b0b0b0b0b0b0',
  edits: [{ file: 'web/lib/prefs.js', start: 0, end: 0, text: '' }],
});

describe('the TL;DR', () => {
  it('says what changed, how many cookies, and the biggest break risk with the line to check', () => {
    expect(tldr(allCases, changes.length)).toBe(
      [
        '- **Changed:** HttpOnly on 2 cookies and Secure on 3 cookies, in 4 files (Tornado, Express, express-session); each edit only adds or turns on a flag.',
        '- **Cookies:** 5 findings (3 high, 1 medium, 1 low severity): 4 fixed here (1 in part) and 1 left for a human.',
        "- **Can break:** express-session now sends Secure on `connect.sid`: if TLS ends at a proxy, check that `app.set('trust proxy', 1)` is set, or the session cookie is never sent and logins stop sticking.",
      ].join('\n'),
    );
  });

  it('names the missing proxy setting when the project looks proxied and Secure is a constant', () => {
    const literal = finding({
      ...expressSession,
      message: 'Cookie options of session({ cookie }): Secure is not set. Fix: secure: true.',
      evidence: [
        { file: 'docker-compose.yml', line: 3, fact: 'docker-compose.yml runs nginx in front of the app' },
      ],
      beforeMerging: [PROXY_LINE],
    });
    expect(tldr([literal, expressToken], 2).split('\n')[2]).toBe(
      "- **Can break:** express-session now sends Secure on `connect.sid`, and no `app.set('trust proxy', 1)` was found although the app looks like it runs behind a proxy (`docker-compose.yml:3`): behind a TLS-terminating proxy, the session cookie is never sent and logins stop sticking until that line is added.",
    );
  });

  it("uses Koa's own setting for Koa", () => {
    const koa = finding({
      ruleId: 'koa-cookies-set',
      framework: 'koa',
      file: 'src/server.js',
      line: 8,
      cookie: 'sid',
      kind: 'session',
      problems: ['secure-false'],
      outcome: 'fixed',
      severity: 'high',
      message: 'Cookie "sid" (ctx.cookies.set()): Secure is turned off. Fix: secure → true.',
      changedFlags: ['secure'],
      fingerprint: 'c0c0c0c0c0c0c0c0',
    });
    expect(tldr([koa], 1).split('\n')[2]).toBe(
      '- **Can break:** Koa now sends Secure on `sid`: if TLS ends at a proxy, check that `app.proxy = true` is set, or every `ctx.cookies.set` asking for Secure fails with a 500.',
    );
  });

  it('reads the risk from a real scan: Secure that follows the request behind an untrusted proxy', () => {
    const result = scanProject(realisticProject({ expressRoutes: 0, flaskViews: 1, django: false }));
    expect(tldr(result.findings, result.changes.length)).toBe(
      [
        '- **Changed:** HttpOnly on 2 cookies and Secure on 5 cookies, in 5 files (Werkzeug / Flask / Quart `set_cookie`, express-session, Tornado, Next.js and 1 more); each edit only adds or turns on a flag.',
        '- **Cookies:** 5 findings (3 high, 1 medium, 1 low severity): 5 fixed here (1 in part).',
        "- **Before merging:** express-session now marks `connect.sid` Secure only on requests it sees as HTTPS, and the app looks like it runs behind a proxy (`docker-compose.yml:3`) that it does not trust: add `app.set('trust proxy', 1)`, or behind that proxy the cookie still goes out without Secure.",
      ].join('\n'),
    );
  });
});

describe('the findings table', () => {
  it('has one row per finding, worst first, with the change and the evidence', () => {
    const cited = finding({
      ...expressSession,
      evidence: [
        { file: 'docker-compose.yml', line: 3, fact: 'docker-compose.yml runs nginx in front of the app' },
      ],
    });
    const body = renderPullRequestWriteup(
      scanResult([...allCases.filter((f) => f !== expressSession), cited]),
      {
        repository: 'acme/shop',
      },
    );
    expect(section(body, '### Findings')).toBe(
      [
        '### Findings',
        '',
        '| Severity | Cookie | Where | Change | Evidence |',
        '| --- | --- | --- | --- | --- |',
        '| high | `user` | [`config/settings.py:3`](https://github.com/acme/shop/blob/HEAD/config/settings.py#L3) | sets HttpOnly | HttpOnly not set |',
        '| high | `connect.sid` (default name) | [`src/app.ts:14`](https://github.com/acme/shop/blob/HEAD/src/app.ts#L14) | sets Secure | Secure not set; E1 |',
        '| high | `token` | [`src/routes/auth.ts:27`](https://github.com/acme/shop/blob/HEAD/src/routes/auth.ts#L27) | sets HttpOnly, Secure | HttpOnly and Secure not set |',
        '| medium | `XSRF-TOKEN` | [`src/routes/csrf.ts:5`](https://github.com/acme/shop/blob/HEAD/src/routes/csrf.ts#L5) | sets Secure; HttpOnly left as is | Secure not set |',
        '| low | `remember_me` | [`src/routes/remember.ts:9`](https://github.com/acme/shop/blob/HEAD/src/routes/remember.ts#L9) | none: decided at run time | Secure decided at run time |',
        '',
        '**Evidence:**',
        '- E1 `docker-compose.yml:3`: docker-compose.yml runs nginx in front of the app.',
        '',
      ].join('\n'),
    );
  });

  it('shows a value that is not a plain true', () => {
    const auto = finding({
      ...expressSession,
      message:
        "Cookie options of session({ cookie }): Secure is not set. Fix: secure: 'auto'. The app does not trust a proxy.",
    });
    expect(renderPullRequestWriteup(scanResult([auto]), {})).toContain(
      "| high | `connect.sid` (default name) | `src/app.ts:14` | sets Secure = `'auto'` | Secure not set |",
    );
  });
});

describe('the verification checklist', () => {
  // The token route's source, so the checklist can name its URL.
  const routes =
    "const router = require('express').Router();\n\nrouter.post('/login', (req, res) => {\n  res.cookie('token', req.token);\n  res.end();\n});\n";
  const token = finding({ ...expressToken, line: 4, column: 3 });
  const result = scanResult([token, expressSession, conditionalSecure, browserLang], {
    changes: [{ file: 'src/routes/auth.ts', before: routes, after: routes, edits: [] }],
  });

  it('has one curl per route, one DevTools step that covers browser-written cookies, and the test command', () => {
    const body = renderPullRequestWriteup(result, { testCommand: 'npm test' });
    expect(section(body, '### Verification checklist')).toBe(
      [
        '### Verification checklist',
        '',
        'After deploying this branch (staging is fine): `HOST` is its host, `PATH` a route that sets the cookies named (a login may need its form data); pipe each command through `grep -i set-cookie`. Attributes may come in any order, beside others such as `Path=/`.',
        '',
        '- [ ] In `src/app.ts`: `curl -sI https://HOST/PATH` shows `connect.sid=…; Secure` <!-- cookie-hardener:check connect.sid=Secure -->',
        '- [ ] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure -->',
        '- [ ] In `src/routes/remember.ts`: `curl -sI https://HOST/PATH` shows `remember_me=…; Secure` on every deployed host (decided at run time) <!-- cookie-hardener:check every-host remember_me=Secure -->',
        '- [ ] DevTools → Application → Cookies on `HOST`, after logging in: Secure is ticked for `connect.sid`, `token`, `remember_me` and `lang`. HttpOnly is ticked for `token`, and `document.cookie` in the console shows no such cookie. `lang` is written by browser code and never appears in a `Set-Cookie` header: this is the check for it.',
        '- [ ] `npm test` passes on this branch.',
        "- [ ] express-session: behind the production proxy, log in and reload: you stay logged in. If not, the app does not trust `X-Forwarded-Proto`; add `app.set('trust proxy', 1)`.",
        '',
      ].join('\n'),
    );
  });

  it('checks a splatted options dict where the call that uses it sets the cookie', () => {
    const body = renderPullRequestWriteup(scanResult([tornadoSettingsDict]), {});
    expect(body).toContain(
      '- [ ] In `handlers/auth.py`: `curl -sI https://HOST/PATH` shows `user=…; HttpOnly` <!-- cookie-hardener:check user=HttpOnly -->\n',
    );
  });

  it('names each cookie once for a file whose handlers have no plain route (flower: five set_cookie calls)', () => {
    const handler = (line: number, cookie: string, fingerprint: string) =>
      finding({
        ruleId: 'tornado-set-cookie',
        framework: 'tornado',
        file: 'flower/views/auth.py',
        line,
        column: 9,
        cookie,
        kind: 'session',
        problems: ['httpOnly-missing', 'secure-missing'],
        outcome: 'fixed',
        severity: 'high',
        message: `Cookie "${cookie}" (RequestHandler.set_*cookie()): HttpOnly is not set; Secure is not set.`,
        changedFlags: ['httpOnly', 'secure'],
        fingerprint,
      });
    const body = renderPullRequestWriteup(
      scanResult([
        handler(75, 'user', '0000000000000001'),
        handler(163, 'user', '0000000000000002'),
        handler(320, 'oauth_state', '0000000000000003'),
      ]),
      {},
    );
    expect(body).toContain(
      '- [ ] In `flower/views/auth.py` (for each route this file serves): `curl -sI https://HOST/PATH` shows the one it sets: `user=…; HttpOnly; Secure` or `oauth_state=…; HttpOnly; Secure` <!-- cookie-hardener:check user=HttpOnly,Secure oauth_state=HttpOnly,Secure -->\n',
    );
  });

  it('leaves a browser-written cookie out of the curl checks and the test command out when there is none', () => {
    const body = renderPullRequestWriteup(scanResult([browserLang]), {});
    expect(section(body, '### Verification checklist')).toBe(
      [
        '### Verification checklist',
        '',
        '- [ ] DevTools → Application → Cookies on `HOST`, after logging in: Secure is ticked for `lang`. `lang` is written by browser code and never appears in a `Set-Cookie` header: this is the check for it.',
        '',
      ].join('\n'),
    );
  });
});

describe('the body size on realistic scans', () => {
  const small = scanProject(realisticProject({ expressRoutes: 0, flaskViews: 1, django: false }));
  const large = scanProject(realisticProject({ expressRoutes: 12, flaskViews: 13, django: true }));
  const render = (findings: { findings: Finding[] }) =>
    renderPullRequestBody(
      { ...small, ...findings },
      {
        repository: 'acme/shop',
        testCommand: 'npm test',
        notes: renderNotesSection('Ship after the 2.3 release.'),
      },
    );

  it('keeps 5 findings in five frameworks under 8 KB', () => {
    expect(small.findings).toHaveLength(5);
    expect(new Set(small.findings.map((entry) => entry.framework)).size).toBe(5);
    const body = renderPullRequestBody(small, { repository: 'acme/shop', testCommand: 'npm test' });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(8_000);
  });

  it('keeps 55 findings under 25 KB of text (27 KB with the checklist markers), with every finding in the table and one checklist', () => {
    expect(large.findings).toHaveLength(55);
    const body = renderPullRequestBody(large, { repository: 'acme/shop', testCommand: 'npm test' });
    // The hidden markers `verify` ticks the checklist by cost about 55 bytes per checklist item.
    const markers = body.match(/ <!-- cookie-hardener:check [^>]*-->/g) ?? [];
    expect(markers).toHaveLength(13 + 12 + 4);
    expect(Buffer.byteLength(markers.join(''))).toBeLessThanOrEqual(2_000);
    expect(Buffer.byteLength(body) - Buffer.byteLength(markers.join(''))).toBeLessThanOrEqual(25_000);
    expect(body.match(/^\| (?:high|medium|low) \|/gm)).toHaveLength(55);
    expect(body.match(/^#{3} Verification checklist$/gm)).toHaveLength(1);
    // One curl per route: 13 Flask views, 12 Express login routes (two cookies each), the session middleware,
    // Django's settings, Tornado's handler and the Next.js route; then DevTools, the tests and two framework checks.
    expect(body.match(/^- \[ \] /gm)).toHaveLength(13 + 12 + 4 + 4);
    expect(body).not.toContain('more rows left out');
  });

  it('keeps the notes section and the state block readable', () => {
    const body = render(large);
    expect(body).toContain(
      '<!-- cookie-hardener:notes -->\nShip after the 2.3 release.\n<!-- cookie-hardener:notes-end -->',
    );
    expect(parsePullRequestState(body)?.fingerprints).toHaveLength(55);
  });
});
