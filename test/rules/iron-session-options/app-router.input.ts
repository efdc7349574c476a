import { getIronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';

// ok: iron-session-options
export const sessionOptions: SessionOptions = {
  password: process.env.SECRET_COOKIE_PASSWORD!,
  cookieName: 'app-session',
};

export const insecureOptions: SessionOptions = {
  password: process.env.SECRET_COOKIE_PASSWORD!,
  cookieName: 'app-session',
  // set this to false in local (non-HTTPS) development
  // ruleid: iron-session-options secure-false fixable
  cookieOptions: {
    secure: false,
  },
};

const isDev = process.env.NODE_ENV !== 'production';

export async function getSession() {
  // ruleid: iron-session-options httpOnly-false fixable
  return getIronSession(await cookies(), { password: 'p'.repeat(32), cookieName: 's', cookieOptions: { httpOnly: false } });
}

export async function getDevSession(req: Request, res: Response) {
  // ruleid: iron-session-options secure-false manual
  return getIronSession(req, res, { ...sessionOptions, cookieOptions: { secure: isDev } });
}

export async function getCsrfSession() {
  // ruleid: iron-session-options secure-false fixable
  return getIronSession(await cookies(), { password: 'p'.repeat(32), cookieName: 'csrf', cookieOptions: { secure: false } });
}

export async function getSpreadSession(extra: object) {
  // ruleid: iron-session-options httpOnly-unknown secure-unknown conditional
  return getIronSession(await cookies(), { ...extra });
}

// ok: iron-session-options
export const unrelated = { password: 'x', cookieOptions: { secure: false } };
