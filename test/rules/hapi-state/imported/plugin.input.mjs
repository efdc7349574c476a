import { sessionCookie } from './cookies.mjs';

export const plugin = {
  name: 'auth',
  register(server) {
    // ruleid: hapi-state secure-false fixable
    server.state('session', { ...sessionCookie, encoding: 'iron' });
  },
};

const machine = { state: (name, config) => ({ name, config }) };
// ok: hapi-state
machine.state('idle', { ...plugin, isSecure: false });
