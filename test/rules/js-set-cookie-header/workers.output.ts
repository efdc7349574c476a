// A Cloudflare Worker / Deno / Bun handler: the cookie string is built once and handed to the headers.
const SESSION_TTL = 60 * 60 * 24;
// ruleid: js-set-cookie-header secure-missing fixable
const LOGOUT_HINT = 'logged_out=1; Path=/; HttpOnly; Secure';

export default {
  async fetch(request: Request): Promise<Response> {
    const sessionId = crypto.randomUUID();
    // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
    const cookie = `session_id=${sessionId}; Path=/; Max-Age=${SESSION_TTL}; SameSite=Lax; HttpOnly; Secure`;
    // ok: js-set-cookie-header
    const cleared = 'session_id=; Path=/; Max-Age=0';
    if (new URL(request.url).pathname === '/logout') {
      const headers = new Headers({ Location: '/' });
      headers.append('Set-Cookie', cleared);
      headers.append('Set-Cookie', LOGOUT_HINT);
      return new Response(null, { status: 302, headers });
    }
    return new Response('ok', { headers: { 'Set-Cookie': cookie, 'Content-Type': 'text/plain' } });
  },
};

const preference = 'theme=dark; Path=/';

export function onRequest(context: { request: Request }, preference: string): Response {
  // A parameter of the same name as a constant elsewhere: the value is not that constant.
  // ok: js-set-cookie-header
  return Response.json({ ok: true }, { headers: { 'Set-Cookie': preference } });
}

export function express(res: { append(name: string, value: string): void }, token: string) {
  // ruleid: js-set-cookie-header secure-missing fixable
  res.append('Set-Cookie', `auth_token=${token}; Path=/; HttpOnly; Secure`);
}
