import Cookies from 'universal-cookie';
import { base } from './options';

const cookies = new Cookies();

export function savePrefs(theme: string) {
  cookies.set('theme', theme, base);
  // ruleid: universal-cookie-set secure-missing fixable
  cookies.set('layout', 'wide', { ...base, maxAge: 3600, secure: true });
}

export function saveWith(extra: object) {
  // ruleid: universal-cookie-set secure-unknown conditional
  cookies.set('layout', 'wide', { maxAge: 3600, ...extra });
}
