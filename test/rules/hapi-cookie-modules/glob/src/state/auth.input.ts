export const name = 'auth_token';

export default {
  name,
  // ruleid: hapi-cookie-modules secure-false fixable
  options: { isHttpOnly: true, isSecure: false, isSameSite: 'Strict' as const },
};
