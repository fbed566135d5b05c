// Routes the web worker (scripts/web-cluster.ts) answers itself, beside Next's router rather than
// through it: today only GET /api/search. Next's own handling of a request (routing, proxy.ts, a
// NextRequest, the response's web stream) costs 2–3 ms at one client and, at 8 clients on two
// cores, a p99 of 65–73 ms before any search runs (docs/decisions/0027). The handler is the
// route's own `GET` (app/api/search/route.ts), compiled in Next's bundle and handed over by
// instrumentation.ts, so there is one copy of the search code and of its caches in each process.
//
// A route may be answered here only when proxy.ts would do nothing to it but add headers: a GET
// or HEAD (never refused by lib/http/request-guards.ts), on a fixed path (always decodable), that
// needs none of Next's request context (headers(), cookies(), after()). Its handler is given the
// method, path and query only, no request headers (so no cookie, no client address), and may set
// no cookie. The worker has already decided the client's address and caught up with the
// client's writes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'

export type DirectRoute = (request: Request) => Response | Promise<Response>

/** Only the path and query matter to a direct route; the origin of the URL it is given is a placeholder. */
const PLACEHOLDER_ORIGIN = 'http://direct.invalid'

/**
 * The paths a direct route may take, each with the request the worker sends it once at start:
 * a search builds the process's vocabulary snapshot (a few hundred ms on a large corpus,
 * lib/search/vocabulary.ts), which the first listener would otherwise wait for.
 */
const WARM_UP = { '/api/search': '/api/search?q=hearsay' } as const
export type DirectRoutePath = keyof typeof WARM_UP
export const DIRECT_ROUTE_PATHS = Object.keys(WARM_UP) as DirectRoutePath[]

/**
 * Where instrumentation.ts leaves the handlers for the worker. Both run in the same process but
 * load this module separately (Next's bundle and the worker's own modules), so the table lives
 * on globalThis, as the database handles do (lib/db/client.ts).
 */
const TABLE = Symbol.for('hearsay.directRoutes')
type Table = Partial<Record<DirectRoutePath, DirectRoute>>
const shared = globalThis as typeof globalThis & { [TABLE]?: Table }

/** Hands the worker the handlers it may call without Next (instrumentation.ts, once per process). */
export function offerDirectRoutes(routes: Table): void {
  shared[TABLE] = { ...routes }
}

/** Forgets every offered route (tests). */
export function withdrawDirectRoutes(): void {
  delete shared[TABLE]
}

/** The handler for this request, or null when Next must answer it. */
export function directRouteFor(method: string | undefined, url: string | undefined): DirectRoute | null {
  if ((method !== 'GET' && method !== 'HEAD') || !url) return null
  const table = shared[TABLE]
  if (!table) return null
  const end = url.indexOf('?')
  const path = end < 0 ? url : url.slice(0, end)
  return Object.hasOwn(table, path) ? (table[path as DirectRoutePath] ?? null) : null
}

/** Sends every offered route its warm-up request; a failure is logged, never thrown (a real request would meet it again). */
export async function warmDirectRoutes(): Promise<void> {
  for (const [path, route] of Object.entries(shared[TABLE] ?? {})) {
    const url = new URL(WARM_UP[path as DirectRoutePath], PLACEHOLDER_ORIGIN)
    try {
      const answer = await route(new Request(url))
      await answer.arrayBuffer()
      if (!answer.ok) console.error(`warming ${path}: HTTP ${answer.status}`)
    } catch (error) {
      console.error(`warming ${path}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}

/** Bodies below this are sent as they are: gzip would save little and cost a frame (as Next's own compression does). */
const COMPRESS_FROM_BYTES = 1024

/**
 * Answers `request` with `route`'s response, as Next would have sent it: `headers` (the security
 * headers proxy.ts sets) on top of the route's own, gzip when the client accepts it, a
 * Content-Length, and no body for HEAD. A handler that throws is a 500 with a JSON reason, logged
 * with the path; the route's own validation answers 4xx before that.
 */
export async function answerDirectly(
  route: DirectRoute,
  request: IncomingMessage,
  response: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  let status: number
  let body: Buffer
  const out: Record<string, string> = {}
  try {
    const answer = await route(
      new Request(new URL(request.url ?? '/', PLACEHOLDER_ORIGIN), { method: 'GET' }),
    )
    if (answer.headers.has('set-cookie')) throw new Error('a direct route may not set cookies')
    status = answer.status
    answer.headers.forEach((value, name) => {
      out[name] = value
    })
    body = Buffer.from(await answer.arrayBuffer())
  } catch (error) {
    console.error(
      `${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
    status = 500
    out['content-type'] = 'application/json'
    body = Buffer.from(
      JSON.stringify({ error: 'The server failed to answer this request; nothing was changed.' }),
    )
  }
  // Header names from a Response are lower case; these must replace, never sit beside, the route's.
  for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value
  out.vary = out.vary ? `${out.vary}, Accept-Encoding` : 'Accept-Encoding'
  // As Next's compression: never for HEAD, whose body is not sent.
  if (
    request.method !== 'HEAD' &&
    body.length >= COMPRESS_FROM_BYTES &&
    !out['content-encoding'] &&
    acceptsGzip(request.headers['accept-encoding'])
  ) {
    body = gzipSync(body)
    out['content-encoding'] = 'gzip'
  }
  out['content-length'] = String(body.length)
  response.writeHead(status, out)
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** Whether Accept-Encoding allows gzip: named with q > 0, or, when gzip is not named, `*` with q > 0. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false
  const weights = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    weights.set(coding, q === undefined ? 1 : Number(q.slice(2)))
  }
  const weight = weights.get('gzip') ?? weights.get('*') ?? 0
  return weight > 0
}
