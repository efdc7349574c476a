// The checklist names a route only when the code says it plainly; anything doubtful stays `PATH`.
import { describe, expect, it } from 'vitest';
import { routeOf } from '../../src/report/routes.js';
import { detectTestCommand } from '../../src/report/test-command.js';

describe('routeOf', () => {
  it('reads file-based routers from the path', () => {
    expect(routeOf('web/app/(auth)/api/login/route.ts', 5, 3, undefined)).toEqual({
      method: null,
      path: '/api/login',
    });
    expect(routeOf('pages/api/session/index.js', 5, 3, undefined)).toEqual({
      method: null,
      path: '/api/session',
    });
    expect(routeOf('src/routes/account/+page.server.ts', 5, 3, undefined)).toEqual({
      method: null,
      path: '/account',
    });
    expect(routeOf('src/pages/index.astro', 5, 3, undefined)).toEqual({ method: null, path: '/' });
  });

  it('takes the route of the JavaScript handler the cookie is set in', () => {
    const text = [
      "router.get('/health', (req, res) => res.end('ok'));",
      "router.post('/login', async (req, res) => {",
      "  res.cookie('sid', await sign(req.body));",
      '});',
      "res.cookie('outside', 1);",
    ].join('\n');
    expect(routeOf('src/auth.js', 3, 3, text)).toEqual({ method: 'POST', path: '/login' });
    // After the handler closed, no route: the last one above does not own this call.
    expect(routeOf('src/auth.js', 5, 1, text)).toBeNull();
  });

  it('names no route for a wildcard handler, which no single curl reaches (requarks/wiki: `/*`)', () => {
    const text = [
      "router.get('/*', async (req, res, next) => {",
      "  res.cookie('loginRedirect', req.path);",
      '});',
    ].join('\n');
    expect(routeOf('server/controllers/common.js', 2, 3, text)).toBeNull();
  });

  it('takes the route of the decorated Python view the cookie is set in', () => {
    const text = [
      '@bp.route("/remember", methods=["POST"])',
      'def remember():',
      '    resp = make_response("ok")',
      '    if request.form.get("keep"):',
      '        resp.set_cookie("remember", "1")',
      '    return resp',
      '',
      'def helper(resp):',
      '    resp.set_cookie("other", "1")',
      '',
      '@app.get("/prefs")',
      'async def prefs():',
      '    response.set_cookie("theme", "dark")',
    ].join('\n');
    expect(routeOf('views.py', 5, 9, text)).toEqual({ method: 'POST', path: '/remember' });
    expect(routeOf('views.py', 9, 5, text)).toBeNull();
    expect(routeOf('views.py', 13, 5, text)).toEqual({ method: null, path: '/prefs' });
  });
});

describe('detectTestCommand', () => {
  const from = (files: Record<string, string>) => detectTestCommand((file) => files[file] ?? null);

  it("uses the package's test script with its package manager", () => {
    expect(from({ 'package.json': '{"scripts":{"test":"vitest run"}}' })).toBe('npm test');
    expect(from({ 'package.json': '{"scripts":{"test":"jest"}}', 'pnpm-lock.yaml': '' })).toBe('pnpm test');
  });

  it("ignores npm's placeholder script and finds Python's runners", () => {
    expect(
      from({ 'package.json': '{"scripts":{"test":"echo \\"Error: no test specified\\" && exit 1"}}' }),
    ).toBeUndefined();
    expect(from({ 'pyproject.toml': '[tool.pytest.ini_options]\naddopts = "-q"\n' })).toBe('pytest');
    expect(from({ 'manage.py': '' })).toBe('python manage.py test');
    expect(from({})).toBeUndefined();
  });
});
