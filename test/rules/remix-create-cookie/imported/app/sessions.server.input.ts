import { createCookieSessionStorage } from 'react-router';
import { cookieOptions } from './cookie-options.server';

export const { getSession, commitSession, destroySession } = createCookieSessionStorage({
  // ruleid: remix-create-cookie secure-false fixable
  cookie: { name: '__session', secrets: ['s3cret'], ...cookieOptions },
});
