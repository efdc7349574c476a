import Cookies from 'universal-cookie';
import { useCookies } from 'react-cookie';

const cookies = new Cookies(null, { path: '/' });
// ruleid: universal-cookie-set secure-missing fixable
const sessionOptions = { path: '/', sameSite: 'strict' as const };

export function remember(token: string) {
  // ruleid: universal-cookie-set secure-missing fixable
  cookies.set('access_token', token, { path: '/' });
  // ruleid: universal-cookie-set secure-false fixable
  new Cookies().set('refresh_token', token, { path: '/', secure: false, httpOnly: true });
  // ruleid: universal-cookie-set manual
  cookies.set('session', token, { path: '/', secure: true });
}

export function Preferences() {
  const [prefs, setCookie] = useCookies(['theme']);
  const choose = (theme: string) => {
    // ruleid: universal-cookie-set secure-missing fixable
    setCookie('theme', theme, { path: '/', maxAge: 31536000 });
    // ruleid: universal-cookie-set secure-conditional conditional
    setCookie('lang', 'en', { secure: window.isSecureContext });
    // ruleid: universal-cookie-set secure-missing fixable
    setCookie('csrftoken', 'x');
    // ok: universal-cookie-set
    setCookie('consent', 'yes', { path: '/', secure: true });
  };
  return <button onClick={() => choose('dark')}>{prefs.theme}</button>;
}

export function withSession(token: string) {
  cookies.set('sid', token, sessionOptions);
}

function setCookie(name: string, value: string) {
  return `${name}=${value}`;
}
// ok: universal-cookie-set
setCookie('session', 'x');
