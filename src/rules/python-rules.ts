// The Python rules, in report order.
import { aiohttpSessionStorage } from './aiohttp-session-storage.js';
import { aiohttpSetCookie } from './aiohttp-set-cookie.js';
import { cherrypyResponseCookie } from './cherrypy-response-cookie.js';
import { cherrypySessionConfig } from './cherrypy-session-config.js';
import { djangoCsrfSettings } from './django-csrf-settings.js';
import { djangoSessionSettings } from './django-session-settings.js';
import { djangoSetCookie } from './django-set-cookie.js';
import { flaskLoginRememberCookie } from './flask-login-remember-cookie.js';
import { flaskSessionConfig } from './flask-session-config.js';
import { flaskSetCookie } from './flask-set-cookie.js';
import { httpCookiesMorsel } from './http-cookies-morsel.js';
import { pySetCookieHeader } from './py-set-cookie-header.js';
import { pyramidAuthtkt } from './pyramid-authtkt.js';
import { pyramidSessionFactory } from './pyramid-session-factory.js';
import { pyramidSetCookie } from './pyramid-set-cookie.js';
import { webobCookieProfile } from './webob-cookie-profile.js';
import type { PyRule } from './rule.js';
import { starletteSessionMiddleware } from './starlette-session-middleware.js';
import { starletteSetCookie } from './starlette-set-cookie.js';
import { tornadoCookieSettings } from './tornado-cookie-settings.js';
import { tornadoSetCookie } from './tornado-set-cookie.js';
import { tornadoXsrfCookie } from './tornado-xsrf-cookie.js';
import { bottleSetCookie } from './bottle-set-cookie.js';
import { falconSetCookie } from './falcon-set-cookie.js';
import { sanicAddCookie } from './sanic-add-cookie.js';
import { litestarSetCookie } from './litestar-set-cookie.js';
import { sanicCookiesDict } from './sanic-cookies-dict.js';
import { twistedAddCookie } from './twisted-add-cookie.js';

export const PY_RULES: readonly PyRule[] = [
  tornadoSetCookie,
  tornadoCookieSettings,
  tornadoXsrfCookie,
  flaskSessionConfig,
  flaskLoginRememberCookie,
  flaskSetCookie,
  djangoSessionSettings,
  djangoCsrfSettings,
  djangoSetCookie,
  starletteSetCookie,
  aiohttpSetCookie,
  starletteSessionMiddleware,
  aiohttpSessionStorage,
  pySetCookieHeader,
  bottleSetCookie,
  falconSetCookie,
  sanicAddCookie,
  litestarSetCookie,
  sanicCookiesDict,
  cherrypyResponseCookie,
  httpCookiesMorsel,
  twistedAddCookie,
  pyramidSetCookie,
  pyramidSessionFactory,
  pyramidAuthtkt,
  webobCookieProfile,
  cherrypySessionConfig,
];
