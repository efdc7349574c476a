// An Express app that keeps its per-environment settings in config/env/*.js, with no Sails session anywhere.
const port = process.env.PORT || 4000;

// ok: sails-session-config
module.exports = {
  port,
  cookieSecret: process.env.COOKIE_SECRET,
  hostName: 'localhost',
};
