'use strict';

module.exports = {
  plugin: require('@hapi/crumb'),
  options: {
    key: 'crumb',
    cookieOptions: { isSecure: true },
  },
};
