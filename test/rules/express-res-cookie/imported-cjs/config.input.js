module.exports = {
  // ruleid: express-res-cookie httpOnly-missing secure-missing manual
  cookie: { maxAge: 86400000 },
};
