import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from '@/tests/support/fixture-server'
import { safeFetch, type ResolveHost, type SafeFetchOptions } from './safe-fetch'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

/** Fetches from the fixture server on 127.0.0.1, as FEED_ALLOW_PRIVATE=1 allows. */
const allowed = (path: string, options: Partial<SafeFetchOptions> = {}) =>
  safeFetch(server.url(path), { kind: 'feed', allowPrivate: true, ...options })

const resolveTo =
  (address: string): ResolveHost =>
  async () => [{ address, family: address.includes(':') ? 6 : 4 }]

describe('safeFetch: SSRF', () => {
  it('refuses 127.0.0.1 by default, naming the setting that allows it', async () => {
    expect(await safeFetch(server.url('/podcast.xml'), { kind: 'feed' })).toEqual({
      status: 'failed',
      reason: 'refused',
      message: 'refused: 127.0.0.1 is a loopback address (set FEED_ALLOW_PRIVATE=1 to allow)',
      url: server.url('/podcast.xml'),
    })
    expect(server.requests).toEqual([])
  })

  it('refuses a host name that resolves to a private address, without connecting', async () => {
    const outcome = await safeFetch('http://feeds.example.com/podcast.xml', {
      kind: 'feed',
      resolve: resolveTo('10.0.0.1'),
    })
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'refused',
      message:
        'refused: feeds.example.com resolves to 10.0.0.1, a private address (set FEED_ALLOW_PRIVATE=1 to allow)',
      url: 'http://feeds.example.com/podcast.xml',
    })
  })

  it('refuses a name when any of its addresses is private', async () => {
    const resolve: ResolveHost = async () => [
      { address: '93.184.215.14', family: 4 },
      { address: 'fd00::7', family: 6 },
    ]
    const outcome = await safeFetch('https://mixed.example/feed', { kind: 'feed', resolve })
    expect(outcome).toMatchObject({
      reason: 'refused',
      message:
        'refused: mixed.example resolves to fd00::7, a unique-local address (set FEED_ALLOW_PRIVATE=1 to allow)',
    })
  })

  it('checks every redirect: a public feed that redirects to 127.0.0.1 is refused', async () => {
    server.redirect('/moved.xml', server.url('/podcast.xml'))
    // The name resolves to a public address that passes the check; `dial` stands in for the
    // network and delivers the connection to the fixture server.
    const outcome = await safeFetch('http://podcasts.example.com/moved.xml', {
      kind: 'feed',
      resolve: resolveTo('93.184.215.14'),
      dial: () => ({ address: '127.0.0.1', family: 4, port: serverPort() }),
    })
    expect(outcome).toEqual({
      status: 'failed',
      reason: 'refused',
      message: 'refused: 127.0.0.1 is a loopback address (set FEED_ALLOW_PRIVATE=1 to allow)',
      url: server.url('/podcast.xml'),
    })
    expect(server.requests.map((request) => [request.path, request.status, request.headers.host])).toEqual([
      ['/moved.xml', 302, 'podcasts.example.com'],
    ])
  })

  it('refuses a redirect to a name that resolves to the cloud metadata address', async () => {
    server.redirect('/moved.xml', 'http://metadata.internal/latest/meta-data/')
    const resolve: ResolveHost = async (name) =>
      name === 'metadata.internal'
        ? [{ address: '169.254.169.254', family: 4 }]
        : [{ address: '93.184.215.14', family: 4 }]
    const outcome = await safeFetch('http://podcasts.example.com/moved.xml', {
      kind: 'feed',
      resolve,
      dial: () => ({ address: '127.0.0.1', family: 4, port: serverPort() }),
    })
    expect(outcome).toMatchObject({
      reason: 'refused',
      message:
        'refused: metadata.internal resolves to 169.254.169.254, a link-local address (set FEED_ALLOW_PRIVATE=1 to allow)',
      url: 'http://metadata.internal/latest/meta-data/',
    })
    expect(server.requests).toHaveLength(1)
  })

  it('resolves once and connects to the checked address (no DNS-rebinding gap)', async () => {
    const answers = ['93.184.215.14', '127.0.0.1']
    let lookups = 0
    const resolve: ResolveHost = async () => [{ address: answers[Math.min(lookups++, 1)]!, family: 4 }]
    const dialed: string[] = []
    const outcome = await safeFetch('http://rebind.example/podcast.xml', {
      kind: 'feed',
      resolve,
      dial: (checked) => {
        dialed.push(checked.address)
        return { address: '127.0.0.1', family: 4, port: serverPort() }
      },
    })
    expect(outcome.status).toBe('ok')
    expect(lookups).toBe(1)
    expect(dialed).toEqual(['93.184.215.14'])
  })

  it('refuses other schemes and URLs with credentials', async () => {
    expect(await safeFetch('file:///etc/passwd', { kind: 'feed' })).toMatchObject({
      reason: 'bad-url',
      message: 'only http and https URLs can be fetched (not file:)',
    })
    expect(await safeFetch('ftp://example.com/feed.xml', { kind: 'feed' })).toMatchObject({
      reason: 'bad-url',
    })
    expect(await safeFetch('not a url', { kind: 'feed' })).toMatchObject({
      reason: 'bad-url',
      message: 'not a valid URL: "not a url"',
    })
    expect(await safeFetch('http://user:pw@example.com/', { kind: 'feed' })).toMatchObject({
      reason: 'bad-url',
    })
  })

  it('refuses a redirect to another scheme', async () => {
    server.redirect('/moved.xml', 'file:///etc/passwd')
    expect(await allowed('/moved.xml')).toMatchObject({ reason: 'bad-url', url: 'file:///etc/passwd' })
  })

  it('refuses IP literals in every spelling the URL parser accepts', async () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0/',
    ]) {
      expect(await safeFetch(url, { kind: 'feed' })).toMatchObject({ reason: 'refused' })
    }
  })

  it('reports a name that does not resolve', async () => {
    const resolve: ResolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.invalid'), { code: 'ENOTFOUND' })
    }
    expect(await safeFetch('https://nowhere.invalid/feed', { kind: 'feed', resolve })).toMatchObject({
      reason: 'dns',
      message: 'could not resolve nowhere.invalid: getaddrinfo ENOTFOUND nowhere.invalid',
    })
  })
})

