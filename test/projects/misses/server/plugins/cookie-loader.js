'use strict';

const Fs = require('fs');
const Path = require('path');

// Each module of lib/cookies exports { name, options } for one cookie.
exports.plugin = {
  name: 'cookie-loader',
  register(server) {
    const folder = Path.join(__dirname, '..', '..', 'lib', 'cookies');
    for (const file of Fs.readdirSync(folder)) {
      const cookie = require(Path.join(folder, file));
      server.state(cookie.name, cookie.options);
    }
  },
};
