// The index as a scan builds it: from the files the scan read, plus templates and manifests, across files.
import { describe, expect, it, vi } from 'vitest';
import type * as Plan from '../../src/fix/plan.js';
import { scanProject, seen } from './helpers.js';

vi.mock('../../src/fix/plan.js', async (importOriginal) => {
  const original = await importOriginal<typeof Plan>();
  return {
    ...original,
    planFixes: (input: Parameters<typeof original.planFixes>[0]) => {
      if (input.evidence) seen.evidence.push(input.evidence);
      return original.planFixes(input);
    },
  };
});

const brief = <T extends { file: string; line: number; fact: string }>(facts: T[]) =>
  facts.map(({ file, line, fact }) => ({ file, line, fact }));

describe('the evidence index of a scanned project', () => {
  it('finds a reader in a front-end folder and in a template for a cookie the server sets', () => {
    const { evidence, read } = scanProject({
      'server/app.js': [
        "const express = require('express');",
        'const app = express();',
        "app.get('/teams', (req, res) => {",
        "  res.cookie('sessions', JSON.stringify(req.user.teams), { httpOnly: false });",
        '  res.render("index");',
        '});',
        '',
      ].join('\n'),
      'client/src/store.js': [
        "import { getCookie } from './cookies';",
        '',
        'export const teams = () => {',
        "  const raw = getCookie('sessions');",
        '  return raw ? JSON.parse(raw) : [];',
        '};',
        '',
      ].join('\n'),
      'server/views/index.html':
        '<html>\n<script>\n  var csrf = getCookie("csrftoken");\n</script>\n</html>\n',
      'server/views/about.html': '<html><script>var x = 1;</script></html>\n',
      'client/src/store.test.js': "expect(getCookie('test_only')).toBe('1');\n",
      'package.json':
        '{\n  "name": "teams",\n  "dependencies": {\n    "express": "^4.19.0",\n    "react": "^18.0.0"\n  }\n}\n',
    });
    expect(brief(evidence.readersOf('sessions'))).toEqual([
      {
        file: 'client/src/store.js',
        line: 4,
        fact: "`getCookie('sessions')` reads this cookie in browser code",
      },
    ]);
    expect(brief(evidence.readersOf('csrftoken'))).toEqual([
      {
        file: 'server/views/index.html',
        line: 3,
        fact: '`getCookie("csrftoken")` reads this cookie in browser code (an inline script of a template)',
      },
    ]);
    // A template that never mentions a cookie is not even decoded.
    expect(read).not.toContain('server/views/about.html');
    expect(evidence.readersOf('test_only')).toEqual([]);
    expect(evidence.readersOf('sid')).toEqual([]);
    expect(evidence.uses('express')).toBe('yes');
    expect(evidence.uses('koa')).toBe('no');
    expect(evidence.uses('django')).toBe('unknown');
    expect(brief(evidence.data.frameworks)).toEqual([
      { file: 'server/app.js', line: 1, fact: 'server/app.js imports `express`' },
      { file: 'package.json', line: 4, fact: '`express` is a dependency in package.json' },
    ]);
  });

  it('follows a Python switch defined in one module and used in another, with its default and production value', () => {
    const { evidence } = scanProject({
      'shop/settings.py': [
        'import os',
        '',
        "COOKIES_SECURE = os.environ.get('COOKIES_SECURE', 'false') == 'true'",
        '',
      ].join('\n'),
      'shop/views.py': [
        'from flask import Flask, make_response',
        'from shop import settings',
        '',
        'def login():',
        '    resp = make_response("ok")',
        "    resp.set_cookie('remember', '1', httponly=True, secure=settings.COOKIES_SECURE)",
        '    return resp',
        '',
      ].join('\n'),
      'docker-compose.prod.yml': 'services:\n  web:\n    environment:\n      - COOKIES_SECURE=true\n',
      'requirements.txt': 'Flask==3.0.0\ngunicorn\n',
    });
    const [found, ...more] = evidence.transportSwitchFor('shop/views.py');
    expect(more).toEqual([]);
    expect(found).toEqual({
      name: 'COOKIES_SECURE',
      expression: 'settings.COOKIES_SECURE',
      language: 'python',
      uses: [
        { file: 'shop/views.py', line: 6, fact: "this cookie's Secure follows `settings.COOKIES_SECURE`" },
      ],
      definition: {
        file: 'shop/settings.py',
        line: 3,
        fact: "`COOKIES_SECURE` is set from `os.environ.get('COOKIES_SECURE', 'false') == 'true'`: off unless the environment or configuration turns it on",
      },
      default: 'off',
      forcedOn: {
        file: 'docker-compose.prod.yml',
        line: 4,
        fact: '`COOKIES_SECURE=true` in docker-compose.prod.yml turns it on',
      },
    });
    expect(evidence.transportSwitchFor('web/app.js')).toEqual([]);
    expect(evidence.uses('flask')).toBe('yes');
    expect(evidence.uses('gunicorn')).toBe('yes');
    expect(evidence.uses('django')).toBe('no');
    expect(evidence.uses('express')).toBe('unknown');
  });

  it('reads a JavaScript config module that never says "cookie" to find the switch default', () => {
    const { evidence, read } = scanProject({
      'src/config.js': "module.exports = {\n  port: 3000,\n  secure: process.env.HTTPS === 'true',\n};\n",
      'src/routes/auth.js': [
        "const config = require('../config');",
        '',
        'exports.login = (req, res) => {',
        "  res.cookie('sid', req.session.id, { httpOnly: true, secure: config.secure });",
        '};',
        '',
      ].join('\n'),
    });
    expect(read).toContain('src/config.js');
    expect(evidence.transportSwitchFor('src/routes/auth.js')).toEqual([
      {
        name: 'secure',
        expression: 'config.secure',
        language: 'javascript',
        uses: [{ file: 'src/routes/auth.js', line: 4, fact: "this cookie's Secure follows `config.secure`" }],
        definition: {
          file: 'src/config.js',
          line: 3,
          fact: "`secure` is set from `process.env.HTTPS === 'true'`: off unless the environment or configuration turns it on",
        },
        default: 'off',
        forcedOn: null,
      },
    ]);
  });
});

