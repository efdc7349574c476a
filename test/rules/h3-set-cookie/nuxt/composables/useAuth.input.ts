export function useAuth(event: unknown, token: string) {
  // not a server file: this `setCookie` is some other global
  // ok: h3-set-cookie
  setCookie(event, 'token', token, {});
}
