// What `verify` expects of each cookie comes from what the scan decided at its code site, never from the
// name alone: ScanResult.cookies (the JSON report's `cookies`).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { languageOf } from '../../src/languages/index.js';
import { scanFiles } from '../../src/scan.js';

function cookiesOf(files: Record<string, string>) {
  const names = Object.keys(files).sort();
  const result = scanFiles({
    files: names.filter((file) => languageOf(file)),
    read: (file) => (files[file] === undefined ? { skip: 'missing' } : { text: files[file]! }),
    config: DEFAULT_CONFIG,
  });
  return result.cookies!.map((cookie) => [cookie.names, cookie.expected, cookie.reasons]);
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

  it('an explicit httpOnly: false on a session-named cookie without proof stays expected HttpOnly (the scan reports it)', () => {
    expect(
      cookiesOf({
        'server.js':
          "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => {\n  res.cookie('sid', 'x', { httpOnly: false, secure: true });\n  res.end();\n});\n",
      }),
    ).toEqual([[['sid'], { httpOnly: 'required', secure: 'required' }, {}]]);
  });
});
