function rememberOptions() {
  // ruleid: express-res-cookie httpOnly-missing secure-missing fixable
  return { maxAge: 30 * 86400000 };
}

function fromConfig(config) {
  return config.cookie;
}

module.exports = { rememberOptions, fromConfig };

exports.deviceOptions = function () {
  // ruleid: express-res-cookie httpOnly-false secure-missing fixable
  return { httpOnly: false };
};
