'use strict';

const Hapi = require('@hapi/hapi');

const init = async () => {
  const server = Hapi.server({
    port: 3000,
    // ruleid: hapi-state secure-false fixable
    state: { isSecure: false, strictHeader: false },
  });

  // ruleid: hapi-state secure-false fixable
  server.state('hello', {
    ttl: 24 * 60 * 60 * 1000,
    isHttpOnly: true,
    isSecure: false,
    encoding: 'iron',
    password: process.env.COOKIE_PASSWORD,
  });
  // ok: hapi-state
  server.state('data', { ttl: null, encoding: 'base64json' });
  // ruleid: hapi-state secure-false fixable
  server.state('session', { encoding: 'iron', isSecure: false });
  // ruleid: hapi-state secure-conditional conditional
  server.state('session', { isSecure: process.env.NODE_ENV === 'production' });
  // ok: hapi-state
  server.state('csrf-token', { isHttpOnly: false });
  // ruleid: hapi-state secure-false fixable
  server.state('csrf-token', { isHttpOnly: false, isSecure: false });

  await server.register(require('@hapi/cookie'));
  server.auth.strategy('session', 'cookie', {
    // ruleid: hapi-state httpOnly-false secure-false fixable
    cookie: {
      name: 'sid-example',
      password: process.env.COOKIE_PASSWORD,
      isSecure: false,
      isHttpOnly: false,
    },
    redirectTo: '/login',
  });

  server.route({
    method: 'POST',
    path: '/login',
    handler(request, h) {
      // ok: hapi-state
      h.state('theme', 'dark');
      // ruleid: hapi-state httpOnly-false manual
      return h.response('ok').state('token', request.payload.token, { isHttpOnly: false });
    },
  });

  await server.start();
};

function extraState(server, options) {
  // ruleid: hapi-state httpOnly-unknown secure-unknown conditional
  server.state('auth', { ...options, path: '/' });
}

init();
module.exports = { extraState };

// ruleid: hapi-state httpOnly-false manual
const tokenCookie = { ttl: 3600 * 1000, isHttpOnly: false, path: '/' };
module.exports.tokenState = (server) => server.state('token', tokenCookie);
