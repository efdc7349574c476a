module.exports = {
  sessionPassword: process.env.SESSION_PASSWORD,
  https: process.env.HTTPS === 'true',
  yarOptions: () => ({ cookieOptions: { password: process.env.SESSION_PASSWORD } }),
};
