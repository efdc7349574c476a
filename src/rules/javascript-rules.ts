// The JavaScript / TypeScript rules, in report order.
import { authjsCookies } from './authjs-cookies.js';
import { cookieSerialize } from './cookie-serialize.js';
import { cookieSession } from './cookie-session.js';
import { documentCookie } from './document-cookie.js';
import { expressResCookie } from './express-res-cookie.js';
import { expressSession } from './express-session.js';
import { fastifySecureSession } from './fastify-secure-session.js';
import { fastifySession } from './fastify-session.js';
import { fastifySetCookie } from './fastify-set-cookie.js';
import { h3SetCookie } from './h3-set-cookie.js';
import { h3UseSession } from './h3-use-session.js';
import { hapiCookieModules } from './hapi-cookie-modules.js';
import { hapiPluginOptions } from './hapi-plugin-options.js';
import { hapiState } from './hapi-state.js';
import { honoSessionsMiddleware } from './hono-sessions-middleware.js';
import { honoSetCookie } from './hono-set-cookie.js';
import { ironSessionOptions } from './iron-session-options.js';
import { jsCookieSet } from './js-cookie-set.js';
import { jsSetCookieHeader } from './js-set-cookie-header.js';
import { koaCookiesSet } from './koa-cookies-set.js';
import { koaSession } from './koa-session.js';
import { nextjsCookiesSet } from './nextjs-cookies-set.js';
import { remixCreateCookie } from './remix-create-cookie.js';
import { sveltekitCookiesSet } from './sveltekit-cookies-set.js';
import { ngxCookieServiceSet } from './ngx-cookie-service-set.js';
import { oakCookiesSet } from './oak-cookies-set.js';
import { astroCookiesSet } from './astro-cookies-set.js';
import { qwikCityCookieSet } from './qwik-city-cookie-set.js';
import { elysiaCookie } from './elysia-cookie.js';
import { denoStdSetCookie } from './deno-std-set-cookie.js';
import type { JsRule } from './rule.js';
import { universalCookieSet } from './universal-cookie-set.js';
import { adonisjsResponseCookie } from './adonisjs-response-cookie.js';
import { adonisjsHttpCookie } from './adonisjs-http-cookie.js';
import { adonisjsSessionConfig } from './adonisjs-session-config.js';
import { sailsSessionConfig } from './sails-session-config.js';

export const JS_RULES: readonly JsRule[] = [
  expressResCookie,
  cookieSerialize,
  expressSession,
  cookieSession,
  koaCookiesSet,
  koaSession,
  fastifySetCookie,
  fastifySession,
  fastifySecureSession,
  nextjsCookiesSet,
  honoSetCookie,
  honoSessionsMiddleware,
  h3SetCookie,
  h3UseSession,
  hapiState,
  hapiPluginOptions,
  hapiCookieModules,
  remixCreateCookie,
  sveltekitCookiesSet,
  ironSessionOptions,
  authjsCookies,
  jsCookieSet,
  universalCookieSet,
  ngxCookieServiceSet,
  documentCookie,
  jsSetCookieHeader,
  adonisjsResponseCookie,
  adonisjsHttpCookie,
  adonisjsSessionConfig,
  sailsSessionConfig,
  oakCookiesSet,
  astroCookiesSet,
  qwikCityCookieSet,
  elysiaCookie,
  denoStdSetCookie,
];
