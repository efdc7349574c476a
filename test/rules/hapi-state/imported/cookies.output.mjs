export const sessionCookie = {
  ttl: null,
  isSecure: true,
  path: '/',
};
