// What every route handler receives and returns, and the pieces they share (pagination, number parsing).

import type { IncomingHttpHeaders } from 'node:http';

import { notFound } from '../errors.js';
import type { RepoState } from '../repo-state.js';

export interface RouteRequest {
  /** Decoded path parameters from the operation's template. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; already checked against the operation's request schema. */
  body: unknown;
  headers: IncomingHttpHeaders;
  /** The absolute URL of this request, for pagination links. */
  url: URL;
  /** Every repository of the owner the fake serves, and which of them the App installation reaches. */
  organization: { repositories: readonly RepoState[]; installed: (state: RepoState) => boolean };
}

export interface RouteResponse {
  status: number;
  /** JSON body. */
  body?: unknown;
  /** Non-JSON body (e.g. the diff media type), with its content type. */
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
}

export type RouteHandler = (state: RepoState, request: RouteRequest) => Promise<RouteResponse>;

/** Routes keyed by operation ("GET /repos/{owner}/{repo}/pulls"). */
export type RouteTable = Record<string, RouteHandler>;

/** A positive integer path parameter (pull_number, comment_id …); anything else is a 404, as on GitHub. */
export function intParam(request: RouteRequest, name: string): number {
  const raw = request.params[name] ?? '';
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

/**
 * One page of `items` per GitHub's rules (`per_page` default 30, capped at 100; `page` from 1) with the
 * `Link` header Octokit's paginate() follows. `maxItems` mimics endpoints that stop listing (e.g. 3000 files).
 */
export function paginate<T>(
  request: RouteRequest,
  items: readonly T[],
  options: { maxItems?: number } = {},
): { page: T[]; headers: Record<string, string> } {
  const all = options.maxItems === undefined ? items : items.slice(0, options.maxItems);
  const perPage = Math.min(Math.max(Number(request.query.get('per_page')) || 30, 1), 100);
  const page = Math.max(Number(request.query.get('page')) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const link = (target: number, rel: string) => {
    const url = new URL(request.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) links.push(link(1, 'first'));
  return { page: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** A JSON 200 with one page of items. */
export function pageResponse<T>(
  request: RouteRequest,
  items: readonly T[],
  options: { maxItems?: number } = {},
): RouteResponse {
  const { page, headers } = paginate(request, items, options);
  return { status: 200, body: page, headers };
}

/** Sorts by a timestamp-like key, honouring GitHub's `direction` parameter (default given per endpoint). */
export function sortByTime<T>(items: T[], key: (item: T) => string, direction: string): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items.sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export type { RepoState };
