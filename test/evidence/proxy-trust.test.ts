import { describe, expect, it } from 'vitest';
import { findProxyHints, findProxyTrust } from '../../src/evidence/proxy-trust.js';
import { Source } from '../../src/evidence/source.js';

const trust = (file: string, text: string, kind: 'javascript' | 'python' | 'deploy') =>
  findProxyTrust(new Source(file, text, kind)).map((fact) => [
    fact.line,
    fact.framework,
    fact.enabled,
    fact.fact,
  ]);

describe('proxy trust', () => {
  it('reads Express, Koa and Fastify settings, on and off, and skips comments', () => {
    const text = [
      "app.set('trust proxy', 1);",
      'app.set("trust proxy", false)',
      "server.enable('trust proxy')",
      "// app.set('trust proxy', true)",
      'app.proxy = true;',
      'const koa = new Koa({ keys, proxy: true });',
      'const fastify = Fastify({ trustProxy: true })',
      'app.use(session({ secret, proxy: true, cookie: { secure: true } }));',
    ].join('\n');
    expect(trust('src/app.js', text, 'javascript')).toEqual([
      [1, 'express', true, "`app.set('trust proxy', 1)` makes express trust the proxy's forwarded scheme"],
      [2, 'express', false, '`app.set("trust proxy", false)` turns express\'s proxy trust off'],
      [3, 'express', true, "`server.enable('trust proxy')` makes express trust the proxy's forwarded scheme"],
      [5, 'koa', true, "`app.proxy = true` makes koa trust the proxy's forwarded scheme"],
      [6, 'koa', true, "`new Koa({ proxy: true })` makes koa trust the proxy's forwarded scheme"],
      [
        8,
        'express-session',
        true,
        "`session({ proxy: true })` makes express-session trust the proxy's forwarded scheme",
      ],
      [7, 'fastify', true, "`trustProxy: true` makes fastify trust the proxy's forwarded scheme"],
    ]);
  });

  it('reads Werkzeug, Django, uvicorn, gunicorn and Tornado settings', () => {
    const text = [
      'from werkzeug.middleware.proxy_fix import ProxyFix',
      'app.wsgi_app = ProxyFix(app.wsgi_app, x_proto=1)',
      "SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')",
      "uvicorn.run(app, proxy_headers=True, forwarded_allow_ips='*')",
      'server = HTTPServer(app, xheaders=True)',
      '# xheaders=True',
      'SECURE_PROXY_SSL_HEADER = None',
    ].join('\n');
    expect(trust('app.py', text, 'python')).toEqual([
      [
        2,
        'werkzeug',
        true,
        "`ProxyFix(app.wsgi_app, x_proto=1)` makes werkzeug trust the proxy's forwarded scheme",
      ],
      [
        3,
        'django',
        true,
        "`SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')` makes django trust the proxy's forwarded scheme",
      ],
      [7, 'django', false, "`SECURE_PROXY_SSL_HEADER = None` turns django's proxy trust off"],
      [4, 'uvicorn', true, "`proxy_headers=True` makes uvicorn trust the proxy's forwarded scheme"],
      [4, 'uvicorn', true, "`forwarded_allow_ips='*'` makes uvicorn trust the proxy's forwarded scheme"],
      [5, 'tornado', true, "`xheaders=True` makes tornado trust the proxy's forwarded scheme"],
    ]);
    expect(trust('gunicorn.conf.py', "forwarded_allow_ips = '*'\n", 'python')).toEqual([
      [1, 'gunicorn', true, "`forwarded_allow_ips = '*'` makes gunicorn trust the proxy's forwarded scheme"],
    ]);
    expect(trust('Dockerfile', 'CMD ["gunicorn", "--forwarded-allow-ips=*", "app:app"]\n', 'deploy')).toEqual(
      [[1, 'gunicorn', true, "`--forwarded-allow-ips=*` makes gunicorn trust the proxy's forwarded scheme"]],
    );
  });

  it('credits Sails with a trustProxy written in its config folder, Fastify elsewhere', () => {
    const text = 'module.exports = {\n  http: {\n    trustProxy: true,\n  },\n};\n';
    expect(trust('config/env/production.js', text, 'javascript')).toEqual([
      [3, 'sails', true, "`trustProxy: true` makes sails trust the proxy's forwarded scheme"],
    ]);
    expect(trust('server/config/http.js', text, 'javascript')[0]?.[1]).toBe('sails');
    expect(trust('src/server.js', text, 'javascript')[0]?.[1]).toBe('fastify');
  });

  it('finds nothing in an app that never mentions a proxy', () => {
    expect(
      trust(
        'app.js',
        "const app = express();\napp.set('view engine', 'pug');\nconfig.proxy = true;\n",
        'javascript',
      ),
    ).toEqual([]);
    expect(trust('app.py', 'import ProxyFix\nproxy = ProxyFix\n', 'python')).toEqual([]);
  });
});

describe('proxy hints', () => {
  it('names the proxy in deployment files and X-Forwarded-Proto handling in code', () => {
    expect(
      findProxyHints(
        new Source('docker-compose.yml', 'services:\n  proxy:\n    image: nginx:1.25\n', 'deploy'),
      ),
    ).toEqual([
      { file: 'docker-compose.yml', line: 3, fact: 'docker-compose.yml runs nginx in front of the app' },
    ]);
    expect(
      findProxyHints(
        new Source('app.js', "if (req.headers['x-forwarded-proto'] !== 'https') {}\n", 'javascript'),
      ),
    ).toEqual([
      {
        file: 'app.js',
        line: 1,
        fact: '`x-forwarded-proto` is handled here: the app expects a proxy in front',
      },
    ]);
    expect(
      findProxyHints(new Source('Dockerfile', 'FROM node:20\nCMD ["node", "server.js"]\n', 'deploy')),
    ).toEqual([]);
  });
});
