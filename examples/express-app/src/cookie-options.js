// Options shared by the refresh-token cookie.
const cookieOptions = {
  httpOnly: true,
  sameSite: 'lax',
  path: '/auth/refresh',
};

module.exports = { cookieOptions };
