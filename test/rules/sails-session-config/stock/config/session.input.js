/**
 * Session Configuration
 * (sails.config.session)
 */
module.exports.session = {
  secret: 'b1f0e4c1d2a3',

  // isSessionDisabled: function (req){
  //   return !!req.path.match(req._sails.LOOKS_LIKE_ASSET_RX);
  // },
};
