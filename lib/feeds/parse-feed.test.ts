import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FEED_FIXTURES } from '@/tests/support/fixture-server'
import { FeedParseError } from './feed-schema'
import { parseFeed } from './parse-feed'

const ORIGIN = 'http://127.0.0.1:9999'
/** A fixture feed as the fixture server would serve it. */
const fixture = (name: string) => readFileSync(FEED_FIXTURES + name, 'utf8').replaceAll('{{ORIGIN}}', ORIGIN)
const feed = () => parseFeed(fixture('podcast.xml'), { baseUrl: `${ORIGIN}/podcast.xml` })

describe('parseFeed: the Podcasting 2.0 fixture', () => {
  it('reads the channel', () => {
    const { channel } = feed()
    expect(channel).toMatchObject({
      title: 'The Tidal Hour',
      artworkUrl: `${ORIGIN}/artwork/show.png`,
      link: 'https://tidal-hour.example/',
      language: 'en',
      author: 'Marina Okafor',
    })
    expect(channel.description.text).toBe(
      'Conversations about the sea, the moon and the people who measure both. New every fortnight.',
    )
    expect(channel.persons).toEqual([
      {
        name: 'Marina Okafor',
        role: 'host',
        group: 'cast',
        imageUrl: `${ORIGIN}/artwork/marina.png`,
        href: 'https://tidal-hour.example/marina',
      },
      {
        name: 'Tom Lindqvist',
        role: 'host',
        group: 'cast',
        imageUrl: `${ORIGIN}/artwork/tom.png`,
        href: null,
      },
      { name: 'Sam Reyes', role: 'editor', group: 'audio post-production', imageUrl: null, href: null },
    ])
  })

  it('reads every item, identified by guid or else by enclosure URL, without problems', () => {
    const { items, problems } = feed()
    expect(problems).toEqual([])
    expect(items.map((item) => [item.guid, item.guidSource])).toEqual([
      ['tidal-hour-s2e4', 'guid'],
      ['tidal-hour-s2e3', 'guid'],
      ['tidal-hour-s2e2', 'guid'],
      ['tidal-hour-s1e9', 'guid'],
      [`${ORIGIN}/audio/trailer.mp3`, 'enclosure'],
    ])
  })

  it('reads an episode with everything', () => {
    const episode = feed().items[0]!
    expect(episode).toMatchObject({
      title: 'Reading the tides',
      link: 'https://tidal-hour.example/episodes/reading-the-tides',
      publishedAt: new Date('2026-11-10T06:00:00Z'),
      durationMs: 100_000,
      enclosure: { url: `${ORIGIN}/audio/s2e4.mp3`, type: 'audio/mpeg', bytes: 1_604_000 },
      artworkUrl: `${ORIGIN}/artwork/s2e4.png`,
      season: 2,
      episodeNumber: 4,
      episodeType: 'full',
      chapters: { url: `${ORIGIN}/chapters/s2e4.json`, type: 'application/json+chapters' },
      soundbites: [{ startMs: 62_500, durationMs: 21_000, title: 'The moon pulls the ocean toward it' }],
    })
    expect(episode.transcripts).toEqual([
      { url: `${ORIGIN}/transcripts/s2e4.vtt`, type: 'text/vtt', language: null, rel: 'captions' },
      { url: `${ORIGIN}/transcripts/s2e4.json`, type: 'application/json', language: 'en', rel: null },
    ])
    expect(episode.persons?.map((person) => [person.name, person.role])).toEqual([
      ['Marina Okafor', 'host'],
      ['Dr. Ada Mensah', 'guest'],
    ])
  })

  it('reads every itunes:duration form to integer milliseconds', () => {
    expect(feed().items.map((item) => item.durationMs)).toEqual([
      100_000, 3_725_000, 2_710_500, 631_000, 75_250,
    ])
  })

  it("leaves an item's persons null when it has none (the channel's list applies)", () => {
    const items = feed().items
    expect(items[1]!.persons).toBeNull()
    expect(items[1]!.transcripts.map((link) => link.language)).toEqual(['es', 'en'])
    expect(items[4]!.transcripts).toEqual([])
    expect(items[4]!.episodeType).toBe('trailer')
  })

  it('sanitizes show notes (content:encoded first) and keeps them as text', () => {
    const { description } = feed().items[0]!
    expect(description.untrustedHtml).toContain('<script>')
    expect(description.html).toBe(
      '<p>Why there are <em>two</em> high tides a day.</p><p>Links: <a href="https://tides.example/tables" rel="nofollow noopener noreferrer ugc" target="_blank">tide tables</a></p>',
    )
    expect(description.text).toBe('Why there are two high tides a day.\n\nLinks: tide tables')
    expect(feed().items[1]!.description.text).toBe('A bilingual episode recorded in Cádiz & Vigo.')
  })

  it('accepts bytes, decoding by the declared encoding', () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Caf\xe9 FM</title>' +
        '<item><guid>1</guid><title>Cr\xe8me</title></item></channel></rss>',
      'latin1',
    )
    const parsed = parseFeed(latin1)
    expect(parsed.channel.title).toBe('Café FM')
    expect(parsed.items[0]!.title).toBe('Crème')
  })
})

