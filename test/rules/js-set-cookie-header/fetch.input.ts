export async function handler(request: Request): Promise<Response> {
  const headers = new Headers();
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
  headers.append('Set-Cookie', 'session_id=abc123; Path=/');
  // ruleid: js-set-cookie-header secure-missing fixable
  headers.set("Set-Cookie", "refresh_token=xyz; Path=/; HttpOnly;");
  const response = new Response('ok', {
    headers: {
      // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
      'Set-Cookie': `prefs=${request.url}; Path=/`,
    },
  });
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
  response.headers['Set-Cookie'] = 'token=t; SameSite=Lax';
  // ok: js-set-cookie-header
  const incoming = request.headers.get('set-cookie');
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing ignored
  // cookie-hardener-ignore: issued for the local preview only
  headers.append('Set-Cookie', 'preview_token=1; Path=/');
  const pairs = new Headers([
    ['Content-Type', 'text/plain'],
    // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
    ['Set-Cookie', 'access_token=t; Path=/'],
  ]);
  return incoming ? response : new Response(null, { headers: pairs });
}
