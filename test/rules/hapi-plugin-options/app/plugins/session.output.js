'use strict';

const config = require('../config');

module.exports = {
  plugin: require('@hapi/yar'),
  options: {
    storeBlank: false,
    // ruleid: hapi-plugin-options httpOnly-false secure-false manual
    cookieOptions: {
      password: config.sessionPassword,
      isSecure: false,
      isHttpOnly: true,
    },
  },
};
