// The malformed-input sweep over every route, shared by the e2e spec (e2e/route-fuzz.spec.ts)
// and the abuse bench (scripts/bench/abuse.ts). Routes are read from app/ (every page.tsx and
// route.ts), so a new route is swept without editing either.
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const PAGE_AND_ROUTE_FILES = ['page.tsx', 'route.ts']

/** Every page and route handler under `dir`, as a URL template (`/api/sentences/[id]`). */
export function routeTemplates(dir = 'app', files = PAGE_AND_ROUTE_FILES): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('_')) found.push(...routeTemplates(path, files))
    } else if (files.includes(entry.name)) {
      const segments = relative('app', dir)
        .split(sep)
        .filter((segment) => segment && !/^\(.*\)$/.test(segment))
      found.push(`/${segments.join('/')}`)
    }
  }
  return found
}

/** Every page (page.tsx) under app/: the layout and accessibility specs visit each of them. */
export function pageTemplates(): string[] {
  return routeTemplates('app', ['page.tsx'])
}

// Next's metadata files at the root of app/ and the URL each is served at.
const METADATA_ROUTES: Record<string, string> = {
  'favicon.ico': '/favicon.ico',
  'icon.svg': '/icon.svg',
  'manifest.ts': '/manifest.webmanifest',
}

/** The icon and manifest URLs the app serves from files in app/ (no page.tsx or route.ts). */
export function metadataRoutes(dir = 'app'): string[] {
  return readdirSync(dir)
    .filter((name) => name in METADATA_ROUTES)
    .map((name) => METADATA_ROUTES[name]!)
}

/** Malformed or hostile values for a path parameter. */
export const BAD_PARAMS = [
  '%ff',
  '%',
  '%00',
  '-1',
  '0',
  '99999999999999999999',
  '1e9',
  'a'.repeat(3000),
  '%F0%9F%92%A9',
  '..%2F..%2Fetc',
]

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE']

export const BAD_BODIES: { contentType: string; data: string }[] = [
  { contentType: 'application/json', data: '{"text": "\\ud800", "body": "\\udfff", "version": 1}' },
  { contentType: 'application/json', data: '{not json' },
  { contentType: 'application/json', data: '[1, 2, 3]' },
  {
    contentType: 'application/json',
    data: JSON.stringify({ body: 'x'.repeat(200_000), text: 7, version: 'x' }),
  },
  { contentType: 'application/json', data: '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) },
  { contentType: 'text/plain', data: '\u0000\u0001\u0002' },
  { contentType: 'application/x-www-form-urlencoded', data: 'a=%ff&b=%' },
]

/** The malformed values a template is tried with: none for a route without parameters. */
export function paramValues(template: string): string[] {
  return template.includes('[') ? BAD_PARAMS : ['']
}

/** The template with every parameter (`[id]`, `[...all]`) replaced by `value`. */
export function fill(template: string, value: string): string {
  return template.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, value)
}
