const http = require('node:http');

function login(req, res, result) {
  // ruleid: js-set-cookie-header secure-missing fixable
  res.setHeader('Set-Cookie', `auth_token=${result.token}; Path=/; HttpOnly; Secure`);
  res.end();
}

function theme(req, res, value) {
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
  res.setHeader('set-cookie', 'theme=' + value + '; Secure');
}

function both(res, sid, lang) {
  res.writeHead(302, {
    Location: '/',
    'Set-Cookie': [
      // ruleid: js-set-cookie-header httpOnly-missing secure-missing fixable
      `sid=${sid}; Path=/; HttpOnly; Secure`,
      // ruleid: js-set-cookie-header httpOnly-missing secure-missing manual
      "lang=" + lang,
      // ok: js-set-cookie-header
      'seen=1; Path=/; Secure; HttpOnly',
      // ok: js-set-cookie-header
      'sid=; Max-Age=0; Path=/',
    ],
  });
}

function csrf(res, token, attributes) {
  // ruleid: js-set-cookie-header secure-missing fixable
  res.setHeader('Set-Cookie', `XSRF-TOKEN=${token}; Path=/; Secure`);
  // ruleid: js-set-cookie-header httpOnly-missing secure-missing manual
  res.setHeader('Set-Cookie', `session=${token}; Path=/; Max-Age=${60 * 60}`);
  // ruleid: js-set-cookie-header httpOnly-unknown secure-unknown conditional
  res.setHeader('Set-Cookie', `pref=${token}; ${attributes}`);
  // ok: js-set-cookie-header
  res.setHeader('Set-Cookie', serialize('sid', token, { httpOnly: true, secure: true }));
  // ok: js-set-cookie-header
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
}

const server = http.createServer((req, res) => {
  res.end();
});

module.exports = { login, theme, both, csrf, server };

function serialize(name, value) {
  return `${name}=${value}`;
}
