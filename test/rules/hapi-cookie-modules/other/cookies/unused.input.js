'use strict';

// No loader registers this folder: its options reach nothing we can see.
module.exports = {
  name: 'unused',
  // ok: hapi-cookie-modules
  options: { isSecure: false },
};
