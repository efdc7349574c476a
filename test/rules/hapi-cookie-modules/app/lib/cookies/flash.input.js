'use strict';

module.exports = (server, options) => [
  'flash',
  // ruleid: hapi-cookie-modules secure-conditional conditional
  {
    isSameSite: 'Lax',
    isSecure: !options.dev,
    encoding: 'base64json',
    path: '/',
  },
];
