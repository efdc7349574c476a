// Which packages stand for which framework id (the ids rules use in their meta), per language. A package in a
// manifest or an import of one of these module names is evidence that the project uses the framework.

export interface FrameworkPackages {
  language: 'javascript' | 'python';
  /** npm / PyPI names, lower case (PyPI names compared with `_` and `.` folded to `-`). */
  packages: readonly string[];
  /** Module names as imported (`from flask import …`, `require('express')`), first segment for Python. */
  modules: readonly string[];
}

const js = (packages: string[], modules: string[] = packages): FrameworkPackages => ({
  language: 'javascript',
  packages,
  modules,
});
const py = (packages: string[], modules: string[]): FrameworkPackages => ({
  language: 'python',
  packages,
  modules,
});

export const FRAMEWORKS: Readonly<Record<string, FrameworkPackages>> = {
  express: js(['express']),
  'express-session': js(['express-session']),
  'cookie-session': js(['cookie-session']),
  cookie: js(['cookie']),
  koa: js(['koa']),
  'koa-session': js(['koa-session']),
  fastify: js(['fastify']),
  'fastify-cookie': js(['@fastify/cookie', 'fastify-cookie']),
  'fastify-session': js(['@fastify/session', 'fastify-session']),
  'fastify-secure-session': js(['@fastify/secure-session', 'fastify-secure-session']),
  hapi: js(['@hapi/hapi', 'hapi', '@hapi/cookie', '@hapi/yar']),
  hono: js(['hono']),
  h3: js(['h3', 'nuxt', 'vinxi', '@solidjs/start']),
  nextjs: js(['next']),
  remix: js(
    ['@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare', 'react-router'],
    ['@remix-run/node', '@remix-run/server-runtime', '@remix-run/cloudflare', 'react-router'],
  ),
  sveltekit: js(['@sveltejs/kit']),
  authjs: js(['next-auth', '@auth/core', '@auth/sveltekit', '@auth/express']),
  'iron-session': js(['iron-session']),
  'js-cookie': js(['js-cookie']),
  'universal-cookie': js(['universal-cookie', 'react-cookie']),
  'ngx-cookie-service': js(['ngx-cookie-service', 'ngx-cookie-service-ssr', 'ngx-cookie', 'ngy-cookie']),
  angular: js(['@angular/common', '@angular/core']),
  axios: js(['axios']),
  django: py(['django'], ['django']),
  // Quart is Flask's API on asyncio: the same config keys, and Werkzeug's response `set_cookie`.
  flask: py(['flask', 'quart'], ['flask', 'quart']),
  'flask-login': py(['flask-login'], ['flask_login']),
  werkzeug: py(['werkzeug', 'flask', 'quart'], ['werkzeug', 'flask', 'quart']),
  starlette: py(['starlette', 'fastapi'], ['starlette', 'fastapi']),
  fastapi: py(['fastapi'], ['fastapi']),
  aiohttp: py(['aiohttp'], ['aiohttp']),
  'aiohttp-session': py(['aiohttp-session'], ['aiohttp_session']),
  tornado: py(['tornado'], ['tornado']),
  uvicorn: py(['uvicorn'], ['uvicorn']),
  gunicorn: py(['gunicorn'], ['gunicorn']),
  adonisjs: js(
    ['@adonisjs/core', '@adonisjs/http-server'],
    ['@adonisjs/core', '@adonisjs/http-server', '@ioc:Adonis/Core'],
  ),
  'adonisjs-session': js(['@adonisjs/session'], ['@adonisjs/session', '@ioc:Adonis/Addons']),
  sails: js(['sails']),
  bottle: py(['bottle'], ['bottle']),
  falcon: py(['falcon'], ['falcon']),
  sanic: py(['sanic'], ['sanic']),
  litestar: py(['litestar'], ['litestar']),
  oak: js(['@oak/oak', '@oakserver/oak'], ['@oak/oak', '@oakserver/oak', 'oak']),
  astro: js(['astro']),
  'qwik-city': js(['@builder.io/qwik-city', '@qwik.dev/router']),
  elysia: js(['elysia']),
  'deno-std': js(['@std/http']),
  cherrypy: py(['cherrypy'], ['cherrypy']),
  twisted: py(['twisted', 'klein'], ['twisted', 'klein']),
  pyramid: py(['pyramid', 'webob'], ['pyramid', 'webob']),
};

/** Package name → framework ids, per language, built once. */
const BY_PACKAGE = new Map<string, string[]>();
const BY_MODULE = new Map<string, string[]>();
for (const [id, entry] of Object.entries(FRAMEWORKS)) {
  for (const name of entry.packages) push(BY_PACKAGE, `${entry.language}:${name}`, id);
  for (const name of entry.modules) push(BY_MODULE, `${entry.language}:${name}`, id);
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

const NONE: readonly string[] = [];

/** Framework ids whose packages include `name` (an npm or PyPI name) in `language`. */
export function frameworksOfPackage(language: 'javascript' | 'python', name: string): readonly string[] {
  const wanted = language === 'python' ? normalizePyPiName(name) : name.toLowerCase();
  return BY_PACKAGE.get(`${language}:${wanted}`) ?? NONE;
}

/** Framework ids imported by a module specifier (`express`, `@hapi/hapi/lib/x`, `flask.sessions`). */
export function frameworksOfModule(language: 'javascript' | 'python', specifier: string): readonly string[] {
  if (language === 'javascript') specifier = denoPackageOf(specifier);
  const root =
    language === 'python'
      ? specifier.split('.')[0]!
      : specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0]!;
  return BY_MODULE.get(`${language}:${root.replace(/(?<=.)@[^/]*$/, '')}`) ?? NONE;
}

/**
 * Deno names a package with its registry and often a version: `jsr:@oak/oak@^17/router`, `npm:hono@4`,
 * `https://deno.land/x/oak@v12.6.1/mod.ts`. The package name is what says which framework it is.
 */
function denoPackageOf(specifier: string): string {
  const denoLand = /^https?:\/\/deno\.land\/x\/([^/@]+)/.exec(specifier);
  if (denoLand) return denoLand[1]!;
  const denoStd = /^https?:\/\/deno\.land\/std(?:@[^/]*)?\/([^/]+)\//.exec(specifier);
  if (denoStd) return `@std/${denoStd[1]}`;
  return specifier.replace(/^(?:jsr|npm):\/?/, '');
}

export function normalizePyPiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
