'use strict';

module.exports = {
  name: 'auth_session',
  options: {
    ttl: 7 * 24 * 60 * 60 * 1000,
    encoding: 'iron',
    password: process.env.COOKIE_PASSWORD,
    isSecure: false,
    path: '/',
  },
};
