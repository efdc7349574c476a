import { describe, expect, it } from 'vitest';
import {
  findHttpOnlyProxy,
  findHttpOnlyServer,
  findPlainHttp,
  findPublishedHttpPort,
} from '../../src/evidence/plain-http.js';
import { Source } from '../../src/evidence/source.js';

const js = (text: string, file = 'src/app.js') => new Source(file, text, 'javascript');
const py = (text: string, file = 'app.py') => new Source(file, text, 'python');

describe('plain-HTTP intent', () => {
  it('reads SECURE_SSL_REDIRECT = False for its settings module, and a TODO about SSL for the lines around it', () => {
    const text =
      'DEBUG = False\n# TODO: until SSL is added\nSECURE_SSL_REDIRECT = False\nSESSION_COOKIE_SECURE = False\n';
    expect(findPlainHttp(py(text, 'proj/settings/production.py'))).toEqual([
      {
        file: 'proj/settings/production.py',
        line: 3,
        fact: '`SECURE_SSL_REDIRECT = False` in this settings module: it does not send visitors to HTTPS',
        kind: 'ssl-redirect-off',
        scope: { kind: 'file' },
      },
      {
        file: 'proj/settings/production.py',
        line: 2,
        fact: 'a comment says "TODO: until SSL is added"',
        kind: 'comment',
        scope: { kind: 'near', start: 0, end: text.length },
      },
    ]);
  });

  it('reads PHP comments after #, // and /* but not a # inside a string or an attribute', () => {
    const php = (text: string) => new Source('index.php', text, 'php');
    const said = (text: string) => findPlainHttp(php(text)).map((fact) => fact.fact);
    expect(said("<?php\n# served over plain HTTP for now\nsetcookie('session', $v);\n")).toEqual([
      'a comment says "served over plain HTTP for now"',
    ]);
    expect(said("<?php\n/* no HTTPS on the kiosk */\nsetcookie('session', $v);\n")).toEqual([
      'a comment says "no HTTPS on the kiosk"',
    ]);
    expect(said("<?php\n$label = '# served over plain http';\nsetcookie('session', $v);\n")).toEqual([]);
    expect(said('<?php\n#[Route("/over http only")]\nfunction session() {}\n')).toEqual([]);
  });

  it('reads a comment saying Secure broke the session, for three lines around it', () => {
    const lines = [
      'const a = 1;',
      'const b = 2;',
      'app.use(session({',
      '  secret: s,',
      '  // if this is true it creates a new session every time',
      '  cookie: { secure: false },',
      '}));',
      'const c = 3;',
      'const d = 4;',
      'const e = 5;',
    ];
    const text = lines.join('\n');
    const [fact, ...rest] = findPlainHttp(js(text));
    expect(rest).toEqual([]);
    expect(fact).toEqual({
      file: 'src/app.js',
      line: 5,
      fact: 'a comment says "if this is true it creates a new session every time"',
      kind: 'comment',
      scope: { kind: 'near', start: text.indexOf('const b'), end: text.indexOf('const d') },
    });
  });

  it('reads a *-unsecure twin as evidence for its base cookie', () => {
    expect(
      findPlainHttp(js('res.cookie(\'connect.sid-unsecure\', id);\nres.cookie("token_insecure", t);\n')),
    ).toEqual([
      {
        file: 'src/app.js',
        line: 1,
        fact: 'the cookie `connect.sid-unsecure` is a plain-HTTP twin of `connect.sid`: the project serves it without HTTPS too',
        kind: 'insecure-twin',
        scope: { kind: 'cookie', name: 'connect.sid' },
      },
      {
        file: 'src/app.js',
        line: 2,
        fact: 'the cookie `token_insecure` is a plain-HTTP twin of `token`: the project serves it without HTTPS too',
        kind: 'insecure-twin',
        scope: { kind: 'cookie', name: 'token' },
      },
    ]);
  });

  it('ignores URLs, HTTPS settings comments, CLI flags named insecure and SSL_REDIRECT on', () => {
    expect(
      findPlainHttp(
        js("const u = 'https://example.com'; // see https://x.org/docs\nconst flag = '--allow-insecure';\n"),
      ),
    ).toEqual([]);
    expect(
      findPlainHttp(
        py('# See https://docs.djangoproject.com for HTTPS settings\nSECURE_SSL_REDIRECT = True\n'),
      ),
    ).toEqual([]);
    expect(
      findPlainHttp(py('# Secure cookies need HTTPS in production\nSESSION_COOKIE_SECURE = True\n')),
    ).toEqual([]);
  });
});

