// A web application's deployment descriptor (`WEB-INF/web.xml`, `web-fragment.xml`), read only for the session
// cookie it configures: `<session-config><cookie-config>` and its `<name>`, `<http-only>` and `<secure>`
// children. Comments are blanked first (same length, so offsets stay the file's own). A text scan, not an XML
// parser: the elements Servlet's schema allows there hold only text.
import type { Span } from '../../model.js';

export interface WebXmlValue {
  /** The element's text, trimmed. */
  value: string;
  /** Where that text stands (inside the tags). */
  span: Span;
}

export interface WebXmlFile {
  file: string;
  text: string;
  /** The `<cookie-config>` element's children; null when the descriptor has none. */
  cookieConfig: {
    offset: number;
    name: WebXmlValue | null;
    httpOnly: WebXmlValue | null;
    secure: WebXmlValue | null;
  } | null;
  /** Always 0: a descriptor the container refuses is not this scan's to judge. */
  errorCount: number;
}

export function isWebXmlFile(file: string): boolean {
  return /(^|\/)(web|web-fragment)\.xml$/.test(file);
}

export function readWebXml(file: string, text: string): WebXmlFile {
  const visible = text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const session = /<session-config\b[^>]*>([\s\S]*?)<\/session-config\s*>/.exec(visible);
  const config = session ? /<cookie-config\b[^>]*>([\s\S]*?)<\/cookie-config\s*>/.exec(session[0]) : null;
  if (!session || !config) return { file, text, cookieConfig: null, errorCount: 0 };
  const configStart = session.index + config.index;
  const child = (tag: string): WebXmlValue | null => {
    const match = new RegExp(`<${tag}\\s*>([^<]*)</${tag}\\s*>`).exec(config[0]);
    if (!match) return null;
    const inner = match[1]!;
    const lead = inner.length - inner.trimStart().length;
    const start = configStart + match.index + match[0].indexOf('>') + 1 + lead;
    const value = inner.trim();
    return { value, span: { start, end: start + value.length } };
  };
  return {
    file,
    text,
    cookieConfig: {
      offset: configStart,
      name: child('name'),
      httpOnly: child('http-only'),
      secure: child('secure'),
    },
    errorCount: 0,
  };
}
