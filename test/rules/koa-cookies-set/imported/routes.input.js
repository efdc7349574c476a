const Router = require('@koa/router');
const { refreshCookie } = require('./cookie-options');

const router = new Router();

router.post('/refresh', (ctx) => {
  ctx.cookies.set('refresh_token', ctx.state.refresh, refreshCookie);
});

module.exports = router;
