const express = require('express');
const router = express.Router();

router.post('/login', function (req, res) {
	// ruleid: express-res-cookie httpOnly-missing secure-missing fixable
	res.cookie('sessionId', req.sessionID, {
		maxAge: 900000,
		sameSite: 'strict',
		httpOnly: true,
		secure: true
	});
	// ruleid: express-res-cookie httpOnly-missing secure-missing fixable
	res.cookie('auth_token', req.token, { httpOnly: true, secure: true });
	res.end();
});
