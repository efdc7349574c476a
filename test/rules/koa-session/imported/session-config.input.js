// ruleid: koa-session httpOnly-false fixable
module.exports = {
  key: 'shop:sess',
  maxAge: 86400000,
  httpOnly: false,
};
