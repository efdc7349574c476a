// ruleid: authjs-cookies httpOnly-false fixable
export const sessionCookie = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: true };
