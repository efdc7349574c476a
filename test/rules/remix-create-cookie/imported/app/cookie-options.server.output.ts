export const cookieOptions = { httpOnly: true, secure: true, sameSite: 'lax' as const };
