const cookieSession = require('cookie-session');

// ruleid: cookie-session secure-missing manual
app.use(cookieSession({ name: 'session', keys: ['k1', 'k2'], maxAge: 24 * 60 * 60 * 1000 }));

// ruleid: cookie-session secure-false manual
app.use(cookieSession({ name: 'session', keys: ['k1'], secure: false }));

// ruleid: cookie-session httpOnly-false fixable
app.use(cookieSession({ keys: ['k1'], httpOnly: true, secure: true }));

// ok: cookie-session
module.exports = cookieSession({ name: 'session', keys: ['k'], secure: true });
