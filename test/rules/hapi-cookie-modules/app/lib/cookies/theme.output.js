'use strict';

module.exports = {
  name: 'theme',
  // ruleid: hapi-cookie-modules httpOnly-false secure-false fixable
  options: { isSecure: true, isHttpOnly: false, path: '/' },
};
