// The setup wizard runs before the forum is configured, on its own port.
const express = require('express');
const session = require('express-session');

const app = express();
app.use(
  session({
    secret: String(Math.random()),
    resave: false,
    saveUninitialized: false,
  }),
);
app.listen(4567);
