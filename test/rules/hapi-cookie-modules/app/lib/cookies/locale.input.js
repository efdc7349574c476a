'use strict';

module.exports = {
  name: 'locale',
  // ok: hapi-cookie-modules
  options: { ttl: null, path: '/', encoding: 'none' },
};
