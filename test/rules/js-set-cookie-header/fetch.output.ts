export async function handler(request: Request): Promise<Response> {
  const headers = new Headers();
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
  headers.append('Set-Cookie', 'session_id=abc123; Path=/; HttpOnly; Secure');
  // ruleid: js-set-cookie-header secure-missing fixable
  headers.set("Set-Cookie", "refresh_token=xyz; Path=/; HttpOnly; Secure");
  const response = new Response('ok', {
    headers: {
      // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
      'Set-Cookie': `prefs=${request.url}; Path=/; Secure`,
    },
  });
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
  response.headers['Set-Cookie'] = 'token=t; SameSite=Lax; HttpOnly; Secure';
  // ok: js-set-cookie-header
  const incoming = request.headers.get('set-cookie');
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing ignored
  // cookie-hardener-ignore: issued for the local preview only
  headers.append('Set-Cookie', 'preview_token=1; Path=/');
  const pairs = new Headers([
    ['Content-Type', 'text/plain'],
    // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
    ['Set-Cookie', 'access_token=t; Path=/; HttpOnly; Secure'],
  ]);
  return incoming ? response : new Response(null, { headers: pairs });
}
