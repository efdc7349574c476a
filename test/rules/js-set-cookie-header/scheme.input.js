const http = require('node:http');

const server = http.createServer((req, res) => {
  // ruleid: js-set-cookie-header secure-conditional conditional
  res.setHeader('Set-Cookie', `sid=abc; HttpOnly${req.secure ? '; Secure' : ''}`);
  res.end();
});

module.exports = { server };
