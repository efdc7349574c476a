import { Application, Router } from 'jsr:@oak/oak@^17';
import { sign } from 'npm:hono/jwt';

const app = new Application();
const router = new Router();
const isDev = Deno.env.get('DENO_ENV') === 'development';
const settings = new Map<string, unknown>();

router.post('/login', async (ctx) => {
  const sid = ctx.state.sid;
  const { payload, key } = ctx.state.jwt;
  // ok: oak-cookies-set
  await ctx.cookies.set('sid', sid);
  // ok: oak-cookies-set
  await ctx.cookies.set('sid', sid, { maxAge: 3600 });
  // ruleid: oak-cookies-set secure-false manual
  await ctx.cookies.set('sid', sid, { secure: false });
  // ruleid: oak-cookies-set httpOnly-false manual
  await ctx.cookies.set('session_id', sid, { httpOnly: false });
  // ruleid: oak-cookies-set httpOnly-false fixable
  await ctx.cookies.set('jwt', await sign(payload, key), { httpOnly: false, path: '/' });
  // ruleid: oak-cookies-set httpOnly-false manual
  await ctx.cookies.set('theme', 'dark', { httpOnly: false });
  // ruleid: oak-cookies-set secure-conditional conditional
  await ctx.cookies.set('sid', sid, { secure: Deno.env.get('DENO_ENV') === 'production' });
  // ruleid: oak-cookies-set secure-false manual
  await ctx.cookies.set('sid', sid, { secure: isDev, ignoreInsecure: true });
  // ok: oak-cookies-set
  await ctx.cookies.set('sid', sid, { secure: true, ignoreInsecure: true });
  // ok: oak-cookies-set
  await ctx.cookies.set('sid', null);
  // ok: oak-cookies-set
  await ctx.cookies.set('sid', '', { maxAge: 0, httpOnly: false });
  // ok: oak-cookies-set
  await ctx.cookies.delete('sid');
  // ok: oak-cookies-set
  settings.set('secure', false);
  ctx.response.body = 'ok';
});

app.use(async ({ cookies }, next) => {
  // ruleid: oak-cookies-set httpOnly-false manual
  await cookies.set('last_seen', String(Date.now()), { httpOnly: false });
  await next();
});

app.use(router.routes());
await app.listen({ port: 8000 });
