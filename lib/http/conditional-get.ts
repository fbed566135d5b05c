// Cacheable public responses (transcript exports, quote cards): a strong ETag over the exact
// bytes, 304 Not Modified when the client already has them (If-None-Match), and CORS open to
// every origin, so other podcast apps and sites can fetch them from a browser.
import { createHash } from 'node:crypto'

/** Anyone may read these: they are public, carry no cookies' worth of data, and change rarely. */
export const PUBLIC_CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  // Let a page's script read the validator and size, not only the body.
  'Access-Control-Expose-Headers': 'ETag, Content-Length, Content-Disposition',
}

/**
 * Shared caches (podcast apps, CDNs) may keep a copy 5 minutes and serve it stale while they
 * refetch; after that a correction shows.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=86400'

/** The headers of a public, cacheable resource of this type. */
export function publicResourceHeaders(
  contentType: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    ...PUBLIC_CORS_HEADERS,
    ...extra,
  }
}

/** The answer to a CORS preflight (OPTIONS) for a public, read-only resource. */
export function publicPreflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...PUBLIC_CORS_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
      'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Range',
      'Access-Control-Max-Age': '86400',
      Allow: 'GET, HEAD, OPTIONS',
    },
  })
}

/** A strong validator: the same bytes always give the same tag, different bytes a different one. */
export function strongEtag(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url')}"`
}

/**
 * Whether If-None-Match names the current tag. Per RFC 9110 §13.1.2 the comparison is weak:
 * `W/"x"` matches `"x"`, and `*` matches any current representation.
 */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === opaque)
}

/**
 * 304 with no body when the request already holds `etag` (else null). `headers` (caching, CORS)
 * go on it as on the 200, as RFC 9110 §15.4.5 asks, less the body's type and length.
 */
export function notModifiedResponse(
  request: Pick<Request, 'headers'> | null | undefined,
  etag: string,
  headers: Record<string, string>,
): Response | null {
  if (!matchesIfNoneMatch(request?.headers.get('if-none-match') ?? null, etag)) return null
  const kept = Object.entries(headers).filter(([name]) => !/^content-(type|length)$/i.test(name))
  return new Response(null, { status: 304, headers: { ...Object.fromEntries(kept), ETag: etag } })
}

/** 200 with the body and its ETag (over the exact bytes), or 304 when the request has them. */
export function conditionalResponse(
  request: Pick<Request, 'headers'> | null | undefined,
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
  etag: string = strongEtag(body),
): Response {
  return (
    notModifiedResponse(request, etag, headers) ??
    new Response(body, { status: 200, headers: { ...headers, ETag: etag } })
  )
}
