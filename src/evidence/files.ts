// Which non-source files the evidence index reads, decided from the path alone: templates (their inline
// scripts may read cookies), dependency manifests, deployment files and build scripts. None of them is ever
// edited.
import { isBuildScript } from './build-exclusions.js';
import { manifestKind } from './frameworks.js';

export type EvidenceFileKind = 'template' | 'manifest' | 'deploy' | 'build';

const TEMPLATE_EXTENSIONS = new Set([
  '.html',
  '.htm',
  '.jinja',
  '.jinja2',
  '.j2',
  '.vue',
  '.svelte',
  '.ejs',
  '.njk',
  '.hbs',
  '.handlebars',
  // Pages of the server languages: a PHP file, a JSP or a Go template mixes markup and inline script.
  '.php',
  '.phtml',
  '.twig',
  '.jsp',
  '.jspx',
  '.tmpl',
  '.gohtml',
  // ASP.NET Core's Razor views and components.
  '.cshtml',
  '.razor',
  // Rails views (`.html.erb`).
  '.erb',
]);

/** Extensions of deployment and manifest files; any other extension is decided without a regex. */
const OTHER_EXTENSIONS = new Set([
  '',
  '.json',
  '.txt',
  '.in',
  '.toml',
  '.cfg',
  '.yml',
  '.yaml',
  '.conf',
  '.dockerfile',
]);

/** Called for every listed path: source files are answered from their extension alone. */
export function evidenceFileKind(file: string): EvidenceFileKind | null {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const extension = dot <= 0 ? '' : name.slice(dot).toLowerCase();
  if (TEMPLATE_EXTENSIONS.has(extension)) return 'template';
  if (extension === '.py') return name === 'setup.py' ? 'manifest' : null;
  if (extension === '.sh') return isBuildScript(name) ? 'build' : null;
  if (!OTHER_EXTENSIONS.has(extension) && !name.startsWith('Dockerfile')) return null;
  if (manifestKind(file)) return 'manifest';
  if (
    /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.dockerfile|(?:docker-)?compose(?:[\w.-]*)?\.ya?ml|Procfile|Caddyfile|fly\.toml|app\.ya?ml|render\.ya?ml|traefik[\w.-]*\.(?:ya?ml|toml)|nginx[\w.-]*\.conf)$/i.test(
      name,
    ) ||
    (/(?:^|\/)nginx\//i.test(file) && extension === '.conf')
  ) {
    return 'deploy';
  }
  return null;
}

/** Bytes worth reading for a template: it mentions a cookie (or an XSRF token) somewhere. */
export function templateMentionsCookie(content: Buffer | string): boolean {
  const text = typeof content === 'string' ? content : content.toString('latin1');
  return /ookie|OOKIE|xsrf|XSRF|Xsrf/.test(text);
}
