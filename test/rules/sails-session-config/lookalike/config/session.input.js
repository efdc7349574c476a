// Not Sails: a plain settings module that happens to live in config/session.js.
// ok: sails-session-config
module.exports = {
  cookieSecret: 'x',
  cookieMaxAge: 1000,
};
