// Serving one stored file over HTTP the way media players need it: Range requests (206 with
// Content-Range; 416 for a range past the end), HEAD, validators (a strong ETag and
// Last-Modified, so If-None-Match / If-Modified-Since give 304 and If-Range is honoured). Without
// Range support Chromium cannot seek in an <audio> element or honour #t=. The caller has already
// chosen the path from the database; nothing here looks at the request's URL.
import 'server-only'
import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { parseRange } from '@/lib/media/byte-range'

export interface ServedFile {
  path: string
  contentType: string
}

/** Strong: it changes whenever the file is replaced (size or modification time). */
export function fileEtag(stats: Pick<Stats, 'size' | 'mtimeMs'>): string {
  return `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`
}

function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag)
}

/** If-Range: an entity tag must equal ours (strong comparison), a date must equal Last-Modified. */
function ifRangeHolds(header: string | null, etag: string, lastModified: string): boolean {
  if (header === null) return true
  const value = header.trim()
  if (value.startsWith('"')) return value === etag
  if (value.startsWith('W/')) return false
  return value === lastModified
}

function notModified(request: Request, etag: string, mtimeMs: number): boolean {
  const ifNoneMatch = request.headers.get('if-none-match')
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag)
  const ifModifiedSince = Date.parse(request.headers.get('if-modified-since') ?? '')
  return Number.isFinite(ifModifiedSince) && Math.floor(mtimeMs / 1000) * 1000 <= ifModifiedSince
}

function body(request: Request, path: string, start: number, end: number): ReadableStream | null {
  if (request.method === 'HEAD' || end < start) return null
  return Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream
}

/** The response for a GET or HEAD of `file`; null when the file is not there. */
export async function serveFile(request: Request, file: ServedFile): Promise<Response | null> {
  let stats: Stats
  try {
    stats = await stat(file.path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (!stats.isFile()) return null
  const { size } = stats
  const etag = fileEtag(stats)
  const lastModified = stats.mtime.toUTCString()
  const headers = new Headers({
    'Accept-Ranges': 'bytes',
    'Content-Type': file.contentType,
    ETag: etag,
    'Last-Modified': lastModified,
    // Revalidate each time (a host may replace the file); the ETag makes that a 304.
    'Cache-Control': 'no-cache',
    'Content-Disposition': 'inline',
  })
  if (notModified(request, etag, stats.mtimeMs)) return new Response(null, { status: 304, headers })
  const range = ifRangeHolds(request.headers.get('if-range'), etag, lastModified)
    ? parseRange(request.headers.get('range'), size)
    : ({ kind: 'whole' } as const)
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`)
    headers.set('Content-Length', '0')
    headers.delete('Content-Type')
    return new Response(null, { status: 416, headers })
  }
  if (range.kind === 'partial') {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`)
    headers.set('Content-Length', String(range.end - range.start + 1))
    return new Response(body(request, file.path, range.start, range.end), { status: 206, headers })
  }
  headers.set('Content-Length', String(size))
  return new Response(body(request, file.path, 0, size - 1), { status: 200, headers })
}
