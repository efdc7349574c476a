const express = require('express');
const session = require('express-session');
const { cookieOptions } = require('./cookie-options');

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 60 * 60 * 1000 },
  }),
);

app.post('/login', (req, res) => {
  const token = issueToken(req.body.user);
  res.cookie('token', token);
  res.cookie('refresh_token', token, cookieOptions);
  res.redirect('/');
});

app.post('/preferences', (req, res) => {
  res.cookie('theme', req.body.theme, { maxAge: 31536000000 });
  res.redirect('/');
});

app.get('/csrf', (req, res) => {
  res.cookie('XSRF-TOKEN', req.csrfToken(), {
    sameSite: 'strict',
    secure: process.env.NODE_ENV === 'development',
  });
  res.sendStatus(204);
});

function issueToken(user) {
  return Buffer.from(String(user)).toString('base64url');
}

app.listen(3000);
