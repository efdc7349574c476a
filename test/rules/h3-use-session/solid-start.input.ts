import { useSession } from '@solidjs/start/http';

export async function getSession() {
  return useSession({
    password: process.env.SESSION_SECRET!,
    // ruleid: h3-use-session secure-false fixable
    cookie: { secure: false },
  });
}