describe('safeFetch: fetching', () => {
  it('returns the body, its type, validators and final URL', async () => {
    const outcome = await allowed('/podcast.xml')
    expect(outcome.status).toBe('ok')
    if (outcome.status !== 'ok') return
    expect(outcome.body.toString('utf8')).toContain(`<enclosure url="${server.origin}/audio/s2e4.mp3"`)
    expect(outcome.contentType).toBe('application/rss+xml; charset=utf-8')
    expect(outcome.etag).toMatch(/^".+"$/)
    expect(outcome.lastModified).toMatch(/GMT$/)
    expect(outcome.finalUrl).toBe(server.url('/podcast.xml'))
  })

  it('follows redirects (relative ones too) and says where the body came from', async () => {
    server.redirect('/old.xml', '/older.xml', 301)
    server.redirect('/older.xml', server.url('/podcast.xml'), 308)
    const outcome = await allowed('/old.xml')
    expect(outcome).toMatchObject({ status: 'ok', finalUrl: server.url('/podcast.xml') })
  })

  it('stops after too many redirects', async () => {
    server.redirect('/loop-a', '/loop-b')
    server.redirect('/loop-b', '/loop-a')
    expect(await allowed('/loop-a', { maxRedirects: 3 })).toMatchObject({
      status: 'failed',
      reason: 'too-many-redirects',
      message: 'too many redirects (more than 3)',
    })
    expect(server.requests).toHaveLength(4)
  })

  it('reports an HTTP error status', async () => {
    expect(await allowed('/transcripts/missing.vtt', { kind: 'transcript' })).toEqual({
      status: 'failed',
      reason: 'http',
      message: 'HTTP 404',
      url: server.url('/transcripts/missing.vtt'),
      httpStatus: 404,
    })
    server.behave('/podcast.xml', { status: 500 })
    expect(await allowed('/podcast.xml')).toMatchObject({ message: 'HTTP 500', httpStatus: 500 })
  })

  it('inflates a gzip body', async () => {
    server.behave('/podcast.xml', { gzip: true })
    const outcome = await allowed('/podcast.xml')
    expect(outcome.status === 'ok' && outcome.body.toString('utf8').startsWith('<?xml')).toBe(true)
    expect(server.requests[0]?.headers['accept-encoding']).toContain('gzip')
  })
})

describe('safeFetch: conditional GET', () => {
  it('sends the ETag back and gets not-modified; a changed file comes back in full', async () => {
    const first = await allowed('/podcast.xml')
    if (first.status !== 'ok') throw new Error(first.status)
    const again = await allowed('/podcast.xml', { etag: first.etag, lastModified: first.lastModified })
    expect(again).toEqual({ status: 'not-modified', finalUrl: server.url('/podcast.xml') })
    expect(server.requests[1]?.headers['if-none-match']).toBe(first.etag)
    expect(server.requests[1]?.headers['if-modified-since']).toBe(first.lastModified)

    server.swap('/podcast.xml', '<rss version="2.0"><channel><title>New</title></channel></rss>')
    const changed = await allowed('/podcast.xml', { etag: first.etag, lastModified: first.lastModified })
    expect(changed).toMatchObject({
      status: 'ok',
      body: Buffer.from('<rss version="2.0"><channel><title>New</title></channel></rss>'),
    })
    expect(changed.status === 'ok' && changed.etag).not.toBe(first.etag)
  })

  it('uses Last-Modified alone when there is no ETag', async () => {
    const first = await allowed('/podcast.xml')
    if (first.status !== 'ok') throw new Error(first.status)
    expect(await allowed('/podcast.xml', { lastModified: first.lastModified })).toMatchObject({
      status: 'not-modified',
    })
  })
})

