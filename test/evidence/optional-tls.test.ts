import { describe, expect, it } from 'vitest';
import { findOptionalTls } from '../../src/evidence/optional-tls.js';
import { Source } from '../../src/evidence/source.js';

const facts = (file: string, text: string, kind: 'javascript' | 'python') =>
  findOptionalTls(new Source(file, text, kind)).map((fact) => [fact.line, fact.kind, fact.fact]);

describe('optional TLS', () => {
  it('finds Python switches that default off, certificate options and TLS set up only when configured', () => {
    const text = [
      'enable_https = False',
      "parser.add_argument('--certfile', default=None)",
      'define("certfile", type=str, default=None, help="SSL certificate file")',
      'certfile = None',
      'if options.certfile and options.keyfile:',
      '    ssl_options = dict(certfile=options.certfile, keyfile=options.keyfile)',
      "app.ENABLE_HTTPS = bool(check_setting_int(app.CFG, 'General', 'enable_https', 0))",
    ].join('\n');
    expect(facts('flower/options.py', text, 'python')).toEqual([
      [1, 'switch-default-off', '`enable_https = False`: HTTPS is off unless the user turns it on'],
      [7, 'switch-default-off', "`'enable_https', 0`: HTTPS is off unless the user turns it on"],
      [2, 'cli-option', 'the command-line option `--certfile` serves HTTPS only when given'],
      [3, 'cli-option', '`define("certfile"…)` defines a certificate option: HTTPS only when it is set'],
      [4, 'setting', '`certfile = None`: no certificate unless one is configured'],
      [
        5,
        'conditional-server',
        '`if options.certfile and options.keyfile:`: TLS is set up only when configured',
      ],
    ]);
  });

  it('finds JavaScript switches, options and an https server behind a condition', () => {
    const text = [
      'const useHttps = false;',
      "program.option('--https', 'serve over https');",
      'if (opts.cert) {',
      '  server = https.createServer({ cert, key }, app);',
      '}',
    ].join('\n');
    expect(facts('bin/cli.js', text, 'javascript')).toEqual([
      [1, 'switch-default-off', '`useHttps = false`: HTTPS is off unless the user turns it on'],
      [2, 'cli-option', 'the command-line option `--https` serves HTTPS only when given'],
      [3, 'conditional-server', '`if (opts.cert) {`: HTTPS is served only when configured'],
    ]);
  });

  it('finds nothing where TLS is always on or never mentioned', () => {
    expect(
      facts(
        'server.js',
        'const s = https.createServer({ key, cert }, app);\nconst db = { ssl: false };\n',
        'javascript',
      ),
    ).toEqual([]);
    expect(
      facts(
        'app.py',
        'enable_https = True\n# certfile = None\nssl_ctx = ssl.create_default_context()\n',
        'python',
      ),
    ).toEqual([]);
  });
});

describe('optional TLS as self-hosted apps write it', () => {
  it('finds an ssl_mode switch, a certificate path that starts empty, and TLS arguments built under a condition', () => {
    const text = [
      'ssl_mode = False',
      'self.certfilepath = None',
      'if certfile_path and keyfile_path:',
      '    if os.path.isfile(certfile_path) and os.path.isfile(keyfile_path):',
      '        self.ssl_args = dict(certfile=certfile_path, keyfile=keyfile_path)',
    ].join('\n');
    expect(facts('cps/server.py', text, 'python')).toEqual([
      [1, 'switch-default-off', '`ssl_mode = False`: HTTPS is off unless the user turns it on'],
      [2, 'setting', '`self.certfilepath = None`: no certificate unless one is configured'],
      [3, 'conditional-server', '`if certfile_path and keyfile_path:`: TLS is set up only when configured'],
    ]);
  });

  it('takes an https server beside a plain http one in the same module as HTTPS on request', () => {
    const text = [
      'if (settings.ssl) {',
      "  console.log('SSL -- enabled');",
      '  const options = { key: fs.readFileSync(settings.ssl.key), cert: fs.readFileSync(settings.ssl.cert) };',
      "  const https = require('https');",
      '  exports.server = https.createServer(options, app);',
      '} else {',
      "  const http = require('http');",
      '  exports.server = http.createServer(app);',
      '}',
    ].join('\n');
    expect(facts('src/node/hooks/express.ts', text, 'javascript')).toEqual([
      [
        5,
        'conditional-server',
        '`https.createServer(` beside a plain `http` server: HTTPS is served only when configured',
      ],
    ]);
    // An HTTPS-only server is not optional HTTPS.
    expect(facts('server.js', 'https.createServer(options, app).listen(443);', 'javascript')).toEqual([]);
  });
});

describe('an install address that defaults to plain HTTP', () => {
  it('counts a site URL or host list read from the environment with an http:// default', () => {
    const text = [
      'SITE_ROOT = os.getenv("SITE_ROOT", "http://localhost:8000").removesuffix("/")',
      'CORS_ALLOWED_ORIGINS = __get_list("PAPERLESS_CORS_ALLOWED_HOSTS", default=["http://localhost:8000"])',
      'TIKA_ENDPOINT = os.getenv("PAPERLESS_TIKA_ENDPOINT", "http://localhost:9998")',
      'BASE_URL = os.getenv("BASE_URL", "https://example.com")',
    ].join('\n');
    expect(facts('hc/settings.py', text, 'python')).toEqual([
      [
        1,
        'setting',
        '`getenv("SITE_ROOT", "http://localhost:8000"`: the address each install serves defaults to plain HTTP',
      ],
      [
        2,
        'setting',
        '`__get_list("PAPERLESS_CORS_ALLOWED_HOSTS", default=["http://localhost:8000"`: the address each install serves defaults to plain HTTP',
      ],
    ]);
  });
});

describe('optional TLS on deeply indented code', () => {
  // The pattern for TLS set up under an `if` once let every indent split every way across the lines it looks
  // ahead: this 600-byte module took seconds to minutes. The test's own timeout catches a return to that.
  it('answers quickly when the lines under an `if ssl` are indented far and hold no TLS call', () => {
    const indent = ' '.repeat(40);
    const block = ['if ssl_on:', ...['a = 1', 'b = 2', 'c = 3', 'd = 4'].map((line) => indent + line)];
    const text = [...block, ...block, ...block, 'if certfile:', '    ssl_options = {}', ''].join('\n');
    expect(facts('server.py', text, 'python')).toEqual([
      [16, 'conditional-server', '`if certfile:`: TLS is set up only when configured'],
    ]);
  }, 5_000);
});
