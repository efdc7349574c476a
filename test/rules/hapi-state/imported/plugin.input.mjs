import { sessionCookie } from './cookies.mjs';

export const plugin = {
  name: 'auth',
  register(server) {
    // ruleid: hapi-state secure-false fixable
    server.state('session', { ...sessionCookie, encoding: 'iron' });
  },
};
