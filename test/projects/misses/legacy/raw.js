'use strict';

function login(res, result) {
  res.setHeader('Set-Cookie', `auth_token=${result.token}; Path=/; HttpOnly`);
  res.end();
}

function preferences(res, theme) {
  const headers = new Headers();
  headers.append('Set-Cookie', 'theme=' + theme + '; Path=/');
  return headers;
}

function logout(res) {
  res.setHeader('Set-Cookie', 'auth_token=; Max-Age=0; Path=/');
  res.end();
}

module.exports = { login, preferences, logout };
