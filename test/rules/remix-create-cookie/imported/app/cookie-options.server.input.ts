export const cookieOptions = { httpOnly: true, secure: false, sameSite: 'lax' as const };