describe('HTTP-only server', () => {
  const server = js(
    'const app = express();\napp.listen(port, () => console.log(`http://localhost:${port}`));\n',
    'bin/serve.js',
  );
  const tool = { file: 'package.json', line: 3, fact: '`"bin":` in package.json installs a command' };

  it('is plain-HTTP intent for a local tool with no TLS anywhere', () => {
    expect(
      findHttpOnlyServer({
        sources: [server],
        isLocalTool: tool,
        behindProxy: false,
        hasTlsOption: false,
        expressProxyTrust: null,
      }),
    ).toEqual({
      optionalTls: [],
      plainHttp: [
        {
          file: 'bin/serve.js',
          line: 2,
          fact: '`app.listen(…` serves plain HTTP and the project, a local tool, has no TLS option',
          kind: 'http-only-server',
          scope: { kind: 'project' },
        },
      ],
    });
  });

  it('is nothing for an untrusting app (probably behind a TLS proxy), a TLS option, or HTTPS code anywhere', () => {
    const none = {
      sources: [server],
      isLocalTool: tool,
      behindProxy: false,
      hasTlsOption: false,
      expressProxyTrust: null,
    };
    const nothing = { plainHttp: [], optionalTls: [] };
    expect(findHttpOnlyServer({ ...none, isLocalTool: null })).toEqual(nothing);
    expect(findHttpOnlyServer({ ...none, hasTlsOption: true })).toEqual(nothing);
    const https = js('https.createServer({ key, cert }, app).listen(443);\n', 'src/https.js');
    expect(findHttpOnlyServer({ ...none, sources: [server, https] })).toEqual(nothing);
  });

  it('makes HTTPS optional for a local tool with no TLS in its code, behind a proxy or with no server seen', () => {
    const optional = {
      plainHttp: [],
      optionalTls: [
        {
          file: 'package.json',
          line: 3,
          fact: '`"bin":` in package.json installs a command, and no code in the project sets up TLS: each install serves plain HTTP unless a TLS proxy is put in front',
          kind: 'tool-without-tls',
        },
      ],
    };
    const input = {
      sources: [server],
      isLocalTool: tool,
      behindProxy: true,
      hasTlsOption: false,
      expressProxyTrust: null,
    };
    expect(findHttpOnlyServer(input)).toEqual(optional);
    expect(findHttpOnlyServer({ ...input, behindProxy: false, sources: [] })).toEqual(optional);
    // A Tornado subclass of HTTPServer counts as the tool's server.
    const tornado = py('server = CustomHTTPServer(app)\nserver.listen(5000)\n', 'tool/server.py');
    expect(findHttpOnlyServer({ ...input, behindProxy: false, sources: [tornado] }).plainHttp).toEqual([
      {
        file: 'tool/server.py',
        line: 1,
        fact: '`HTTPServer(…` serves plain HTTP and the project, a local tool, has no TLS option',
        kind: 'http-only-server',
        scope: { kind: 'project' },
      },
    ]);
  });

  it('says TLS ends at the trusted proxy for a Node app with no TLS of its own that trusts one', () => {
    const app = js('const server = new http.Server(app)\nserver.listen(port)\n', 'server.ts');
    const input = {
      sources: [app],
      isLocalTool: null,
      behindProxy: true,
      hasTlsOption: false,
      expressProxyTrust: { file: 'server.ts', line: 9, setting: "app.enable('trust proxy')" },
    };
    expect(findHttpOnlyServer(input)).toEqual({
      plainHttp: [],
      optionalTls: [
        {
          file: 'server.ts',
          line: 1,
          fact: "`new http.Server(…` serves plain HTTP and the project sets up no TLS of its own: HTTPS, where there is any, ends at the proxy it trusts (`app.enable('trust proxy')`, server.ts:9)",
          kind: 'no-tls-server',
        },
      ],
    });
    // TLS in the code, or a Python development server, says nothing of the kind.
    const https = js('https.createServer({ key, cert }, app).listen(443);\n', 'src/https.js');
    expect(findHttpOnlyServer({ ...input, sources: [app, https] })).toEqual({
      plainHttp: [],
      optionalTls: [],
    });
    expect(findHttpOnlyServer({ ...input, sources: [py('app.run(host="0.0.0.0")\n', 'app.py')] })).toEqual({
      plainHttp: [],
      optionalTls: [],
    });
  });
});

