// Astro: `Astro.cookies.set(name, value, options)` in pages and components, and `context.cookies.set(…)` in
// endpoints, middleware and actions. The options go to the `cookie` package as they are: nothing is on by default, not even `path`.
import { isAstroFile as isAstroComponent } from '../languages/astro.js';
import { callsOf, type JsModule } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { contextJarSite, isContextJarCall } from './context-cookies-common.js';
import { importsOak } from './oak-cookies-set.js';
import type { JsRule } from './rule.js';

/** `astro`, `astro:middleware`, `astro:actions`, … */
const ASTRO_SOURCE = /^astro(?::[\w-]+|\/.*)?$/;
/** Files Astro runs with a context even when they import nothing: endpoints, middleware and actions. */
const ASTRO_SERVER_FILE = /(^|\/)src\/(pages\/.*|middleware(\/index)?|actions\/.*)\.[cm]?[jt]s$/;
/** Other frameworks with a `cookies` jar on their context (and a `src/pages` or `src/middleware` of their own). */
const OTHER_SOURCE =
  /^(next(\/.*)?|@sveltejs\/kit|koa|@koa\/.+|h3|hono(\/.*)?|express|@builder\.io\/qwik-city|@qwik\.dev\/router)$/;

export const astroCookiesSet: JsRule = {
  meta: {
    id: 'astro-cookies-set',
    framework: 'astro',
    language: 'javascript',
    api: 'Astro.cookies.set() / context.cookies.set()',
    description:
      'Astro `cookies.set(name, value, options)` on the request context: in endpoints, middleware and actions, and in the frontmatter of `.astro` pages and components.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    if (!isAstroModule(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      if (!isContextJarCall(call, 'cookies', ['set'])) continue;
      const site = contextJarSite(this.meta.id, module, call, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

function isAstroModule(module: JsModule): boolean {
  // A component's frontmatter has the global `Astro`, whose `cookies` is the request's jar.
  if (isAstroComponent(module.file)) return true;
  // Oak's context also has `cookies.set`, with other defaults and no `url`.
  if (importsOak(module)) return false;
  const sources = [...module.imports.values()].map((binding) => binding.source);
  if (sources.some((source) => ASTRO_SOURCE.test(source))) return true;
  return ASTRO_SERVER_FILE.test(module.file) && !sources.some((source) => OTHER_SOURCE.test(source));
}