describe('safeFetch: conditional GET across redirects', () => {
  it('keeps the validators on a redirect within the same host', async () => {
    const first = await allowed('/podcast.xml')
    if (first.status !== 'ok') throw new Error(first.status)
    server.reset()
    server.redirect('/old.xml', '/podcast.xml')
    const again = await allowed('/old.xml', { etag: first.etag, lastModified: first.lastModified })
    expect(again.status).toBe('not-modified')
    expect(server.requests[1]?.headers['if-none-match']).toBe(first.etag)
  })

  it('drops If-None-Match and If-Modified-Since on a redirect to another host', async () => {
    const first = await allowed('/podcast.xml')
    if (first.status !== 'ok') throw new Error(first.status)
    server.reset()
    server.redirect('/moved.xml', `http://mirror.example:${serverPort()}/podcast.xml`)
    const outcome = await safeFetch('http://podcasts.example.com/moved.xml', {
      kind: 'feed',
      resolve: resolveTo('93.184.215.14'),
      dial: () => ({ address: '127.0.0.1', family: 4, port: serverPort() }),
      etag: first.etag,
      lastModified: first.lastModified,
    })
    expect(outcome).toMatchObject({
      status: 'ok',
      finalUrl: `http://mirror.example:${serverPort()}/podcast.xml`,
    })
    expect(server.requests.map((request) => request.headers.host)).toEqual([
      'podcasts.example.com',
      `mirror.example:${serverPort()}`,
    ])
    expect(server.requests[0]?.headers['if-none-match']).toBe(first.etag)
    expect(server.requests[1]?.headers['if-none-match']).toBeUndefined()
    expect(server.requests[1]?.headers['if-modified-since']).toBeUndefined()
  })
})

describe('safeFetch: limits', () => {
  it('refuses a body over the cap, from its Content-Length', async () => {
    server.swap('/big.xml', Buffer.alloc(6_000_001, 'a'))
    expect(await allowed('/big.xml')).toMatchObject({
      status: 'failed',
      reason: 'too-large',
      message: 'too large: more than 5 MB',
    })
  })

  it('stops reading a body without Content-Length once it passes the cap', async () => {
    server.swap('/big.xml', Buffer.alloc(50_000, 'a'))
    server.behave('/big.xml', { omitLength: true })
    expect(await allowed('/big.xml', { limit: { timeoutMs: 5000, maxBytes: 20_000 } })).toMatchObject({
      reason: 'too-large',
      message: 'too large: more than 20 kB',
    })
  })

  it('caps the inflated size, so a gzip bomb stops at the cap', async () => {
    // 3 MB of zeros travel as a few kB of gzip, well under the 1 MB cap for chapters.
    server.swap('/chapters/bomb.json', Buffer.alloc(3_000_000, 0))
    server.behave('/chapters/bomb.json', { gzip: true })
    expect(
      await safeFetch(server.url('/chapters/bomb.json'), { kind: 'chapters', allowPrivate: true }),
    ).toMatchObject({
      reason: 'too-large',
      message: 'too large: more than 1 MB',
    })
  })

  it('times out while waiting for headers', async () => {
    server.delay('/podcast.xml', 1000)
    expect(await allowed('/podcast.xml', { limit: { timeoutMs: 200, maxBytes: 5_000_000 } })).toMatchObject({
      status: 'failed',
      reason: 'timeout',
      message: 'timed out after 0.2 s',
    })
  })

  it('times out while the body trickles in', async () => {
    server.behave('/podcast.xml', { delayBodyMs: 1000 })
    expect(await allowed('/podcast.xml', { limit: { timeoutMs: 200, maxBytes: 5_000_000 } })).toMatchObject({
      reason: 'timeout',
      message: 'timed out after 0.2 s',
    })
  })

  it('counts the deadline over the whole redirect chain', async () => {
    server.redirect('/slow-a', '/slow-b')
    server.delay('/slow-a', 150)
    server.redirect('/slow-b', '/podcast.xml')
    server.delay('/slow-b', 150)
    expect(await allowed('/slow-a', { limit: { timeoutMs: 250, maxBytes: 5_000_000 } })).toMatchObject({
      reason: 'timeout',
      message: 'timed out after 0.25 s',
    })
  })
})

function serverPort(): number {
  return Number(new URL(server.origin).port)
}
