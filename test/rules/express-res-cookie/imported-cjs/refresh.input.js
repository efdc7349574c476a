// ruleid: express-res-cookie secure-conditional conditional
exports.refreshOptions = { httpOnly: true, secure: process.env.COOKIE_SECURE === 'true' };
