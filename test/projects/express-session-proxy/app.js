const express = require('express');
const session = require('express-session');

const app = express();

app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    // if this is true it creates a new session every time
    cookie: { secure: false, maxAge: 86400000 },
  }),
);

app.get('/', (req, res) => res.send('notes'));

app.listen(3000);
