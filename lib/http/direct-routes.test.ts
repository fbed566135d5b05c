// The worker's own answer for a direct route (lib/http/direct-routes.ts), over a real node:http
// server on 127.0.0.1: the bytes a client gets, compressed or not, for GET and HEAD.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  acceptsGzip,
  answerDirectly,
  directRouteFor,
  offerDirectRoutes,
  withdrawDirectRoutes,
  warmDirectRoutes,
  type DirectRoute,
} from '@/lib/http/direct-routes'

const SECURITY = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "default-src 'none'" }

/** Answers with the query it was asked, padded to `pad` characters, and a header of its own. */
const echo: DirectRoute = (request) => {
  const url = new URL(request.url)
  const pad = Number(url.searchParams.get('pad') ?? 0)
  if (url.searchParams.get('fail') === '1') throw new Error('the route broke')
  return Response.json(
    { method: request.method, q: url.searchParams.get('q'), pad: 'x'.repeat(pad) },
    {
      status: url.searchParams.get('q') ? 200 : 400,
      headers: { 'x-frame-options': 'SAMEORIGIN', 'cache-control': 'no-store' },
    },
  )
}

let server: Server
let port: number

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = directRouteFor(request.method, request.url)
    if (route) void answerDirectly(route, request, response, SECURITY)
    else response.writeHead(418).end('not direct')
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  port = (server.address() as AddressInfo).port
})

afterAll(async () => {
  withdrawDirectRoutes()
  await new Promise((done) => server.close(done))
})

afterEach(() => {
  vi.restoreAllMocks()
})

function send(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (incoming) => {
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
      )
      incoming.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end()
  })
}

describe('direct routes', () => {
  it('are only the offered paths, for GET and HEAD, whatever the query', () => {
    withdrawDirectRoutes()
    expect(directRouteFor('GET', '/api/search?q=x')).toBeNull()
    offerDirectRoutes({ '/api/search': echo })
    expect(directRouteFor('GET', '/api/search?q=x')).toBe(echo)
    expect(directRouteFor('GET', '/api/search')).toBe(echo)
    expect(directRouteFor('HEAD', '/api/search?q=x')).toBe(echo)
    for (const [method, url] of [
      ['POST', '/api/search?q=x'],
      ['OPTIONS', '/api/search'],
      ['GET', '/api/search/'],
      ['GET', '/api/searches'],
      ['GET', '/api/%73earch'],
      ['GET', '/api/search#x'],
      ['GET', '/toString'],
      ['GET', '__proto__'],
      [undefined, '/api/search'],
      ['GET', undefined],
    ] as const)
      expect(directRouteFor(method, url), `${method} ${url}`).toBeNull()
  })

  it('answer with the route’s status and body, the given headers replacing the route’s own', async () => {
    offerDirectRoutes({ '/api/search': echo })
    const found = await send('/api/search?q=caf%C3%A9&limit=3')
    expect(found.status).toBe(200)
    expect(JSON.parse(found.body.toString())).toEqual({ method: 'GET', q: 'café', pad: '' })
    expect(found.headers['x-frame-options']).toBe('DENY')
    expect(found.headers['content-security-policy']).toBe("default-src 'none'")
    expect(found.headers['cache-control']).toBe('no-store')
    expect(found.headers['content-type']).toBe('application/json')
    expect(found.headers['content-length']).toBe(String(found.body.length))
    expect(found.headers.vary).toBe('Accept-Encoding')
    expect((await send('/api/search')).status).toBe(400)
    expect((await send('/api/other')).status).toBe(418)
  })

  it('gzip a body of 1 KiB or more when the client accepts it, and never a small one', async () => {
    offerDirectRoutes({ '/api/search': echo })
    const plain = await send('/api/search?q=a&pad=5000')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const zipped = await send('/api/search?q=a&pad=5000', { 'Accept-Encoding': 'br, gzip;q=0.5' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers['content-length']).toBe(String(zipped.body.length))
    expect(zipped.body.length).toBeLessThan(plain.body.length / 10)
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)
    const small = await send('/api/search?q=a', { 'Accept-Encoding': 'gzip' })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(JSON.parse(small.body.toString()).q).toBe('a')
    const refused = await send('/api/search?q=a&pad=5000', { 'Accept-Encoding': 'gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('answer HEAD with GET’s headers and no body, never compressed (as Next does)', async () => {
    offerDirectRoutes({ '/api/search': echo })
    const full = await send('/api/search?q=a&pad=5000')
    const head = await send('/api/search?q=a&pad=5000', { 'Accept-Encoding': 'gzip' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body).toHaveLength(0)
    expect(head.headers['content-encoding']).toBeUndefined()
    expect(head.headers['content-length']).toBe(String(full.body.length))
    expect(head.headers['content-type']).toBe('application/json')
  })

  it('refuse a route that sets a cookie: a 500, and the cookie not sent', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    offerDirectRoutes({
      '/api/search': () => Response.json({}, { headers: { 'set-cookie': 'session=stolen' } }),
    })
    const answered = await send('/api/search?q=a')
    expect(answered.status).toBe(500)
    expect(answered.headers['set-cookie']).toBeUndefined()
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/may not set cookies/))
  })

  it('turn a route that throws into a 500 with a JSON reason, logged with the path', async () => {
    offerDirectRoutes({ '/api/search': echo })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const broken = await send('/api/search?q=a&fail=1')
    expect(broken.status).toBe(500)
    expect(broken.headers['x-frame-options']).toBe('DENY')
    expect(JSON.parse(broken.body.toString()).error).toMatch(/nothing was changed/)
    expect(logged).toHaveBeenCalledWith(
      expect.stringMatching(/^GET \/api\/search\?q=a&fail=1: Error: the route broke/),
    )
  })
})

describe('warming the direct routes at start', () => {
  it('sends each offered route one request and reads its answer', async () => {
    const asked: string[] = []
    offerDirectRoutes({
      '/api/search': (request) => {
        asked.push(new URL(request.url).pathname + new URL(request.url).search)
        return Response.json({ total: 0, hits: [] })
      },
    })
    await warmDirectRoutes()
    expect(asked).toEqual(['/api/search?q=hearsay'])
  })

  it('logs a route that fails or refuses, and goes on', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    offerDirectRoutes({
      '/api/search': () => {
        throw new Error('no database')
      },
    })
    await expect(warmDirectRoutes()).resolves.toBeUndefined()
    offerDirectRoutes({ '/api/search': () => Response.json({ error: 'x' }, { status: 503 }) })
    await warmDirectRoutes()
    expect(logged.mock.calls.map(([line]) => line)).toEqual([
      'warming /api/search: no database',
      'warming /api/search: HTTP 503',
    ])
  })

  it('does nothing before routes are offered', async () => {
    withdrawDirectRoutes()
    await expect(warmDirectRoutes()).resolves.toBeUndefined()
  })
})

describe('acceptsGzip', () => {
  // Accept-Encoding as clients write it: gzip named with q > 0, or * when gzip is not named.
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['br', false],
    ['gzip', true],
    ['GZIP', true],
    ['deflate, gzip;q=1.0, *;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.001', true],
    ['*', true],
    ['x-gzip', false],
    ['gzip;q=0, *', false],
    ['br, *;q=0', false],
    ['br, *;q=0.1', true],
    ['gzip;q=abc', false],
  ])('%j → %s', (acceptEncoding, expected) => {
    expect(acceptsGzip(acceptEncoding)).toBe(expected)
  })
})
