'use strict';

const Hapi = require('@hapi/hapi');
const config = require('./config');

async function start() {
  const server = Hapi.server({ port: config.port });

  await server.register([
    {
      plugin: require('@hapi/yar'),
      options: {
        storeBlank: false,
        cookieOptions: {
          password: config.sessionPassword,
          isSecure: false,
        },
      },
    },
    require('./plugins/crumb'),
    require('./plugins/cookie-loader'),
  ]);

  await server.start();
  return server;
}

module.exports = { start };
