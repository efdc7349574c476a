export const sessionCookie = {
  ttl: null,
  isSecure: false,
  path: '/',
};
