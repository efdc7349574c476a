'use strict';

// A plugin module nobody registers through this file's export is still a yar registration.
module.exports = {
  plugin: require('yar'),
  options: {
    name: 'flash',
    // ruleid: hapi-plugin-options httpOnly-false fixable
    cookieOptions: { password: process.env.FLASH_PASSWORD, isHttpOnly: true },
  },
};
