function login(req, res, token) {
  res.setHeader('Set-Cookie', `auth_token=${token}; Path=/; HttpOnly`);
  res.end();
}

module.exports = { login };
