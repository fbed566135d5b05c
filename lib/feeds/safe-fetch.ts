// Fetching feeds, transcripts, chapters and artwork from the internet, which is an attack
// surface (issue 10, item 2):
// - only http: and https:, at most `maxRedirects` redirects, each followed here and checked
//   again like the first URL;
// - a deadline and a byte cap per kind of file (after decompression, so a gzip bomb stops at
//   the cap too);
// - the host name is resolved once, every address it resolves to must be public (see
//   address-policy.ts) unless `allowPrivate` (FEED_ALLOW_PRIVATE=1), and the socket connects
//   to the address that was checked: node:http's `lookup` is replaced by one that returns it,
//   so a DNS answer that changes between the check and the connection (DNS rebinding) cannot
//   slip a private address in. TLS still verifies the certificate for the host name.
// - conditional GET: an ETag / Last-Modified from the last fetch comes back as 304 → not-modified.
// Expected failures are values (FetchFailed), never exceptions.
import { lookup as dnsLookup } from 'node:dns/promises'
import http from 'node:http'
import https from 'node:https'
import { isIP, type LookupFunction } from 'node:net'
import { pipeline, type Readable } from 'node:stream'
import zlib from 'node:zlib'
import { addressKind, classifyAddress, describeRefusal, shownAddress } from './address-policy'
import {
  DEFAULT_FETCH_LIMITS,
  DEFAULT_MAX_REDIRECTS,
  MB,
  type FetchKind,
  type FetchLimit,
} from './fetch-limits'

export * from './fetch-limits'

const ACCEPT: Record<FetchKind, string> = {
  feed: 'application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
  transcript: 'application/json, text/vtt, application/x-subrip, text/html, text/plain, */*;q=0.5',
  chapters: 'application/json+chapters, application/json;q=0.9, */*;q=0.5',
  artwork: 'image/*',
}

const USER_AGENT = 'Hearsay/0.1 (podcast transcripts; +https://github.com/)'
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308])

export interface ResolvedAddress {
  address: string
  family: 4 | 6
}

/** Host name → its addresses. Injectable so tests can make a name resolve anywhere. */
export type ResolveHost = (hostname: string) => Promise<ResolvedAddress[]>

export interface SafeFetchOptions {
  kind: FetchKind
  /** Defaults to DEFAULT_FETCH_LIMITS[kind]. */
  limit?: FetchLimit
  /** FEED_ALLOW_PRIVATE=1: connect to private, loopback, link-local… addresses too. */
  allowPrivate?: boolean
  maxRedirects?: number
  /** Validators from the last fetch of this URL: a 304 answer gives { status: 'not-modified' }. */
  etag?: string | null
  lastModified?: string | null
  resolve?: ResolveHost
  /**
   * Tests only: where the socket really goes once an address has passed the check (lets a test
   * pretend a public address is served by its 127.0.0.1 fixture server).
   */
  dial?: (checked: ResolvedAddress, port: number) => { address: string; family: 4 | 6; port: number }
  signal?: AbortSignal
}

export interface NotModified {
  status: 'not-modified'
  finalUrl: string
}

export interface Fetched {
  status: 'ok'
  body: Buffer
  /** The Content-Type header as sent (null without one). */
  contentType: string | null
  etag: string | null
  lastModified: string | null
  /** The URL the body came from, after redirects. */
  finalUrl: string
}

export type FetchFailureReason =
  'bad-url' | 'refused' | 'dns' | 'network' | 'timeout' | 'too-large' | 'http' | 'too-many-redirects'

export interface FetchFailed {
  status: 'failed'
  reason: FetchFailureReason
  /** Says what went wrong in a report line: "refused: 127.0.0.1 is a loopback address (…)". */
  message: string
  /** The URL being fetched when it failed (a redirect target, maybe). */
  url: string
  /** The HTTP status, for reason 'http'. */
  httpStatus?: number
}

export type FetchOutcome = NotModified | Fetched | FetchFailed

/** Fetches `url` under the rules above. Never throws for network or server trouble. */
export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchOutcome> {
  const limit = options.limit ?? DEFAULT_FETCH_LIMITS[options.kind]
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), limit.timeoutMs)
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal
  let current = url
  // The validators belong to the first server's copy: another host is asked unconditionally
  // (its ETag space is its own, and it need not learn what the first one handed out).
  const unconditional = { ...options, etag: null, lastModified: null }
  try {
    for (let redirects = 0; ; redirects++) {
      const hop = await fetchOnce(current, sameOrigin(current, url) ? options : unconditional, limit, signal)
      if (hop.status !== 'redirect') return hop
      if (redirects >= maxRedirects) {
        return failed('too-many-redirects', `too many redirects (more than ${maxRedirects})`, current)
      }
      current = hop.location
    }
  } catch (error) {
    if (deadline.signal.aborted) {
      return failed('timeout', `timed out after ${formatSeconds(limit.timeoutMs)}`, current)
    }
    if (options.signal?.aborted) return failed('network', 'cancelled', current)
    return failed('network', `could not fetch: ${errorText(error)}`, current)
  } finally {
    clearTimeout(timer)
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return false
  }
}

type Hop = FetchOutcome | { status: 'redirect'; location: string }

