// ruleid: authjs-cookies httpOnly-false fixable
export const sessionCookie = { httpOnly: false, sameSite: 'lax' as const, path: '/', secure: true };