describe('HTTP-only proxy the project ships', () => {
  const deploy = (text: string, file: string) => new Source(file, text, 'deploy');
  const compose = deploy(
    'services:\n  app:\n    build: .\n  nginx:\n    image: nginx:stable\n    volumes:\n      - ./conf/nginx/http.conf:/etc/nginx/nginx.conf\n    ports:\n      - 80:80\n',
    'docker-compose.yml',
  );
  const conf = deploy(
    'http {\n  server {\n    # listen 443 ssl;\n    listen 80;\n    location / { proxy_pass http://app:8000; }\n  }\n}\n',
    'conf/nginx/http.conf',
  );

  it('is plain-HTTP intent when the compose file runs nginx and its configuration listens on HTTP only', () => {
    expect(findHttpOnlyProxy([compose, conf])).toEqual([
      {
        file: 'conf/nginx/http.conf',
        line: 4,
        fact: '`listen 80;`: the nginx proxy the project runs in docker-compose.yml serves plain HTTP, and no deployment file sets up TLS',
        kind: 'http-only-proxy',
        scope: { kind: 'project' },
      },
    ]);
  });

  it('is nothing with TLS in any deployment file, without the compose file, or for test and example setups', () => {
    const tls = deploy(
      'server {\n  listen 443 ssl;\n  ssl_certificate /etc/cert.pem;\n}\n',
      'conf/nginx/https.conf',
    );
    expect(findHttpOnlyProxy([compose, conf, tls])).toEqual([]);
    const redirect = deploy(
      'server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n',
      'conf/nginx/http.conf',
    );
    expect(findHttpOnlyProxy([compose, redirect])).toEqual([]);
    expect(findHttpOnlyProxy([conf])).toEqual([]);
    expect(findHttpOnlyProxy([compose, deploy('', 'Caddyfile'), conf])).toEqual([]);
    const example = deploy(conf.text, 'examples/nginx.conf');
    const testCompose = deploy(compose.text, 'docker/compose/docker-compose.test.yml');
    expect(findHttpOnlyProxy([compose, example])).toEqual([]);
    expect(findHttpOnlyProxy([testCompose, conf])).toEqual([]);
  });
});

describe('plain-HTTP trusted origins', () => {
  it('reads CSRF_TRUSTED_ORIGINS that lists only http:// origins, one of them a real host', () => {
    const settings = py(
      'DEBUG = False\nCSRF_TRUSTED_ORIGINS = ["http://127.0.0.1:8000", "http://10.0.0.5"]\n',
      'site/settings.py',
    );
    expect(findPlainHttp(settings)).toEqual([
      {
        file: 'site/settings.py',
        line: 2,
        fact: '`CSRF_TRUSTED_ORIGINS` lists only plain-HTTP origins (`http://10.0.0.5`): the site is served without HTTPS',
        kind: 'http-origins',
        scope: { kind: 'project' },
      },
    ]);
  });

  it('says nothing when an origin is https://, or when every origin is a loopback address', () => {
    expect(
      findPlainHttp(py('CSRF_TRUSTED_ORIGINS = ["http://10.0.0.5", "https://shop.example"]\n', 's.py')),
    ).toEqual([]);
    expect(
      findPlainHttp(py("CSRF_TRUSTED_ORIGINS = ('http://localhost:8000', 'http://127.0.0.1')\n", 's.py')),
    ).toEqual([]);
    expect(findPlainHttp(py('CSRF_TRUSTED_ORIGINS = env.list("ORIGINS")\n', 's.py'))).toEqual([]);
  });
});

