// A node:http server on 127.0.0.1 (a free port) that serves a folder of fixture feeds and the
// files they point to, the way a podcast host would: ETag / Last-Modified with conditional GET
// (304), HTTP Range (206) for audio, and, on demand, redirects, delays, errors and swapped
// contents. Text files may say {{ORIGIN}} where the server's origin belongs (a feed's
// enclosure and transcript URLs); it is replaced when served. Tests start and stop it:
//
//   const server = await startFixtureServer()
//   afterAll(() => server.close())
//   await safeFetch(server.url('/feeds/podcast.xml'), …)
import { createHash } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

export const ORIGIN_PLACEHOLDER = '{{ORIGIN}}'

/** tests/fixtures/feeds: the fixture feeds, transcripts, chapters and artwork. */
export const FEED_FIXTURES = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url))

const TEXT_TYPES: Record<string, string> = {
  '.xml': 'application/rss+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.srt': 'application/x-subrip; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}
const BINARY_TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
}

/** What the server does for one path instead of (or besides) serving the file. */
export interface Behaviour {
  /** Answer with this status and no body (404, 500, …). */
  status?: number
  /** Redirect (302 unless redirectStatus) to this URL or path. */
  redirectTo?: string
  redirectStatus?: 301 | 302 | 303 | 307 | 308
  /** Wait this long before sending headers. */
  delayMs?: number
  /** Send headers, then wait this long before the body. */
  delayBodyMs?: number
  /** Stream the body without a Content-Length header (chunked). */
  omitLength?: boolean
  /** Send the body gzip-compressed when the client accepts it. */
  gzip?: boolean
  /** Override the Content-Type header. */
  contentType?: string
}

export interface RecordedRequest {
  method: string
  path: string
  headers: http.IncomingHttpHeaders
  status: number
}

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string
  url(pathname: string): string
  /** Replace (or add) a file's contents; its ETag and Last-Modified change with it. */
  swap(pathname: string, contents: string | Buffer): void
  /** Set how one path behaves (merged with what was set before). */
  behave(pathname: string, behaviour: Behaviour): void
  redirect(pathname: string, to: string, status?: Behaviour['redirectStatus']): void
  delay(pathname: string, ms: number): void
  /** Every request answered so far, oldest first. */
  requests: RecordedRequest[]
  /** Forget swaps, behaviours and recorded requests. */
  reset(): void
  close(): Promise<void>
}

interface ServedFile {
  body: Buffer
  etag: string
  lastModified: Date
}

