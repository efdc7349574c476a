// An Astro endpoint that imports nothing from Astro.
export async function GET({ cookies }) {
  // ruleid: astro-cookies-set httpOnly-missing secure-missing fixable
  cookies.set('session_id', crypto.randomUUID(), { path: '/' });
  return new Response(null, { status: 204 });
}
