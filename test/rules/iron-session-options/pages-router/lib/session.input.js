export const ironOptions = {
  cookieName: 'myapp_cookiename',
  password: process.env.SECRET_COOKIE_PASSWORD,
  // ruleid: iron-session-options secure-conditional conditional
  cookieOptions: {
    maxAge: undefined,
    secure: process.env.NODE_ENV === "production",
  },
};
