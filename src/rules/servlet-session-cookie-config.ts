// The container's session cookie (`JSESSIONID`) as web.xml configures it in `<session-config><cookie-config>`.
// Servlet's schema defines `<secure>false</secure>` as "Secure when the request that started the session was
// secure", so a false or missing `<secure>` already follows the request: only `<http-only>false</http-only>`
// turns a protection off, and that is the one value judged. Nothing is ever inserted: the children of
// `<cookie-config>` must keep the schema's order, and a missing `<http-only>` leaves the container's default
// (on, in Tomcat).
import type { WebXmlValue } from '../languages/java/web-xml.js';
import type { CookieSite, FlagValue } from '../model.js';
import type { JavaRule } from './rule.js';

export const servletSessionCookieConfig: JavaRule = {
  meta: {
    id: 'servlet-session-cookie-config',
    framework: 'servlet-container',
    language: 'java',
    api: 'web.xml <cookie-config>',
    description: "The servlet container's session cookie flags in web.xml's <session-config><cookie-config>.",
    defaults: { httpOnly: 'on', secure: 'auto' },
    mentions: ['cookie-config'],
  },
  findSites() {
    return [];
  },
  findWebXmlSites(file) {
    const config = file.cookieConfig;
    if (!config?.httpOnly) return [];
    const httpOnly = flagOf(config.httpOnly, file.file);
    if (httpOnly.kind !== 'false') return [];
    const site: CookieSite = {
      ruleId: 'servlet-session-cookie-config',
      file: file.file,
      offset: config.httpOnly.span.start,
      cookieNames: [config.name?.value || 'JSESSIONID'],
      kind: 'session',
      flags: { httpOnly, secure: { kind: 'absent' } },
      keys: { httpOnly: 'http-only', secure: null },
      insertion: null,
      usedAt: [],
      notes: [
        "Tomcat keeps the session cookie HttpOnly while its context's `useHttpOnly` is on (the default), whatever `<http-only>` says; other containers follow `<http-only>`.",
      ],
    };
    return [site];
  },
};

function flagOf(element: WebXmlValue, file: string): FlagValue {
  const word = element.value.toLowerCase();
  if (word === 'true') return { kind: 'true', span: element.span };
  if (word === 'false') return { kind: 'false', span: element.span, file };
  return { kind: 'conditional', span: element.span, text: element.value, devOnly: false };
}
