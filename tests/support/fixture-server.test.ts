import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startFixtureServer, type FixtureServer } from './fixture-server'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

describe('fixture server', () => {
  it('puts its origin into the feed', async () => {
    const text = await (await fetch(server.url('/podcast.xml'))).text()
    expect(text).toContain(`url="${server.origin}/transcripts/s2e4.json"`)
    expect(text).not.toContain('{{ORIGIN}}')
  })

  it('answers Range requests with 206, and 416 past the end', async () => {
    server.swap('/audio/s2e4.wav', Buffer.from('0123456789'))
    const partial = await fetch(server.url('/audio/s2e4.wav'), { headers: { range: 'bytes=2-5' } })
    expect(partial.status).toBe(206)
    expect(partial.headers.get('content-range')).toBe('bytes 2-5/10')
    expect(partial.headers.get('content-type')).toBe('audio/wav')
    expect(await partial.text()).toBe('2345')
    const suffix = await fetch(server.url('/audio/s2e4.wav'), { headers: { range: 'bytes=-3' } })
    expect(await suffix.text()).toBe('789')
    const open = await fetch(server.url('/audio/s2e4.wav'), { headers: { range: 'bytes=7-' } })
    expect(await open.text()).toBe('789')
    const beyond = await fetch(server.url('/audio/s2e4.wav'), { headers: { range: 'bytes=10-' } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe('bytes */10')
  })

  it('answers conditional GETs with 304 until the file is swapped', async () => {
    const first = await fetch(server.url('/transcripts/s2e2.srt'))
    const etag = first.headers.get('etag')!
    const lastModified = first.headers.get('last-modified')!
    expect(
      (await fetch(server.url('/transcripts/s2e2.srt'), { headers: { 'if-none-match': etag } })).status,
    ).toBe(304)
    expect(
      (await fetch(server.url('/transcripts/s2e2.srt'), { headers: { 'if-modified-since': lastModified } }))
        .status,
    ).toBe(304)
    server.swap('/transcripts/s2e2.srt', '1\n00:00:00,000 --> 00:00:01,000\nChanged.\n')
    const changed = await fetch(server.url('/transcripts/s2e2.srt'), { headers: { 'if-none-match': etag } })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('Changed.')
    const later = await fetch(server.url('/transcripts/s2e2.srt'), {
      headers: { 'if-modified-since': lastModified },
    })
    expect(later.status).toBe(200)
  })

  it('never serves files outside its folder', async () => {
    expect((await fetch(server.url('/..%2f..%2fpackage.json'))).status).toBe(404)
  })

  it('forgets swaps and behaviours on reset', async () => {
    server.behave('/podcast.xml', { status: 503 })
    expect((await fetch(server.url('/podcast.xml'))).status).toBe(503)
    server.reset()
    expect((await fetch(server.url('/podcast.xml'))).status).toBe(200)
    expect(server.requests).toHaveLength(1)
  })
})
