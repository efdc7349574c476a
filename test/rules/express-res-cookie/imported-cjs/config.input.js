module.exports = {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  cookie: { maxAge: 86400000 },
};
