export function rememberTheme(theme) {
  // ruleid: document-cookie secure-missing fixable
  document.cookie = 'theme=' + theme + '; path=/; max-age=31536000; Secure';
  // ok: document-cookie
  document.cookie = `theme=${theme}; path=/; Secure; SameSite=Lax`;
  // ok: document-cookie
  document.cookie = 'theme=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

export function storeToken(token) {
  // ruleid: document-cookie secure-missing fixable
  document.cookie = `auth_token=${token}; path=/; Secure`;
  // ruleid: document-cookie manual
  window.document.cookie = `session=${token}; path=/; secure; samesite=strict`;
}

export function storeCsrf(value, https) {
  // ruleid: document-cookie secure-missing manual
  document.cookie = "XSRF-TOKEN=" + value;
  // ruleid: document-cookie secure-missing fixable
  document.cookie = "lang=" + value + "; Secure";
  // ruleid: document-cookie secure-conditional conditional
  document.cookie = `csrftoken=${value}; path=/${https ? '; secure' : ''}`;
}

export function write(name, value, attributes) {
  // ruleid: document-cookie secure-unknown conditional
  document.cookie = `${name}=${value}; ${attributes}`;
  // ok: document-cookie
  document.cookie = serialize(name, value);
}

// ok: document-cookie
const copy = document.cookie;
// ok: document-cookie
localStorage.cookie = 'theme=dark';
export { copy };

function serialize(name, value) {
  return `${name}=${value}`;
}
