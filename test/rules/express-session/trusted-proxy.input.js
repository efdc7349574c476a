// The proxy is trusted, so express-session sees HTTPS requests as secure and a literal true is safe.
const express = require('express');
const session = require('express-session');

const app = express();
app.set('trust proxy', 1);

app.use(session({
  secret: 'keyboard cat',
  // ruleid: express-session secure-false fixable
  cookie: { secure: false },
}));

app.listen(9090);
