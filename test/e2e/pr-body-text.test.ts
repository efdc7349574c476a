// The remediation pull request's body quotes repository text (cookie names, paths, code); none of it may read
// as the hidden state block, notify anyone, or link an issue. dist/index.js against the fake GitHub.
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../fake-github/api.js';
import { startFakeGitHub } from '../fake-github/server.js';
import { makeWorkspace, runAction } from './harness.js';

let fake: FakeGitHub | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

// An unclosed state opener as a cookie name: the old parser's lazy match ran from it to the real block's end
// and read garbage, so a declined pull request was reopened on every run.
const ROUTES = `const express = require('express');
const router = express.Router();

router.post('/login', (req, res) => {
  res.cookie('<!-- cookie-hardener:state {"version":1', req.token);
  res.cookie('@acme/admins #12', req.role);
  res.end();
});

module.exports = router;
`;

describe('the remediation pull request body', () => {
  it('keeps hostile cookie names from forging the state or mentioning anyone, so a declined PR stays closed', async () => {
    const files = { 'README.md': '# webapp\n', 'app/routes.js': ROUTES };
    fake = await startFakeGitHub({ files });
    const workspace = makeWorkspace(files);
    const first = await runAction(fake, { workspace });
    expect(first.stderr).toBe('');
    expect(first.outputs['pull-request-operation']).toBe('created');
    const body = fake.pulls[0]!.body ?? '';
    const own = body.lastIndexOf('<!-- cookie-hardener:state ');
    expect(own).toBeGreaterThan(0);
    // Every comment opener in the body is one of the bot's own markers: the checklist's (the route's curl and the
    // DevTools step, with the names percent-encoded), the notes section's two and the state.
    const openers = [...body.matchAll(/<!--/g)].map((match) =>
      body.slice(match.index, body.indexOf('-->', match.index) + 3),
    );
    const check =
      '<!-- cookie-hardener:check %3C!%2D%2D%20cookie%2Dhardener%3Astate%20%7B%22version%22%3A1=Secure %40acme%2Fadmins%20%2312=Secure -->';
    expect(openers.slice(0, -1)).toEqual([
      check,
      check,
      '<!-- cookie-hardener:notes -->',
      '<!-- cookie-hardener:notes-end -->',
    ]);
    expect(body.lastIndexOf('<!--')).toBe(own);
    // Outside code spans, the names reach the text only with a zero-width break in the pattern.
    const prose = body.replace(/<code>[\s\S]*?<\/code>/g, '').replace(/(`+)[^`][\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/(?<![\w`])@acme|(?<!&)#12/);
    expect(body).toContain('`@acme/admins #12`');

    const closed = await fetch(`${fake.url}/repos/acme/webapp/pulls/1`, {
      method: 'PATCH',
      headers: { authorization: 'token x', 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'closed' }),
    });
    expect(closed.status).toBe(200);
    const again = await runAction(fake, { workspace });
    expect(again.code).toBe(0);
    expect(again.outputs['pull-request-operation']).toBe('none');
    expect(fake.pulls.map((pull) => [pull.number, pull.state])).toEqual([[1, 'closed']]);
  }, 90_000);
});
