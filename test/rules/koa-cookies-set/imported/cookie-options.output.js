// ruleid: koa-cookies-set httpOnly-false fixable
exports.refreshCookie = {
  path: '/auth/refresh',
  httpOnly: true,
};
