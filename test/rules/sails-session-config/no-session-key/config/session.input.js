module.exports.session = {
  secret: 'b1f0e4c1d2a3',
};
