import type { H3Event, SessionConfig } from 'h3';

export const sessionConfig: SessionConfig = {
  password: process.env.NUXT_SESSION_PASSWORD!,
  name: 'app-session',
  // ruleid: h3-use-session secure-false fixable
  cookie: {
    sameSite: 'lax',
    secure: !import.meta.dev,
  },
};

export function getUserSession(event: H3Event) {
  return useSession(event, sessionConfig);
}
