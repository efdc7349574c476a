// Not a SvelteKit server file: a plain Map that happens to be called `cookies`.
const cookies = new Map<string, string>();
// ok: sveltekit-cookies-set
cookies.set('session', 'x', { secure: false } as never);
export default cookies;
