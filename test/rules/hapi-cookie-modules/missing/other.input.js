// A case needs one reported site: this loader's folder is scanned, the one above is not.
const fs = require('fs');
const path = require('path');

module.exports = (server) => {
  for (const file of fs.readdirSync(path.join(__dirname, 'cookies'))) {
    const { name, options } = require(`./cookies/${file}`);
    server.state(name, options);
  }
};