describe('entry points and settings modules read for the index', () => {
  it('keeps an entry point that only sets proxy trust, and does not report unrelated files as skipped', () => {
    const { evidence, read, skipped } = scanProject({
      'src/app.js': "const app = require('express')();\napp.set('trust proxy', 1);\napp.listen(3000);\n",
      'src/index.js': `${'x'.repeat(6000)}.listen(\n`,
      'src/main.js': `${'x'.repeat(6000)}res.cookie('a', b);\n`,
      'src/routes/users.js': "router.get('/', list);\napp.set('trust proxy', 2);\n",
      'src/auth.js': "res.cookie('sid', id);\n",
    });
    expect(read).toEqual(['src/app.js', 'src/auth.js']);
    // Minified code that mentions a cookie is reported as before; minified code read for a setting is not.
    expect(skipped).toEqual(['src/main.js: looks minified (very long lines)']);
    expect(evidence.proxyTrust('express').map(({ file, line, fact }) => ({ file, line, fact }))).toEqual([
      {
        file: 'src/app.js',
        line: 2,
        fact: "`app.set('trust proxy', 1)` makes express trust the proxy's forwarded scheme",
      },
    ]);
  });
});

describe('a scan without cookie sites', () => {
  it('reads no template or manifest and builds no index: evidence only ever decides about a site', () => {
    const { evidence, read } = scanProject({
      'app.py': "app = Flask(__name__)\napp.wsgi_app = ProxyFix(app.wsgi_app)\napp.run(host='0.0.0.0')\n",
      'templates/index.html': "<script>const theme = getCookie('theme');</script>\n",
      'requirements.txt': 'flask==3.0.0\n',
      'package.json': '{ "name": "front", "dependencies": { "js-cookie": "^3.0.0" } }\n',
    });
    // app.py is read by the sweep itself (an entry point that names a server setting), nothing after it.
    expect(read).toEqual(['app.py']);
    expect(evidence.readersOf('theme')).toEqual([]);
    expect(evidence.proxyTrust('flask')).toEqual([]);
  });
});

describe('a scan whose only cookie sites are in test code', () => {
  it('builds no index: test code is never changed, so no evidence decides about it', () => {
    const { evidence, read } = scanProject({
      'tests/test_login.py':
        "from flask import make_response\n\n\ndef test_login():\n    response = make_response('')\n    response.set_cookie('sid', 'x')\n",
      'templates/index.html': "<script>const sid = getCookie('sid');</script>\n",
      'requirements.txt': 'flask==3.0.0\n',
    });
    expect(read).toEqual(['tests/test_login.py']);
    expect(evidence.readersOf('sid')).toEqual([]);
  });
});