export async function startFixtureServer(folder: string = FEED_FIXTURES): Promise<FixtureServer> {
  const root = path.resolve(folder)
  const swapped = new Map<string, ServedFile>()
  const behaviours = new Map<string, Behaviour>()
  const requests: RecordedRequest[] = []
  // Files on disk count as last modified when the server started (whole seconds, as HTTP dates are).
  const startedAt = new Date(Math.floor(Date.now() / 1000) * 1000)
  let origin = ''

  function fileAt(pathname: string): ServedFile | null {
    const swap = swapped.get(pathname)
    if (swap != null) return swap
    const file = path.resolve(root, '.' + decodeURIComponent(pathname))
    if (!file.startsWith(root + path.sep)) return null
    try {
      if (!statSync(file).isFile()) return null
    } catch {
      return null
    }
    return served(withOrigin(pathname, readFileSync(file)), startedAt)
  }

  function withOrigin(pathname: string, bytes: Buffer): Buffer {
    if (!(path.extname(pathname) in TEXT_TYPES)) return bytes
    return Buffer.from(bytes.toString('utf8').replaceAll(ORIGIN_PLACEHOLDER, origin))
  }

  const server = http.createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://fixture').pathname
    const behaviour = behaviours.get(pathname) ?? {}
    const answer = (status: number) => {
      requests.push({ method: request.method ?? 'GET', path: pathname, headers: request.headers, status })
      response.statusCode = status
    }
    const respond = async () => {
      if (behaviour.delayMs) await sleep(behaviour.delayMs)
      if (behaviour.redirectTo != null) {
        answer(behaviour.redirectStatus ?? 302)
        response.setHeader('location', behaviour.redirectTo)
        return response.end()
      }
      if (behaviour.status != null) {
        answer(behaviour.status)
        return response.end()
      }
      const file = fileAt(pathname)
      if (file == null) {
        answer(404)
        return response.end('not found')
      }
      const type = behaviour.contentType ?? contentTypeOf(pathname)
      response.setHeader('etag', file.etag)
      response.setHeader('last-modified', file.lastModified.toUTCString())
      response.setHeader('accept-ranges', 'bytes')
      if (type != null) response.setHeader('content-type', type)
      if (notModified(request, file)) {
        answer(304)
        return response.end()
      }
      let body = file.body
      const range = request.headers.range
      if (range != null) {
        const bounds = parseRange(range, body.length)
        if (bounds == null) {
          answer(416)
          response.setHeader('content-range', `bytes */${body.length}`)
          return response.end()
        }
        answer(206)
        response.setHeader('content-range', `bytes ${bounds.start}-${bounds.end}/${body.length}`)
        body = body.subarray(bounds.start, bounds.end + 1)
      } else {
        answer(200)
      }
      if (behaviour.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        body = zlib.gzipSync(body)
        response.setHeader('content-encoding', 'gzip')
      }
      if (!behaviour.omitLength) response.setHeader('content-length', body.length)
      if (behaviour.delayBodyMs) {
        response.flushHeaders()
        await sleep(behaviour.delayBodyMs)
      }
      if (request.method === 'HEAD') return response.end()
      response.end(body)
    }
    respond().catch((error: unknown) => {
      if (!response.headersSent) response.statusCode = 500
      response.end(String(error))
    })
  })

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    origin,
    url: (pathname) => origin + pathname,
    swap(pathname, contents) {
      const previous = fileAt(pathname)?.lastModified.getTime() ?? 0
      // Last-Modified has whole seconds: a swap must move it on by at least one.
      const at = new Date(Math.max(Math.floor(Date.now() / 1000) * 1000, previous + 1000))
      const bytes = typeof contents === 'string' ? Buffer.from(contents) : contents
      swapped.set(pathname, served(withOrigin(pathname, bytes), at))
    },
    behave(pathname, behaviour) {
      behaviours.set(pathname, { ...behaviours.get(pathname), ...behaviour })
    },
    redirect(pathname, to, status) {
      behaviours.set(pathname, { redirectTo: to, redirectStatus: status })
    },
    delay(pathname, ms) {
      behaviours.set(pathname, { ...behaviours.get(pathname), delayMs: ms })
    },
    requests,
    reset() {
      swapped.clear()
      behaviours.clear()
      requests.length = 0
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

function served(body: Buffer, lastModified: Date): ServedFile {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`
  return { body, etag, lastModified }
}

function contentTypeOf(pathname: string): string | null {
  const extension = path.extname(pathname)
  return TEXT_TYPES[extension] ?? BINARY_TYPES[extension] ?? null
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function notModified(request: http.IncomingMessage, file: ServedFile): boolean {
  const ifNoneMatch = request.headers['if-none-match']
  if (ifNoneMatch != null) {
    const weak = (tag: string) => tag.trim().replace(/^W\//, '')
    return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || weak(tag) === weak(file.etag))
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '')
  return Number.isFinite(since) && file.lastModified.getTime() <= since
}

/** One `bytes=` range (start-end, start-, or -suffix); null when it cannot be satisfied. */
function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (match == null) return null
  const [, first = '', last = ''] = match
  let start: number
  let end: number
  if (first === '') {
    if (last === '') return null
    start = Math.max(0, size - Number(last))
    end = size - 1
  } else {
    start = Number(first)
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1)
  }
  if (start >= size || start > end) return null
  return { start, end }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
