module.exports = {
  name: 'remember_me',
  // ruleid: hapi-cookie-modules secure-false fixable
  options: { isSecure: true, ttl: 30 * 24 * 60 * 60 * 1000 },
};
