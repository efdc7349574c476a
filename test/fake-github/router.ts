// Matches request paths against the OpenAPI path templates of the operations the fake implements.
//
// Octokit percent-encodes every path parameter, so "heads/feature/x" arrives as "heads%2Ffeature%2Fx"; other
// clients (curl, gh) send the slashes raw. Parameters that may contain slashes (`ref`, `basehead`) therefore
// swallow the rest of the path when they come last, and every parameter is decoded after matching.

const GREEDY_PARAMS = new Set(['ref', 'basehead']);

interface CompiledRoute<T> {
  key: string;
  method: string;
  template: string;
  segments: { literal?: string; param?: string; greedy?: boolean }[];
  value: T;
}

export interface RouteMatch<T> {
  key: string;
  template: string;
  params: Record<string, string>;
  value: T;
}

export class Router<T> {
  private readonly routes: CompiledRoute<T>[] = [];

  /** Adds a route for "METHOD /path/{param}". */
  add(key: string, value: T): void {
    const space = key.indexOf(' ');
    const method = key.slice(0, space);
    const template = key.slice(space + 1);
    const parts = template.split('/').slice(1);
    const segments = parts.map((part, index) => {
      const param = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!param) return { literal: part };
      return { param, greedy: index === parts.length - 1 && GREEDY_PARAMS.has(param) };
    });
    this.routes.push({ key, method, template, segments, value });
    // Literal segments beat parameters ("/pulls/comments/{id}" before "/pulls/{number}/…"), then longer first.
    this.routes.sort((a, b) => specificity(b) - specificity(a));
  }

  match(method: string, rawPath: string): RouteMatch<T> | undefined {
    const parts = rawPath.split('/').slice(1);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { key: route.key, template: route.template, params, value: route.value };
    }
    return undefined;
  }
}

function specificity(route: CompiledRoute<unknown>): number {
  const literals = route.segments.filter((segment) => segment.literal !== undefined).length;
  return literals * 100 + route.segments.length;
}

function matchSegments(
  segments: CompiledRoute<unknown>['segments'],
  parts: readonly string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (!segment || part === undefined) return undefined;
    if (segment.literal !== undefined) {
      if (segment.literal !== part) return undefined;
      continue;
    }
    const raw = segment.greedy ? parts.slice(i).join('/') : part;
    if (raw === '') return undefined;
    try {
      params[segment.param ?? ''] = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment.greedy) return params;
  }
  return parts.length === segments.length ? params : undefined;
}
