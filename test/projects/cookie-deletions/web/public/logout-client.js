export function forgetToken() {
  document.cookie = 'token=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  document.cookie = 'theme=; max-age=0; path=/';
}
