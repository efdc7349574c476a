import http from 'node:http';
import Cookies from 'cookies';
import JsCookies from 'js-cookie';

const keys = ['k1'];

http.createServer((req, res) => {
  const jar = new Cookies(req, res, { keys });
  // ruleid: koa-cookies-set secure-false manual
  jar.set('session_id', 'abc', { signed: true, secure: false });
  // ruleid: koa-cookies-set httpOnly-false manual
  new Cookies(req, res).set('lang', 'en', { httpOnly: false });
  // ok: koa-cookies-set
  jar.set('session_id', 'abc', { signed: true });
  res.end();
});

const settings = new Map<string, boolean>();
// ok: koa-cookies-set
settings.set('secure', false);
// ok: koa-cookies-set
JsCookies.set('theme', 'dark', { secure: true });

export function astroLike(context: { cookies: Map<string, unknown> }) {
  // ok: koa-cookies-set
  context.cookies.set('sid', { secure: false });
}