async function fetchOnce(
  rawUrl: string,
  options: SafeFetchOptions,
  limit: FetchLimit,
  signal: AbortSignal,
): Promise<Hop> {
  const url = parseHttpUrl(rawUrl)
  if (typeof url === 'string') return failed('bad-url', url, rawUrl)
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const target = await checkedAddress(hostname, options)
  if ('status' in target) return { ...target, url: rawUrl }
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80)
  const connectTo = options.dial?.(target, port) ?? { ...target, port }
  // The pinned lookup: whatever node:net asks, the answer is the address checked above.
  const lookup: LookupFunction = (_name, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: connectTo.address, family: connectTo.family }])
    else callback(null, connectTo.address, connectTo.family)
  }
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: ACCEPT[options.kind],
    'accept-encoding': 'gzip, deflate, br',
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  const request = (url.protocol === 'https:' ? https : http).request({
    protocol: url.protocol,
    // The host name stays for the Host header, SNI and certificate checks; the address comes
    // from the pinned lookup (node connects to an IP literal as is, and it was checked above).
    host: hostname,
    port: connectTo.port,
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: { ...headers, host: url.host },
    lookup,
    agent: false,
    signal,
  })
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    request.once('response', resolve)
    // Kept for the request's whole life: an abort after the response also emits 'error'.
    request.on('error', reject)
    request.end()
  })
  try {
    return await readResponse(response, url, limit, signal)
  } finally {
    response.destroy()
  }
}

async function readResponse(
  response: http.IncomingMessage,
  url: URL,
  limit: FetchLimit,
  signal: AbortSignal,
): Promise<Hop> {
  const status = response.statusCode ?? 0
  const finalUrl = url.href
  if (REDIRECT_STATUSES.has(status)) {
    const location = response.headers.location
    if (!location) return failed('http', `HTTP ${status} without a Location header`, finalUrl, status)
    return { status: 'redirect', location: new URL(location, url).href }
  }
  if (status === 304) return { status: 'not-modified', finalUrl }
  if (status < 200 || status > 299) return failed('http', `HTTP ${status}`, finalUrl, status)
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit.maxBytes) return tooLarge(limit, finalUrl)
  const body = await readCapped(decoded(response), limit.maxBytes, signal)
  if (body == null) return tooLarge(limit, finalUrl)
  return {
    status: 'ok',
    body,
    contentType: header(response, 'content-type'),
    etag: header(response, 'etag'),
    lastModified: header(response, 'last-modified'),
    finalUrl,
  }
}

/** The body as sent, or inflated when the server compressed it. */
function decoded(response: http.IncomingMessage): Readable {
  const encoding = header(response, 'content-encoding')?.toLowerCase().trim()
  const inflate =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : null
  if (inflate == null) return response
  // pipeline, not pipe: an aborted response must fail the inflater too, or the read hangs.
  return pipeline(response, inflate, () => {})
}

/** Reads a stream to its end, or returns null as soon as it passes maxBytes. */
async function readCapped(stream: Readable, maxBytes: number, signal: AbortSignal): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > maxBytes) return null
      chunks.push(buffer)
      if (signal.aborted) throw signal.reason
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks)
}

/** The address to connect to, or why there is none. */
async function checkedAddress(
  hostname: string,
  options: SafeFetchOptions,
): Promise<ResolvedAddress | Omit<FetchFailed, 'url'>> {
  const literal = isIP(hostname)
  let addresses: ResolvedAddress[]
  if (literal === 4 || literal === 6) addresses = [{ address: hostname, family: literal }]
  else {
    try {
      addresses = await (options.resolve ?? resolveWithDns)(hostname)
    } catch (error) {
      return {
        status: 'failed',
        reason: 'dns',
        message: `could not resolve ${hostname}: ${errorText(error)}`,
      }
    }
    if (addresses.length === 0) {
      return { status: 'failed', reason: 'dns', message: `could not resolve ${hostname}: no addresses` }
    }
  }
  if (!options.allowPrivate) {
    // Every address must be public: which one the connection would use is not ours to pick
    // from a name that also points inside.
    for (const { address } of addresses) {
      const verdict = classifyAddress(address)
      if (verdict.category == null) continue
      const what = literal
        ? describeRefusal(verdict)
        : `${hostname} resolves to ${shownAddress(verdict)}, ${addressKind(verdict)}`
      return {
        status: 'failed',
        reason: 'refused',
        message: `refused: ${what} (set FEED_ALLOW_PRIVATE=1 to allow)`,
      }
    }
  }
  return addresses[0]!
}

async function resolveWithDns(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true })
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }))
}

function parseHttpUrl(raw: string): URL | string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return `not a valid URL: ${JSON.stringify(raw)}`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `only http and https URLs can be fetched (not ${url.protocol})`
  }
  if (url.username || url.password) return 'URLs with a user name or password are not fetched'
  return url
}

function header(response: http.IncomingMessage, name: string): string | null {
  const value = response.headers[name]
  return (Array.isArray(value) ? value[0] : value) ?? null
}

function tooLarge(limit: FetchLimit, url: string): FetchFailed {
  return failed('too-large', `too large: more than ${formatBytes(limit.maxBytes)}`, url)
}

function failed(reason: FetchFailureReason, message: string, url: string, httpStatus?: number): FetchFailed {
  return httpStatus == null
    ? { status: 'failed', reason, message, url }
    : { status: 'failed', reason, message, url, httpStatus }
}

/** 5 MB, 250 kB, 1000 bytes (decimal units, as the limits are written). */
export function formatBytes(bytes: number): string {
  if (bytes >= MB && bytes % (MB / 10) === 0) return `${bytes / MB} MB`
  if (bytes >= 1000 && bytes % 100 === 0) return `${bytes / 1000} kB`
  return `${bytes} bytes`
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return code && !error.message.includes(code) ? `${code} ${error.message}` : error.message
  }
  return String(error)
}
