// express-session's own `proxy: true` trusts X-Forwarded-Proto without `trust proxy`: a literal true is safe.
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({
  secret: 'keyboard cat',
  proxy: true,
  // ruleid: express-session secure-false fixable
  cookie: { secure: false },
}));

app.listen(9090);
