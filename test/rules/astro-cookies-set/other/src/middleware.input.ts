// An Oak app with a src/middleware.ts: its context's cookie jar is Oak's (HttpOnly by default, no `ctx.url`).
import { Application } from 'jsr:@oak/oak';

const app = new Application();
app.use(async (ctx, next) => {
  // ok: astro-cookies-set
  await ctx.cookies.set('theme', 'dark', { sameSite: 'lax' });
  await next();
});
