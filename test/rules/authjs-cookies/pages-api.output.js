import NextAuth from 'next-auth';
import GithubProvider from 'next-auth/providers/github';

const useSecureCookies = process.env.NEXTAUTH_URL?.startsWith('https://');

// ruleid: authjs-cookies secure-false fixable
export default NextAuth({
  providers: [GithubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET })],
  useSecureCookies: useSecureCookies,
  cookies: {
    sessionToken: {
      name: 'next-auth.session-token',
      // ruleid: authjs-cookies httpOnly-false secure-false fixable
      options: {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: useSecureCookies,
      },
    },
    csrfToken: {
      name: 'next-auth.csrf-token',
      // ok: authjs-cookies
      options: { httpOnly: false, sameSite: 'lax', path: '/', secure: true },
    },
    callbackUrl: {
      name: 'next-auth.callback-url',
      // ok: authjs-cookies
      options: { sameSite: 'lax', path: '/' },
    },
    pkceCodeVerifier: {
      name: 'next-auth.pkce.code_verifier',
      // ruleid: authjs-cookies secure-conditional conditional
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies },
    },
  },
});
