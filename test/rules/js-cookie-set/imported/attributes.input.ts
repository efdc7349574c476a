import type Cookies from 'js-cookie';

// ruleid: js-cookie-set secure-missing fixable
export const cookieAttributes: Cookies.CookieAttributes = {
  expires: 30,
  path: '/',
};
