import Cookies from 'js-cookie';

export function rememberTheme(theme) {
  Cookies.set('theme', theme, { expires: 365 });
}
