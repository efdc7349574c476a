const Koa = require('koa');

const app = new Koa();

app.use(async (ctx) => {
  // ruleid: koa-cookies-set secure-false manual
  ctx.cookies.set('sid', ctx.state.sid, { secure: false });
  // ok: koa-cookies-set
  ctx.cookies.set({ name: 'sid', value: 'x' }, { secure: false });
  // ruleid: koa-cookies-set httpOnly-unknown secure-unknown conditional
  ctx?.cookies.set('theme', 'dark', ctx.state.cookieOptions);
  ctx.body = 'ok';
});

module.exports = app;
