import { defineAction } from 'astro:actions';
import { z } from 'astro:schema';

const cache = new Map<string, string>();

export const server = {
  logout: defineAction({
    handler: async (_input, context) => {
      // ok: astro-cookies-set
      context.cookies.delete('session_id');
      return true;
    },
  }),
  remember: defineAction({
    input: z.object({ token: z.string() }),
    handler: async ({ token }, context) => {
      // ok: astro-cookies-set
      cache.set('token', token);
      // ruleid: astro-cookies-set httpOnly-missing secure-missing fixable
      context.cookies.set('remember_token', token, { path: '/', maxAge: 60 * 60 * 24 * 30 });
      return true;
    },
  }),
};
