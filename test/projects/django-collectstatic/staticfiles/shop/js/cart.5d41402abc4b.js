// Remembers the open cart between pages.
export function rememberCart(id) {
  document.cookie = 'cart=' + encodeURIComponent(id) + '; path=/; max-age=604800';
}
