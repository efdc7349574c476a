import { describe, expect, it } from 'vitest';
import { tickChecklist } from '../../src/verify/checklist-ticks.js';
import type { CookieAttributes, ObservedCookie } from '../../src/verify/types.js';

function observed(name: string, flags: Partial<CookieAttributes>, header: string): ObservedCookie {
  return {
    name,
    url: 'https://staging.example.com/login',
    step: null,
    attributes: {
      httpOnly: false,
      secure: false,
      sameSite: null,
      path: '/',
      domain: null,
      maxAge: null,
      expires: null,
      partitioned: false,
      ...flags,
    },
    expected: { httpOnly: true, secure: true, source: 'code', sites: ['src/app.ts:3'] },
    problems: [],
    notes: [],
    header,
  };
}

const STAMP = { sha: 'abcdef0123456789abcdef0123456789abcdef01', environment: 'staging' };

const TOKEN =
  '- [ ] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure -->';
const SID =
  '- [ ] In `src/app.ts`: `curl -sI https://HOST/PATH` shows `connect.sid=…; Secure` <!-- cookie-hardener:check connect.sid=Secure -->';
const REMEMBER =
  '- [ ] In `src/remember.ts`: `curl -sI https://HOST/PATH` shows `remember_me=…; Secure` on every deployed host (decided at run time) <!-- cookie-hardener:check every-host remember_me=Secure -->';
const LANG =
  '- [ ] `curl -sI https://HOST/` shows `lang=…; Secure; SameSite=Lax` <!-- cookie-hardener:check lang=Secure,SameSite=Lax -->';
const TESTS = '- [ ] `npm test` passes on this branch.';

function body(...items: string[]): string {
  return [
    '## Cookie flag fixes',
    '',
    'Some text a person edited.',
    '',
    '### Verification checklist',
    '',
    ...items,
    '',
    '### Notes',
    '',
    '<!-- cookie-hardener:notes -->',
    '- [ ] a person wrote this <!-- cookie-hardener:check token=HttpOnly,Secure --> in their notes',
    '<!-- cookie-hardener:notes-end -->',
    '',
    '<!-- cookie-hardener:state {"version":1} -->',
    '',
  ].join('\n');
}