describe("an app published on HTTP's port by the project's own compose file", () => {
  const app = new Source(
    'docker-compose.yml',
    'services:\n  web:\n    build: .\n    ports:\n      - "80:80"\n',
    'deploy',
  );
  const code = [js("app.listen(80, '0.0.0.0');\n")];

  it('is plain HTTP for the whole project', () => {
    expect(findPublishedHttpPort([app], code)).toEqual([
      {
        file: 'docker-compose.yml',
        line: 5,
        fact: '`- "80:80"` in docker-compose.yml publishes the app on HTTP\'s port 80 with no proxy in front, and nothing in the project sets up TLS',
        kind: 'http-only-server',
        scope: { kind: 'project' },
      },
    ]);
  });

  it('is nothing behind a proxy image, with 443 published, with TLS in the code, or for an image the project does not build', () => {
    const withProxy = new Source(
      'docker-compose.yml',
      `${app.text}  proxy:\n    image: traefik:v3\n`,
      'deploy',
    );
    const with443 = new Source('docker-compose.yml', `${app.text}      - "443:443"\n`, 'deploy');
    const image = new Source(
      'docker-compose.yml',
      app.text.replace('build: .', 'image: acme/web:1'),
      'deploy',
    );
    expect(findPublishedHttpPort([withProxy], code)).toEqual([]);
    expect(findPublishedHttpPort([with443], code)).toEqual([]);
    expect(findPublishedHttpPort([image], code)).toEqual([]);
    expect(findPublishedHttpPort([app], [js('https.createServer(options, app).listen(443);\n')])).toEqual([]);
  });

  const published = new Source(
    'docker-compose.yml',
    'services:\n  linkding:\n    image: acme/linkding:latest\n    ports:\n      - "${LD_HOST_PORT:-9090}:9090"\n',
    'deploy',
  );

  it("is plain HTTP when a compose file runs the project's own published image on any port", () => {
    expect(findPublishedHttpPort([published], [], ['linkding'])).toEqual([
      {
        file: 'docker-compose.yml',
        line: 5,
        fact: '`- "${LD_HOST_PORT:-9090}:9090"` in docker-compose.yml publishes the project\'s own image `acme/linkding:latest` on plain HTTP with no proxy in front, and nothing in the project sets up TLS',
        kind: 'http-only-server',
        scope: { kind: 'project' },
      },
    ]);
  });

  it('is nothing for an image of another name, a loopback bind, a port 3000 the project builds, or a test set-up', () => {
    expect(findPublishedHttpPort([published], [], ['shop'])).toEqual([]);
    const loopback = new Source(
      'docker-compose.yml',
      published.text.replace('"${LD_HOST_PORT:-9090}:9090"', '"127.0.0.1:9090:9090"'),
      'deploy',
    );
    expect(findPublishedHttpPort([loopback], [], ['linkding'])).toEqual([]);
    const development = new Source('docker-compose.yml', app.text.replace('80:80', '3000:3000'), 'deploy');
    expect(findPublishedHttpPort([development], code, ['web'])).toEqual([]);
    const testSetUp = new Source('scripts/test-environments/oidc/compose.yml', published.text, 'deploy');
    expect(findPublishedHttpPort([testSetUp], [], ['linkding'])).toEqual([]);
  });
});
