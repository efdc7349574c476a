import { describe, expect, it } from 'vitest';
import { mayConfigureServer, mentionsServerSetting } from '../../src/languages/index.js';
import { mentionsCookieApi } from '../../src/rules/prefilter.js';

describe('server-setting prefilter', () => {
  it.each([
    ['app.js', true],
    ['src/server.ts', true],
    ['src/index.mjs', true],
    ['proj/settings/production.py', true],
    ['proj/settings.py', true],
    ['config/session.js', true],
    ['gunicorn.conf.py', true],
    ['flower/__main__.py', true],
    ['src/routes/users.js', false],
    ['proj/views.py', false],
    ['lib/helpers/format.ts', false],
  ])('%s may configure the server: %s', (file, expected) => expect(mayConfigureServer(file)).toBe(expected));

  it.each([
    ["app.set('trust proxy', 1);", true],
    ['app.wsgi_app = ProxyFix(app.wsgi_app)', true],
    ["SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')", true],
    ['http.createServer(app).listen(8080);', true],
    ['define("certfile", default=None)', true],
    ['ENABLE_HTTPS = False', true],
    ['CSRF_USE_SESSIONS = True', true],
    ["export const add = (a, b) => a + b;\nconst url = 'https://example.com';", false],
  ])('%s mentions a server setting: %s', (text, expected) => {
    expect(mentionsServerSetting(Buffer.from(text))).toBe(expected);
    expect(mentionsCookieApi(Buffer.from(text))).toBe(false);
  });
});
