// Production settings without a `session` entry: the session cookie gets no Secure there.
// ruleid: sails-session-config secure-missing manual
module.exports = {
  port: 80,
  log: { level: 'info' },
};
