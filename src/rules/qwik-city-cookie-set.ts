// Qwik City (and Qwik 2's router): `requestEvent.cookie.set(name, value, options)` / `.append(…)` in
// `onRequest` / `onGet` handlers, `routeLoader$`, `routeAction$` and `server$`. Attributes are written only
// when given: nothing is on by default, and there is no default `path`.
import { callsOf, type JsModule } from '../languages/javascript.js';
import type { CookieSite } from '../model.js';
import { contextJarSite, isContextJarCall } from './context-cookies-common.js';
import type { JsRule } from './rule.js';

const QWIK_SOURCE = /^(@builder\.io\/qwik-city|@qwik\.dev\/router)(\/.*)?$/;
/** Route modules Qwik City runs on the server with a request event. */
const ROUTE_FILE = /(^|\/)src\/routes\/(.*\/)?(index|layout|plugin)[^/]*\.[cm]?[jt]sx?$/;

export const qwikCityCookieSet: JsRule = {
  meta: {
    id: 'qwik-city-cookie-set',
    framework: 'qwik-city',
    language: 'javascript',
    api: 'requestEvent.cookie.set()',
    description:
      'Qwik City `cookie.set(name, value, options)` and `cookie.append(…)` on the request event of handlers, loaders and actions.',
    defaults: { httpOnly: 'off', secure: 'off' },
  },
  findSites(module, { load }) {
    if (!isQwikFile(module)) return [];
    const sites: CookieSite[] = [];
    for (const call of callsOf(module)) {
      if (!isContextJarCall(call, 'cookie', ['set', 'append'])) continue;
      const site = contextJarSite(this.meta.id, module, call, load);
      if (site) sites.push(site);
    }
    return sites;
  },
};

function isQwikFile(module: JsModule): boolean {
  const sources = [...module.imports.values()].map((binding) => binding.source);
  if (sources.some((source) => QWIK_SOURCE.test(source))) return true;
  return ROUTE_FILE.test(module.file) && sources.some((source) => source.startsWith('@builder.io/qwik'));
}
