// A plain-HTTP listener and no proxy trust: express-session would refuse to send a Secure cookie on every
// request it sees as HTTP, so `secure: true` would end every login; 'auto' follows the request instead.
const express = require('express');
const session = require('express-session');

const app = express();

app.use(session({
  secret: 'keyboard cat',
  // ruleid: express-session secure-false fixable
  cookie: { secure: false },
}));

// ruleid: express-session secure-missing fixable
app.use(session({ secret: 'keyboard cat', resave: true }));

app.listen(9090);
