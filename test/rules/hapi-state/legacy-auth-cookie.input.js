'use strict';

// hapi-auth-cookie before @hapi/cookie 10: flat options, `cookie` holds the cookie's name.
exports.register = function (server, options, next) {
  server.register(require('hapi-auth-cookie'), () => {
    // ruleid: hapi-state secure-false fixable
    server.auth.strategy('session', 'cookie', {
      password: options.cookiePassword,
      cookie: 'app-sid',
      redirectTo: '/login',
      isSecure: false,
    });
    next();
  });
};
