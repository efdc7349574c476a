// ruleid: express-res-cookie secure-missing fixable
export const authCookieOptions = {
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: true,
};

const base = { path: '/' };
export default base;
