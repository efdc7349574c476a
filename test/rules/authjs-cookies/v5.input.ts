import NextAuth, { type NextAuthConfig } from 'next-auth';

// ok: authjs-cookies
export const config = {
  providers: [],
  cookies: { sessionToken: { options: { httpOnly: true } } },
} satisfies NextAuthConfig;

// ok: authjs-cookies
export const { handlers, auth } = NextAuth({ ...config, useSecureCookies: true });

// ok: authjs-cookies
export const other = { useSecureCookies: false };