describe('ticking the checklist from a deployment', () => {
  const live = [
    observed('token', { httpOnly: true, secure: true }, 'token=…; Path=/; HttpOnly; Secure'),
    observed('connect.sid', { httpOnly: true }, 'connect.sid=…; Path=/; HttpOnly'),
    observed('remember_me', { secure: true }, 'remember_me=…; Secure'),
  ];

  it('ticks exactly the items that passed, shows the header of the ones that failed, and touches nothing else', () => {
    const before = body(TOKEN, SID, REMEMBER, LANG, TESTS);
    const { body: after, items } = tickChecklist(before, live, STAMP);
    const changed = new Map([
      [
        TOKEN,
        '- [x] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure --> <!-- cookie-hardener:observed pass ticked --> ✅ verified on the deployment of `abcdef0` to `staging`. <!-- cookie-hardener:observed-end -->',
      ],
      [
        SID,
        '- [ ] In `src/app.ts`: `curl -sI https://HOST/PATH` shows `connect.sid=…; Secure` <!-- cookie-hardener:check connect.sid=Secure --> <!-- cookie-hardener:observed fail --> ❌ the deployment of `abcdef0` to `staging` sent `connect.sid=…; Path=/; HttpOnly` (no Secure). <!-- cookie-hardener:observed-end -->',
      ],
      [
        REMEMBER,
        '- [ ] In `src/remember.ts`: `curl -sI https://HOST/PATH` shows `remember_me=…; Secure` on every deployed host (decided at run time) <!-- cookie-hardener:check every-host remember_me=Secure --> <!-- cookie-hardener:observed pass --> ✅ passed on the deployment of `abcdef0` to `staging`; the code decides at run time, so check every other host too. <!-- cookie-hardener:observed-end -->',
      ],
      [
        LANG,
        '- [ ] `curl -sI https://HOST/` shows `lang=…; Secure; SameSite=Lax` <!-- cookie-hardener:check lang=Secure,SameSite=Lax --> <!-- cookie-hardener:observed unseen --> ⚪ the deployment of `abcdef0` to `staging` did not set `lang` for the requests verify made (a `verify-scenario` step can reach the route). <!-- cookie-hardener:observed-end -->',
      ],
    ]);
    expect(after).toBe(
      before
        .split('\n')
        .map((line) => changed.get(line) ?? line)
        .join('\n'),
    );
    expect(items.map((item) => [item.line, item.result, item.ticked])).toEqual([
      [7, 'pass', true],
      [8, 'fail', false],
      [9, 'pass', false],
      [10, 'unseen', false],
      // The notes section is people's: a marked item pasted there is left alone.
    ]);
  });

  it('gives the same body when the same deployment is checked again', () => {
    const once = tickChecklist(body(TOKEN, SID), live, STAMP).body;
    expect(tickChecklist(once, live, STAMP).body).toBe(once);
  });

  it('unticks a box it ticked itself when a later deployment fails, and names the new commit', () => {
    const once = tickChecklist(body(TOKEN), live, STAMP).body;
    const regressed = [observed('token', { secure: true }, 'token=…; Secure')];
    const later = tickChecklist(once, regressed, { sha: '1234567890'.repeat(4), environment: null }).body;
    expect(later.split('\n')[6]).toBe(
      '- [ ] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure --> <!-- cookie-hardener:observed fail --> ❌ the deployment of `1234567` sent `token=…; Secure` (no HttpOnly). <!-- cookie-hardener:observed-end -->',
    );
  });

  it("never unticks a person's tick, and does not claim it", () => {
    const ticked = body(TOKEN.replace('- [ ]', '- [X]'));
    const failing = [observed('token', { secure: true }, 'token=…; Secure')];
    const { body: after, items } = tickChecklist(ticked, failing, STAMP);
    expect(after.split('\n')[6]).toBe(
      '- [X] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure --> <!-- cookie-hardener:observed fail by-person --> ❌ the deployment of `abcdef0` to `staging` sent `token=…; Secure` (no HttpOnly). <!-- cookie-hardener:observed-end -->',
    );
    expect(items[0]).toMatchObject({ wasTicked: true, ticked: true, result: 'fail' });
    // Passing later keeps the person's tick as it is and still does not record it as the tool's.
    const passing = tickChecklist(after, live, STAMP).body;
    expect(passing.split('\n')[6]).toContain('- [X] ');
    expect(passing.split('\n')[6]).toContain('<!-- cookie-hardener:observed pass by-person -->');
    expect(tickChecklist(passing, failing, STAMP).body.split('\n')[6]).toContain('- [X] ');
  });

  it("rewrites only its own note: a person's text after it stays byte for byte, CRLF too", () => {
    const once = tickChecklist(body(TOKEN), live, STAMP).body.replace(
      '<!-- cookie-hardener:observed-end -->',
      '<!-- cookie-hardener:observed-end -->  also checked by hand, see #12 <!-- mine --> ✅',
    );
    const regressed = [observed('token', { secure: true }, 'token=…; Secure')];
    const expected =
      '- [ ] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure --> <!-- cookie-hardener:observed fail --> ❌ the deployment of `abcdef0` to `staging` sent `token=…; Secure` (no HttpOnly). <!-- cookie-hardener:observed-end -->  also checked by hand, see #12 <!-- mine --> ✅';
    const later = tickChecklist(once, regressed, STAMP).body;
    expect(later).toBe(once.replace(once.split('\n')[6]!, expected));
    const crlf = once.replace(/\n/g, '\r\n');
    expect(tickChecklist(crlf, regressed, STAMP).body).toBe(later.replace(/\n/g, '\r\n'));
  });

  it('replaces a note written before the end marker existed, which ran to the end of the line', () => {
    const old = `${TOKEN.replace('- [ ]', '- [x]')} <!-- cookie-hardener:observed pass ticked --> ✅ verified on the deployment of \`0000000\`.`;
    expect(tickChecklist(body(old), live, STAMP).body.split('\n')[6]).toBe(
      '- [x] `curl -sI -X POST https://HOST/login` shows `token=…; HttpOnly; Secure` <!-- cookie-hardener:check token=HttpOnly,Secure --> <!-- cookie-hardener:observed pass ticked --> ✅ verified on the deployment of `abcdef0` to `staging`. <!-- cookie-hardener:observed-end -->',
    );
  });

  it('never ticks again a box a person unticked after the tool ticked it, and still updates its note', () => {
    const once = tickChecklist(body(TOKEN), live, STAMP).body;
    const unticked = once.replace('- [x] `curl', '- [ ] `curl');
    const { body: after, items } = tickChecklist(unticked, live, {
      sha: '1234567890'.repeat(4),
      environment: null,
    });
    expect(after).toBe(
      unticked.replace(
        '<!-- cookie-hardener:observed pass ticked --> ✅ verified on the deployment of `abcdef0` to `staging`.',
        '<!-- cookie-hardener:observed pass by-person --> ✅ verified on the deployment of `1234567`.',
      ),
    );
    expect(items[0]).toMatchObject({ result: 'pass', ticked: false, wasTicked: false });
    // The box stays the person's on every later run, passing or failing.
    expect(tickChecklist(after, live, STAMP).body).toBe(
      unticked.replace('observed pass ticked', 'observed pass by-person'),
    );
    const failing = [observed('token', { secure: true }, 'token=…; Secure')];
    expect(tickChecklist(after, failing, STAMP).body.split('\n')[6]).toMatch(
      /^- \[ \] .*<!-- cookie-hardener:observed fail by-person --> ❌ /,
    );
  });

  it('keeps CRLF line endings, and a body without marked items is returned as it was', () => {
    const crlf = body(TOKEN, TESTS).replace(/\n/g, '\r\n');
    const after = tickChecklist(crlf, live, STAMP).body;
    expect(after.split('\r\n')).toHaveLength(crlf.split('\r\n').length);
    expect(after.split('\r\n')[6]).toMatch(
      /^- \[x\] .* ✅ verified on the deployment of `abcdef0` to `staging`\. <!-- cookie-hardener:observed-end -->$/,
    );
    const plain = 'No checklist here.\r\n- [ ] a hand-written item\r\n';
    expect(tickChecklist(plain, live, STAMP)).toEqual({ body: plain, items: [] });
  });

  it('fails a cookie when any of its headers lacks a flag, and shows each failing header once', () => {
    const mixed = [
      observed('token', { httpOnly: true, secure: true }, 'token=…; HttpOnly; Secure'),
      observed('token', { secure: true }, 'token=…; Secure'),
      observed('token', { secure: true }, 'token=…; Secure'),
    ];
    const { items } = tickChecklist(body(TOKEN), mixed, STAMP);
    expect(items[0]?.cookies[0]).toMatchObject({
      result: 'fail',
      failing: ['token=…; Secure'],
      missing: ['HttpOnly'],
    });
  });

  it('reads the SameSite value the item names, and a quoted-into-a-blockquote item is not an item', () => {
    const strict = [
      observed('lang', { secure: true, sameSite: 'Strict' }, 'lang=…; Secure; SameSite=Strict'),
    ];
    expect(tickChecklist(body(LANG), strict, STAMP).items[0]?.cookies[0]).toMatchObject({
      result: 'fail',
      missing: ['SameSite=Lax'],
    });
    const quoted = `> ${TOKEN}\n`;
    expect(tickChecklist(quoted, live, STAMP).body).toBe(quoted);
  });

  it('shows a hostile header as text, never as a marker or markup', () => {
    const hostile = [
      observed('token', {}, 'token=…; Path=/<!-- cookie-hardener:observed pass ticked --> @admin'),
    ];
    const line = tickChecklist(body(TOKEN), hostile, STAMP).body.split('\n')[6] ?? '';
    expect(line.match(/<!--/g)).toHaveLength(3);
    expect(line).toContain(
      '<code>token=…; Path=/&lt;!-- cookie-hardener&#58;observed pass ticked --&gt; @&#8203;admin</code>',
    );
  });
});
