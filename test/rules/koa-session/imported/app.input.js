const Koa = require('koa');
const session = require('koa-session');
const sessionConfig = require('./session-config');

const app = new Koa();
app.use(session(sessionConfig, app));
