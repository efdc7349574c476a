const Koa = require('koa');
const Router = require('@koa/router');

const app = new Koa();
const router = new Router();
const isDev = process.env.NODE_ENV === 'development';
// ruleid: koa-cookies-set secure-false manual
const longLived = { maxAge: 30 * 24 * 3600 * 1000, secure: false };

router.post('/login', async (ctx) => {
  // ok: koa-cookies-set
  ctx.cookies.set('sid', ctx.state.sid);
  // ok: koa-cookies-set
  ctx.cookies.set('sid', ctx.state.sid, { maxAge: 3600000, signed: true });
  // ruleid: koa-cookies-set secure-false manual
  ctx.cookies.set('sid', ctx.state.sid, { signed: true, secure: false });
  // ruleid: koa-cookies-set httpOnly-false manual
  ctx.cookies.set('auth_token', ctx.state.token, { httpOnly: false });
  ctx.cookies.set('remember_token', ctx.state.token, longLived);
  // ruleid: koa-cookies-set httpOnly-false manual
  ctx.cookies.set('theme', 'dark', { httpOnly: false });
  // ruleid: koa-cookies-set secure-false manual
  ctx.cookies.set('theme', 'dark', { secure: false });
  // ok: koa-cookies-set
  ctx.cookies.set('XSRF-TOKEN', ctx.csrf, { httpOnly: false });
  // ruleid: koa-cookies-set secure-false manual
  ctx.cookies.set('XSRF-TOKEN', ctx.csrf, { httpOnly: false, secure: false });
  // ruleid: koa-cookies-set secure-conditional conditional
  ctx.cookies.set('sid', ctx.state.sid, { secure: process.env.NODE_ENV === 'production' });
  // ruleid: koa-cookies-set secure-false manual
  ctx.cookies.set('sid', ctx.state.sid, { secure: isDev });
});

function setWith(ctx, extra) {
  // ruleid: koa-cookies-set httpOnly-unknown secure-unknown conditional
  ctx.cookies.set('sid', ctx.state.sid, { path: '/', ...extra });
  // ok: koa-cookies-set
  ctx.cookies.set('sid', ctx.state.sid, { ...extra, httpOnly: true, secure: true });
}

app.use(async function legacy(next) {
  // ruleid: koa-cookies-set httpOnly-false manual
  this.cookies.set('session', this.sid, { httpOnly: false });
  await next;
});

app.use(router.routes());
