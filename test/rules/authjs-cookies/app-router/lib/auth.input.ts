import type { NextAuthOptions } from 'next-auth';
import { sessionCookie } from './cookie-options';

// ruleid: authjs-cookies secure-conditional conditional
export const authOptions: NextAuthOptions = {
  providers: [],
  useSecureCookies: process.env.NODE_ENV === 'production',
  cookies: {
    sessionToken: { name: '__Secure-next-auth.session-token', options: sessionCookie },
  },
};
