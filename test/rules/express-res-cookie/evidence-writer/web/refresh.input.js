import Cookies from 'js-cookie';

export function storeToken(token) {
  Cookies.set('token', token, { expires: 7, secure: true });
}
