const express = require('express');

const router = express.Router();

// The board remembers which teams a visitor picked; the front end reads the list back.
router.post('/teams', (req, res) => {
  const teams = JSON.stringify(req.body.teams);
  res.cookie('sessions', teams, { httpOnly: false });
  res.json({ ok: true });
});

module.exports = router;
