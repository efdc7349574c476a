const express = require('express');

const app = express();

app.post('/login', (req, res) => {
  res.cookie('token', req.body.token, { httpOnly: true });
  res.end();
});

app.listen(3000);
