import Cookies from 'js-cookie';

export function preferences() {
  return JSON.parse(Cookies.get('prefs') || '{}');
}
