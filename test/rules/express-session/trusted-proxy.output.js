// The proxy is trusted and the app sets up no TLS itself: 'auto' is Secure on every request that came over HTTPS and keeps the session over plain HTTP.
const express = require('express');
const session = require('express-session');

const app = express();
app.set('trust proxy', 1);

app.use(session({
  secret: 'keyboard cat',
  // ruleid: express-session secure-false fixable
  cookie: { secure: 'auto' },
}));

app.listen(9090);
