// Which non-source files the evidence index reads, decided from the path alone: templates (their inline
// scripts may read cookies), dependency manifests, and deployment files. None of them is ever edited.
import { posix } from 'node:path';
import { manifestKind } from './frameworks.js';

export type EvidenceFileKind = 'template' | 'manifest' | 'deploy';

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
]);

export function evidenceFileKind(file: string): EvidenceFileKind | null {
  const name = posix.basename(file);
  const dot = name.lastIndexOf('.');
  if (dot > 0 && TEMPLATE_EXTENSIONS.has(name.slice(dot).toLowerCase())) return 'template';
  if (manifestKind(file)) return 'manifest';
  if (
    /^(?:Dockerfile(?:\.[\w.-]+)?|[\w.-]+\.dockerfile|(?:docker-)?compose(?:[\w.-]*)?\.ya?ml|Procfile|Caddyfile|fly\.toml|app\.ya?ml|render\.ya?ml|traefik[\w.-]*\.(?:ya?ml|toml)|nginx[\w.-]*\.conf)$/i.test(
      name,
    ) ||
    (/(?:^|\/)nginx\//i.test(file) && /\.conf$/i.test(name))
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
