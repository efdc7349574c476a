export const name = 'auth_token';

export default {
  name,
  // ruleid: hapi-cookie-modules secure-false fixable
  options: { isHttpOnly: true, isSecure: true, isSameSite: 'Strict' as const },
};
