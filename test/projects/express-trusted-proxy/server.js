const http = require('http');
const express = require('express');

const app = express();
// Deployed behind the platform's router, which terminates TLS.
app.enable('trust proxy');

app.post('/login', (req, res) => {
  const token = issueToken(req.body.user);
  res.cookie('auth', token, { httpOnly: true });
  res.redirect('/');
});

function issueToken(user) {
  return Buffer.from(String(user)).toString('base64');
}

const server = new http.Server(app);
server.listen(process.env.PORT || 3000);