describe('parseFeed: broken feeds', () => {
  it.each([
    ['broken/not-xml.xml', 'not XML: the document starts with "Sorry, the page you asked for could not …"'],
    [
      'broken/malformed.xml',
      "malformed XML at line 9, column 5: Expected closing tag 'item' (opened in line 5, col 5) instead of closing tag 'channel'.",
    ],
    ['broken/html-page.xml', 'not an RSS feed: the root element is <html>, not <rss>'],
    ['broken/not-rss.xml', 'not an RSS feed: the root element is <catalog>, not <rss>'],
  ])('%s fails with a clear message', (name, message) => {
    expect(() => parseFeed(fixture(name))).toThrow(new FeedParseError(message))
  })

  it('refuses an empty document, an Atom feed and a channel without a title', () => {
    expect(() => parseFeed('  ')).toThrow('not XML: the document is empty')
    expect(() => parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')).toThrow(
      'not an RSS feed: this is an Atom feed (<feed>); podcast feeds are RSS',
    )
    expect(() =>
      parseFeed('<rss version="2.0"><channel><item><guid>1</guid></item></channel></rss>'),
    ).toThrow('not a podcast feed: the channel has no <title>')
  })

  it('turns invalid dates and durations into problems of their item, not a failure', () => {
    const parsed = parseFeed(fixture('broken/invalid-dates.xml'))
    expect(parsed.items.map((item) => [item.guid, item.publishedAt])).toEqual([
      ['dated-1', new Date('2026-11-02T08:30:00Z')],
      ['dated-2', null],
      ['dated-3', null],
    ])
    expect(parsed.problems).toEqual([
      { item: 2, label: 'dated-2', message: 'publish date "2026-13-45T25:61:00Z" is not a date; left empty' },
      {
        item: 2,
        label: 'dated-2',
        message: 'itunes:duration "about an hour" is not a duration (seconds, MM:SS or HH:MM:SS)',
      },
      {
        item: 3,
        label: 'dated-3',
        message: 'publish date "last Tuesday, probably" is not a date; left empty',
      },
    ])
    expect(parsed.items[2]!.enclosure).toEqual({
      url: `${ORIGIN}/audio/dated-3.mp3`,
      type: 'audio/mpeg',
      bytes: null,
    })
  })

  it('keeps the first item of a duplicate guid and reports the others, and items with no identity', () => {
    const parsed = parseFeed(fixture('broken/duplicate-guids.xml'))
    expect(parsed.items.map((item) => [item.guid, item.title])).toEqual([
      ['episode', 'First'],
      [`${ORIGIN}/audio/shared.mp3`, 'No guid, same enclosure as the fourth'],
    ])
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      'duplicate guid "episode": item 2 ("Second, same guid") skipped; item 1 has it too',
      `duplicate guid "${ORIGIN}/audio/shared.mp3": item 4 ("No guid either") skipped; item 3 has it too`,
      'item 5 ("Neither guid nor enclosure") has neither a <guid> nor an enclosure URL; skipped',
    ])
  })

  it('ignores URLs that are not http(s) and resolves relative ones against the feed', () => {
    const parsed = parseFeed(
      `<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>T</title><link>javascript:alert(1)</link>
        <item><guid>a</guid><enclosure url="/audio/a.mp3" type="audio/mpeg" length="0"/>
        <podcast:transcript url="file:///etc/passwd" type="text/plain"/></item></channel></rss>`,
      { baseUrl: 'https://host.example/feeds/show.xml' },
    )
    expect(parsed.channel.link).toBeNull()
    expect(parsed.items[0]!.enclosure).toEqual({
      url: 'https://host.example/audio/a.mp3',
      type: 'audio/mpeg',
      bytes: null,
    })
    expect(parsed.items[0]!.transcripts).toEqual([])
    expect(parsed.problems.map((problem) => problem.message)).toEqual([
      'link URL "javascript:alert(1)" is not http(s); ignored',
      'transcript URL "file:///etc/passwd" is not http(s); ignored',
    ])
  })
})
