'use strict';

module.exports = {
  name: 'session',
  // ruleid: hapi-cookie-modules httpOnly-false secure-false manual
  options: {
    ttl: 24 * 60 * 60 * 1000,
    encoding: 'iron',
    password: process.env.COOKIE_PASSWORD,
    isSecure: true,
    isHttpOnly: false,
  },
};
