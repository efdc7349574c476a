// ruleid: koa-cookies-set httpOnly-false manual
exports.refreshCookie = {
  path: '/auth/refresh',
  httpOnly: false,
};
