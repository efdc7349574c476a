// Where a `cookie-hardener-ignore` comment counts, applied once after detection for every rule (the fixture
// runner also puts one above every annotated site of every rule).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config.js';
import { scanFiles } from '../../src/scan.js';

function scan(files: Record<string, string>) {
  const texts = new Map(Object.entries(files));
  const result = scanFiles({
    files: [...texts.keys()].sort(),
    read: (file) => {
      const text = texts.get(file);
      return text === undefined ? { skip: 'missing' } : { text };
    },
    config: DEFAULT_CONFIG,
  });
  return {
    findings: result.findings.map((f) => [f.file, f.line, f.ruleId, f.outcome, ...f.notChangedReasons]),
    changed: result.changes.map((change) => change.file),
  };
}

describe('cookie-hardener-ignore', () => {
  it('counts in an INI file as a whole-line `;` or `#` comment, and not as an option', () => {
    const conf =
      '[/]\n; cookie-hardener-ignore: TLS and flags come from the proxy\ntools.sessions.on = True\n' +
      '[/api]\ntools.sessions.httponly = True\n# cookie-hardener-ignore\ntools.sessions.on = True\n';
    expect(scan({ 'site.conf': conf })).toEqual({
      findings: [
        [
          'site.conf',
          3,
          'cherrypy-session-config',
          'ignored',
          'ignored by a cookie-hardener-ignore comment: TLS and flags come from the proxy',
        ],
        ['site.conf', 7, 'cherrypy-session-config', 'ignored', 'ignored by a cookie-hardener-ignore comment'],
      ],
      changed: [],
    });
  });

  it('counts in an options module that sets no cookie itself (parsed, let go, and parsed again for the check)', () => {
    const app =
      "const express = require('express');\nconst { cookieOptions } = require('./options');\n" +
      "const app = express();\napp.get('/', (req, res) => res.cookie('sid', req.id, cookieOptions));\n";
    const options =
      '// The cookie options every route shares.\n' +
      '// cookie-hardener-ignore: the proxy adds the flags\n' +
      'const cookieOptions =\n  { maxAge: 1 };\nmodule.exports = { cookieOptions };\n';
    expect(scan({ 'app.js': app, 'options.js': options })).toEqual({
      findings: [
        [
          'options.js',
          4,
          'express-res-cookie',
          'ignored',
          'ignored by a cookie-hardener-ignore comment: the proxy adds the flags',
        ],
      ],
      changed: [],
    });
  });

  it('counts above the statement when the options sit lines below the call', () => {
    const app =
      "const express = require('express');\nconst app = express();\n" +
      "app.get('/', (req, res) => {\n" +
      '  // cookie-hardener-ignore: the proxy adds the flags\n' +
      '  res\n    .status(200)\n    .cookie(\n      "sid",\n      req.id,\n      { maxAge: 1 },\n    );\n' +
      '});\n';
    expect(scan({ 'app.js': app })).toEqual({
      findings: [
        [
          'app.js',
          10,
          'express-res-cookie',
          'ignored',
          'ignored by a cookie-hardener-ignore comment: the proxy adds the flags',
        ],
      ],
      changed: [],
    });
  });

  it('counts above an options object defined in another module', () => {
    const options = '// cookie-hardener-ignore\nexport const cookieOptions = { maxAge: 1 };\n';
    const app =
      "import express from 'express';\nimport { cookieOptions } from './options.js';\n" +
      "const app = express();\napp.get('/', (req, res) => res.cookie('sid', req.id, cookieOptions));\n";
    expect(scan({ 'app.js': app, 'options.js': options })).toEqual({
      findings: [
        ['options.js', 2, 'express-res-cookie', 'ignored', 'ignored by a cookie-hardener-ignore comment'],
      ],
      changed: [],
    });
  });

  it('counts above a Python call whose keyword arguments come lines later', () => {
    const views =
      'from flask import Flask, make_response\napp = Flask(__name__)\n\n@app.route("/")\ndef index():\n' +
      '    response = make_response("ok")\n' +
      '    # cookie-hardener-ignore: kiosk on plain HTTP\n' +
      '    response.set_cookie(\n        "kiosk",\n        "1",\n        max_age=60,\n    )\n    return response\n';
    const result = scan({ 'views.py': views });
    expect(result.changed).toEqual([]);
    expect(result.findings.map((f) => f.slice(2))).toEqual([
      ['flask-set-cookie', 'ignored', 'ignored by a cookie-hardener-ignore comment: kiosk on plain HTTP'],
    ]);
  });

  it('applies to document.cookie like every other rule', () => {
    const client =
      "export function remember(theme) {\n  // cookie-hardener-ignore: read by the CDN\n  document.cookie = 'theme=' + theme + '; path=/';\n}\n";
    expect(scan({ 'client.js': client })).toEqual({
      findings: [
        [
          'client.js',
          3,
          'document-cookie',
          'ignored',
          'ignored by a cookie-hardener-ignore comment: read by the CDN',
        ],
      ],
      changed: [],
    });
  });

  it('does not reach into a function from a comment above it', () => {
    const app =
      "const express = require('express');\nconst app = express();\n" +
      '// cookie-hardener-ignore: only this route\n' +
      "app.get('/', (req, res) => {\n  res.cookie('sid', req.id);\n});\n";
    const result = scan({ 'app.js': app });
    expect(result.findings.map((f) => f.slice(0, 4))).toEqual([
      ['app.js', 5, 'express-res-cookie', 'fixable'],
    ]);
    expect(result.changed).toEqual(['app.js']);
  });
});
