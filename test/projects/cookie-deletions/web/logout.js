const express = require('express');

const router = express.Router();

router.post('/logout', (req, res) => {
  res.clearCookie('token');
  res.cookie('session', '', { expires: new Date(0), path: '/' });
  res.cookie('remember', '', { maxAge: 0 });
  res.redirect('/');
});

module.exports = router;
