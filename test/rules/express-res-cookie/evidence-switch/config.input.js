module.exports = {
  secureCookies: process.env.INSECURE_COOKIES !== '1',
};
