const express = require('express');
const session = require('express-session');

const app = express();

// ruleid: express-session secure-missing fixable
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }));

app.use(
  session({
    secret: process.env.SECRET,
    // ruleid: express-session secure-missing fixable
    cookie: {
      maxAge: 60000,
      sameSite: 'lax'
    },
  }),
);

app.use(session({
  secret: 'x',
  // ruleid: express-session secure-false fixable
  cookie: { secure: false },
}));

app.use(session({
  secret: 'x',
  // ruleid: express-session httpOnly-false fixable
  cookie: { secure: true, httpOnly: false },
}));

// ok: express-session
app.use(session({ secret: 'x', cookie: { secure: 'auto' } }));
// ok: express-session
app.use(session({ secret: 'x', cookie: { secure: true, maxAge: 1000 } }));

app.use(session({
  secret: 'x',
  // ruleid: express-session secure-conditional conditional
  cookie: { secure: app.get('env') === 'production' },
}));

app.use(session({
  secret: 'x',
  // ruleid: express-session secure-false manual
  cookie: { secure: !isProduction },
}));

const base = { cookie: makeCookie() };
// ruleid: express-session httpOnly-unknown secure-unknown conditional
app.use(session({ secret: 'x', ...base }));
