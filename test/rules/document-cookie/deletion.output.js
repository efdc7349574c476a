// Deleting a cookie writes an expiry long past: the old two-digit-year spelling too. Nothing to secure.
function deleteCookie(name, path, domain) {
  // ok: document-cookie
  document.cookie = name + '=' + (path ? '; path=' + path : '') + '; expires=Thu, 01-Jan-70 00:00:01 GMT';
}

function clearTheme() {
  // ok: document-cookie
  document.cookie = 'theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

function forget() {
  // ok: document-cookie
  document.cookie = 'seen=1; max-age=0';
}

function remember(value) {
  // ruleid: document-cookie secure-missing fixable
  document.cookie = 'seen=' + value + '; expires=Fri, 31 Dec 9999 23:59:59 GMT; Secure';
}
