'use strict';

const Fs = require('fs');
const Path = require('path');

// Every module in lib/cookies declares one cookie: { name, options }.
exports.plugin = {
  name: 'app-cookies',
  register(server) {
    const folder = Path.join(__dirname, '..', 'cookies');
    for (const file of Fs.readdirSync(folder)) {
      const cookie = require(Path.join(folder, file));
      server.state(cookie.name, cookie.options);
    }
  },
};
