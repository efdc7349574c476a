'use strict';

const config = require('../config');

module.exports = {
  plugin: require('@hapi/yar'),
  options: {
    storeBlank: false,
    // ruleid: hapi-plugin-options httpOnly-false secure-false fixable
    cookieOptions: {
      password: config.sessionPassword,
      isSecure: true,
      isHttpOnly: true,
    },
  },
};
