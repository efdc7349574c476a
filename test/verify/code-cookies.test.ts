// What `verify` expects of each cookie comes from what the scan decided at its code site, never from the
// name alone: ScanResult.cookies (the JSON report's `cookies`).
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { languageOf } from '../../src/languages/index.js';
import { scanFiles } from '../../src/scan.js';
import { runVerify } from '../../src/verify/run.js';

function scanOf(files: Record<string, string>) {
  const names = Object.keys(files).sort();
  return scanFiles({
    files: names.filter((file) => languageOf(file)),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file]! }),
    config: DEFAULT_CONFIG,
  });
}

function cookiesOf(files: Record<string, string>) {
  return scanOf(files).cookies!.map((cookie) => [cookie.names, cookie.expected, cookie.reasons]);
}

describe('ScanResult.cookies', () => {
  it('a "session" cookie that browser code reads is not expected HttpOnly, whatever its name says', () => {
    expect(
      cookiesOf({
        'server.js':
          "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('session', 'x');\n  res.end();\n});\n",
        'web/app.js': "import Cookies from 'js-cookie';\nconst teams = Cookies.get('session');\n",
      }),
    ).toEqual([
      [
        ['session'],
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: expect.stringMatching(/^browser code in the project uses it: .*\(web\/app\.js:2\)$/) },
      ],
    ]);
  });

  it('a site that is already fine is listed too, with the flags it sets', () => {
    expect(
      cookiesOf({
        'server.js':
          "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('prefs', 'x', { httpOnly: true, secure: true });\n  res.end();\n});\n",
      }),
    ).toEqual([[['prefs'], { httpOnly: 'required', secure: 'required' }, {}]]);
  });

  it('leaves out sites in test code, which is never deployed', () => {
    expect(
      cookiesOf({
        'test/server.test.js':
          "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('sid', 'x');\n  res.end();\n});\n",
      }),
    ).toEqual([]);
  });

  it('an explicit httpOnly: false the scan leaves is not expected HttpOnly, for the reason the finding gives, whatever the name', () => {
    const reason =
      "HttpOnly was turned off on purpose, and nothing shows this is a server-side session cookie (a session middleware's own cookie or a signed token); the name alone is not enough to change it";
    const files = {
      'server.js':
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('auth_token', v, { httpOnly: false, secure: false });\n  res.cookie('prefs', v, { httpOnly: false });\n  res.end();\n});\n",
    };
    const [finding, other] = scanOf(files).findings;
    expect(finding!.notChangedReasons).toEqual([reason]);
    expect(finding!.changedFlags).toEqual(['secure']);
    expect(cookiesOf(files)).toEqual([
      // Secure is flipped by the fix (nothing shows plain HTTP), so it is expected.
      [['auth_token'], { httpOnly: 'not-required', secure: 'required' }, { httpOnly: reason }],
      [
        ['prefs'],
        { httpOnly: 'not-required', secure: 'required' },
        { httpOnly: other!.notChangedReasons[0] },
      ],
    ]);
    expect(other!.notChangedReasons).toEqual([
      'HttpOnly was turned off on purpose for a cookie that does not look like a session; check why before changing it',
    ]);
  });

  it('an explicit httpOnly: false the scan turns back on (a signed value) stays expected HttpOnly', () => {
    expect(
      cookiesOf({
        'server.js':
          "const express = require('express');\nconst jwt = require('jsonwebtoken');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('prefs', jwt.sign({ id: 1 }, key), { httpOnly: false, secure: true });\n  res.end();\n});\n",
      }),
    ).toEqual([[['prefs'], { httpOnly: 'required', secure: 'required' }, {}]]);
  });

  it('an explicit secure: false follows the scan: left where the project shows plain HTTP, expected where it is flipped, whatever the name', () => {
    const files = {
      'server.js':
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  // TODO: until SSL is added\n  res.cookie('auth_token', v, { httpOnly: true, secure: false });\n  res.end();\n});\napp.get('/theme', (req, res) => {\n  res.cookie('theme', v, { httpOnly: true, secure: false });\n  res.end();\n});\n",
    };
    expect(scanOf(files).findings.map((finding) => [finding.cookie, finding.changedFlags])).toEqual([
      ['auth_token', []],
      ['theme', ['secure']],
    ]);
    expect(cookiesOf(files)).toEqual([
      [
        ['auth_token'],
        { httpOnly: 'required', secure: 'not-required' },
        {
          secure:
            'the project serves it over plain HTTP: a comment says "TODO: until SSL is added" (server.js:4)',
        },
      ],
      [['theme'], { httpOnly: 'required', secure: 'required' }, {}],
    ]);
  });
});

describe('verify against the scan of a cookie whose HttpOnly is off on purpose', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'set-cookie': 'auth_token=x; Secure' }).end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('does not report the missing HttpOnly the scan left as written', async () => {
    const { cookies } = scanOf({
      'server.js':
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('auth_token', v, { httpOnly: false, secure: false });\n  res.end();\n});\n",
    });
    const report = await runVerify({
      urls: [base],
      expectations: { cookies: cookies! },
      scenario: null,
      ca: null,
    });
    expect(report.cookies.map((cookie) => [cookie.name, cookie.expected, cookie.problems])).toEqual([
      ['auth_token', { httpOnly: false, secure: true, source: 'code', sites: ['server.js:4'] }, []],
    ]);
    expect(report.problemCount).toBe(0);
  });
});
