'use strict';

const Hapi = require('@hapi/hapi');
const Yar = require('@hapi/yar');
const Crumb = require('@hapi/crumb');
const Inert = require('@hapi/inert');
const AuthJwt = require('hapi-auth-jwt2');
const config = require('./config');

const init = async () => {
  const server = Hapi.server({ port: 3000 });

  const yarOptions = {
    name: 'app_session',
    // ruleid: hapi-plugin-options secure-false manual
    cookieOptions: {
      password: config.sessionPassword,
      isSecure: false,
      isSameSite: 'Lax',
    },
  };

  await server.register([
    Inert,
    { plugin: Yar, options: yarOptions },
    {
      plugin: Crumb,
      options: {
        key: 'csrf-token',
        // ruleid: hapi-plugin-options secure-false manual
        cookieOptions: { isSecure: false, isHttpOnly: false },
      },
    },
    require('./plugins/session'),
  ]);

  await server.register({
    plugin: AuthJwt,
    options: {
      // ruleid: hapi-plugin-options secure-conditional conditional
      cookie: { name: 'jwt', isSecure: config.https },
    },
  });

  await server.register({
    plugin: require('@hapi/yar'),
    // ok: hapi-plugin-options
    options: { cookieOptions: { password: config.sessionPassword } },
  });

  await server.register({
    plugin: require('@hapi/yar'),
    // ok: hapi-plugin-options (the project function returns options that keep both defaults on)
    options: config.yarOptions(),
  });

  await server.register({
    plugin: require('@hapi/yar'),
    // ruleid: hapi-plugin-options httpOnly-unknown secure-unknown conditional
    options: config.load('yar'),
  });

  // ok: hapi-plugin-options
  await server.register({ plugin: Inert, options: { etagsCacheMaxSize: 1000 } });

  await server.start();
  return server;
};

module.exports = { init };
