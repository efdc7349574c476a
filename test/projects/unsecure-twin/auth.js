const express = require('express');

const router = express.Router();

router.post('/login', (req, res) => {
  const token = req.app.locals.issue(req.body.user);
  res.cookie('wiki_session', token, { httpOnly: true, secure: true });
  // Deployments without HTTPS fall back to this one.
  res.cookie('wiki_session-unsecure', token, { httpOnly: true });
  res.end();
});

module.exports = router;
