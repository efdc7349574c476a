import { Application } from 'https://deno.land/x/oak@v12.6.1/mod.ts';

const app = new Application();

app.use(async (ctx) => {
  // ok: koa-cookies-set
  await ctx.cookies.set('sid', ctx.state.sid, { secure: false });
  // ok: koa-cookies-set
  await ctx.cookies.set('lang', 'en', { httpOnly: false });
});
