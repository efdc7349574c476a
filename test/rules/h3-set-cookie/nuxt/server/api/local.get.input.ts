function setCookie(target: Map<string, string>, name: string, value: string) {
  target.set(name, value);
}

export default defineEventHandler(() => {
  const jar = new Map<string, string>();
  // ok: h3-set-cookie
  setCookie(jar, 'session', 'x');
  return Object.fromEntries(jar);
});
