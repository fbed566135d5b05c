// /shows/:slug/feed.xml: a Podcasting 2.0 feed whose items carry <podcast:transcript> tags for
// the corrected transcripts. Read back by the app's own feed parser (feedsmith), hostile text
// included: everything escapes, nothing breaks the XML.
import { describe, expect, it } from 'vitest'
import { showFeedHandler } from '../../lib/api/show-feed-api'
import { parseFeed } from '../../lib/feeds/parse-feed'
import { buildShowFeed } from '../../lib/publish/show-feed'
import { readShowPublication } from '../../lib/publish/show-publication'
import { freshApp, type TestApp } from '../support/app-database'

const ORIGIN = 'https://hearsay.example'
const CONTROL = '\u0001\u0008'
const HOSTILE = `Tom & "Jerry" <script>alert(1)</script> ]]> ${CONTROL} \ud83c\udf89`
/** The title as XML 1.0 can carry it: without its control characters. */
const HOSTILE_IN_XML = HOSTILE.replace(CONTROL, '')

async function hostileShow(app: TestApp) {
  await app.db.show.update({
    where: { slug: 'show' },
    data: { title: HOSTILE, description: 'Desc & <b>bold</b>', language: 'en-us', author: 'A & B' },
  })
  await app.db.episode.update({
    where: { slug: 'ep-1' },
    data: {
      title: `Episode ${HOSTILE}`,
      guid: 'urn:guid:ep-1&<x>',
      audioUrl: '/api/episodes/ep-1/audio',
      audioType: 'audio/ogg',
      audioBytes: 12345,
      publishedAt: new Date('2026-01-02T03:04:05Z'),
      durationMs: 95_400,
      season: 2,
      episodeNumber: 7,
    },
  })
}

describe('show feed', () => {
  it('round-trips through parse-feed with transcript tags, audio and escaped hostile text', async () => {
    const app = await freshApp()
    await hostileShow(app)
    const show = await readShowPublication(app.db, 'show')
    if (!show.ok) throw new Error('show missing')
    const xml = buildShowFeed(show.value, ORIGIN)
    expect(xml).not.toContain('<script>')
    expect(xml).not.toContain(CONTROL[0])

    const feed = parseFeed(xml, { baseUrl: `${ORIGIN}/shows/show/feed.xml` })
    expect(feed.problems).toEqual([])
    expect(feed.channel.title).toBe(HOSTILE_IN_XML)
    expect(feed.channel.language).toBe('en-us')
    expect(feed.items).toHaveLength(2)
    const item = feed.items.find((candidate) => candidate.guid === 'urn:guid:ep-1&<x>')!
    expect(item.title).toBe(`Episode ${HOSTILE_IN_XML}`)
    expect(item.enclosure).toEqual({
      url: `${ORIGIN}/api/episodes/ep-1/audio`,
      type: 'audio/ogg',
      bytes: 12345,
    })
    expect(item.publishedAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z')
    expect(item.durationMs).toBe(95_000)
    expect([item.season, item.episodeNumber]).toEqual([2, 7])
    expect(item.transcripts.map(({ url, type, language }) => ({ url, type, language }))).toEqual([
      { url: `${ORIGIN}/episodes/ep-1/transcript.json`, type: 'application/json', language: 'en-us' },
      { url: `${ORIGIN}/episodes/ep-1/transcript.vtt`, type: 'text/vtt', language: 'en-us' },
      { url: `${ORIGIN}/episodes/ep-1/transcript.srt`, type: 'application/x-subrip', language: 'en-us' },
    ])
    // An episode made here (no feed guid) gets a stable one.
    expect(feed.items.map((candidate) => candidate.guid)).toContain('hearsay:episode:ep-2')
  })

  it('gives no transcript tags to an episode without a transcript', async () => {
    const app = await freshApp()
    await app.db.sentence.deleteMany({ where: { episode: { slug: 'ep-2' } } })
    const show = await readShowPublication(app.db, 'show')
    if (!show.ok) throw new Error('show missing')
    const feed = parseFeed(buildShowFeed(show.value, ORIGIN))
    expect(feed.items.find((item) => item.guid === 'hearsay:episode:ep-2')!.transcripts).toEqual([])
  })

  it('is served as RSS with CORS, an ETag and 304, and 404 for an unknown show', async () => {
    const app = await freshApp()
    const response = await showFeedHandler(app, 'show', ORIGIN)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"/)
    expect(parseFeed(await response.text()).items).toHaveLength(2)
    const again = await showFeedHandler(app, 'show', ORIGIN, {
      headers: new Headers({ 'If-None-Match': etag }),
    })
    expect(again.status).toBe(304)
    expect((await showFeedHandler(app, 'nope', ORIGIN)).status).toBe(404)
  })
})
