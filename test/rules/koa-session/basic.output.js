const Koa = require('koa');
const session = require('koa-session');

const app = new Koa();
app.keys = ['some secret hurr'];

// ok: koa-session
app.use(session(app));
// ok: koa-session
app.use(session({ key: 'koa.sess', maxAge: 86400000, signed: true }, app));
// ruleid: koa-session secure-false manual
app.use(session({ key: 'koa.sess', secure: false }, app));
// ruleid: koa-session httpOnly-false secure-false manual
app.use(session({ httpOnly: true, secure: false }, app));
// ruleid: koa-session httpOnly-false fixable
app.use(session(app, { httpOnly: true }));

// ruleid: koa-session secure-false manual
const CONFIG = {
  key: 'app:sess',
  maxAge: 86400000,
  secure: false, // staging runs on plain HTTP
};
app.use(session(CONFIG, app));

const base = { renew: true };
// ok: koa-session
app.use(session({ ...base, key: 'app:sess' }, app));

// ruleid: koa-session secure-conditional conditional
app.use(session({ key: 'app:sess', secure: app.env === 'production' }, app));

// ruleid: koa-session secure-false manual
app.use(session({ key: 'XSRF-TOKEN', secure: false }, app));

function withOptions(extra) {
  // ruleid: koa-session httpOnly-unknown secure-unknown conditional
  return session({ ...extra }, app);
}

module.exports = { app, withOptions };
