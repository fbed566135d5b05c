// The feed operations end to end against a real fixture server on 127.0.0.1 and a real, empty
// database: add a show by its feed, refresh it (unchanged: nothing written), a changed
// transcript (comments and host corrections kept), refused and broken feeds (nothing changed).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { changeSentence } from '@/lib/sentences/edit'
import { IMPORT_AUTHOR_ID } from '@/lib/sentences/import-revisions'
import { quoteShare } from '@/lib/sentences/re-anchor'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { startFixtureServer, type FixtureServer } from '../../tests/support/fixture-server'
import { databaseChecksum, dataVersionWatcher, emptyContext, HOST } from '../../tests/support/feed-context'
import { updateEpisode } from '@/lib/episodes/operations'
import { addFeed, refreshFeed, type FeedReport } from './operations'
import { readFileSync } from 'node:fs'

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const PRIVATE = { allowPrivate: true }

function value(result: Awaited<ReturnType<typeof addFeed>>): FeedReport {
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.failure)}`)
  return result.value
}

function outcomes(report: FeedReport): Record<string, string> {
  return Object.fromEntries(report.episodes.map((e) => [e.guid, e.outcome]))
}

function rows<T>(db: SqliteDatabase, sql: string, ...params: unknown[]): T[] {
  return db.prepare(sql).all(...params) as T[]
}

describe('addFeed', () => {
  it('imports every episode of the fixture feed from an empty database, and says which had no transcript', async () => {
    const ctx = await emptyContext()
    const report = value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    expect(report.show).toEqual({ slug: 'the-tidal-hour', title: 'The Tidal Hour', created: true })
    expect(report.feed).toBe('fetched')
    expect(outcomes(report)).toEqual({
      'tidal-hour-s2e4': 'imported',
      'tidal-hour-s2e3': 'imported',
      'tidal-hour-s2e2': 'imported',
      'tidal-hour-s1e9': 'imported',
      [server.url('/audio/trailer.mp3')]: 'no-transcript',
    })
    const trailer = report.episodes.at(-1)!
    expect(trailer.noTranscript).toBe('none-offered')
    expect(trailer.reason).toMatch(/no transcript/)
    expect(report.failed).toBe(false)
    expect(report.counts).toEqual({ imported: 4, updated: 0, unchanged: 0, 'no-transcript': 1, failed: 0 })

    const db = ctx.sqlite
    expect(
      rows(
        db,
        `SELECT title, description, artworkUrl, link, language, author, feedUrl, feedEtag IS NOT NULL AS etag FROM Show`,
      ),
    ).toEqual([
      {
        title: 'The Tidal Hour',
        description: expect.stringContaining('Conversations about the sea'),
        artworkUrl: server.url('/artwork/show.png'),
        link: 'https://tidal-hour.example/',
        language: 'en',
        author: 'Marina Okafor',
        feedUrl: server.url('/podcast.xml'),
        etag: 1,
      },
    ])
    const episodes = rows<Record<string, unknown>>(
      db,
      `SELECT e.slug, e.guid, e.audioUrl, e.audioType, e.audioBytes, e.durationMs, e.season, e.episodeNumber, e.publishedAt,
         e.transcriptUrl, (SELECT count(*) FROM Sentence WHERE episodeId = e.id) AS sentences
       FROM Episode e ORDER BY e.publishedAt DESC`,
    )
    expect(episodes).toHaveLength(5)
    for (const episode of episodes)
      expect(episode.audioUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/audio\/.+\.mp3$/)
    expect(episodes[0]).toMatchObject({
      slug: 'reading-the-tides',
      guid: 'tidal-hour-s2e4',
      audioType: 'audio/mpeg',
      audioBytes: 1604000,
      durationMs: 100_000,
      season: 2,
      episodeNumber: 4,
      // JSON is preferred over VTT.
      transcriptUrl: server.url('/transcripts/s2e4.json'),
    })
    // The bilingual episode: the show's language (en) first.
    expect(episodes[1]).toMatchObject({
      transcriptUrl: server.url('/transcripts/s2e3.en.srt'),
      durationMs: 3_725_000,
    })
    expect(episodes.slice(0, 4).every((e) => (e.sentences as number) > 0)).toBe(true)
    expect(episodes[4]).toMatchObject({ sentences: 0, transcriptUrl: null })

    const s2e4 = (db.prepare(`SELECT id FROM Episode WHERE guid = 'tidal-hour-s2e4'`).get() as { id: number })
      .id
    expect(
      rows(db, `SELECT startMs, endMs, title, toc FROM Chapter WHERE episodeId = ? ORDER BY startMs`, s2e4),
    ).toEqual([
      { startMs: 0, endMs: null, title: 'Welcome', toc: 1 },
      { startMs: 20_000, endMs: 62_500, title: 'Two tides a day', toc: 1 },
      { startMs: 62_500, endMs: null, title: 'Sun and moon', toc: 1 },
      { startMs: 90_000, endMs: null, title: 'Sponsor', toc: 0 },
      { startMs: 95_000, endMs: null, title: 'Goodbye', toc: 1 },
    ])
    // Speakers: the transcript's labels, and the persons (with images) a page maps them to.
    const speakers = rows<{ speaker: string }>(
      db,
      `SELECT DISTINCT speaker FROM Sentence WHERE episodeId = ? ORDER BY speaker`,
      s2e4,
    )
    expect(speakers.map((s) => s.speaker)).toEqual(['Dr. Ada Mensah', 'Marina Okafor'])
    expect(
      rows(db, `SELECT name, role, imageUrl FROM Person WHERE episodeId = ? ORDER BY position`, s2e4),
    ).toEqual([
      { name: 'Marina Okafor', role: 'host', imageUrl: server.url('/artwork/marina.png') },
      { name: 'Dr. Ada Mensah', role: 'guest', imageUrl: server.url('/artwork/ada.png') },
    ])
    expect(rows(db, `SELECT name FROM Person WHERE showId IS NOT NULL ORDER BY position`)).toEqual([
      { name: 'Marina Okafor' },
      { name: 'Tom Lindqvist' },
      { name: 'Sam Reyes' },
    ])
    expect(rows(db, `SELECT startMs, durationMs, title FROM Soundbite WHERE episodeId = ?`, s2e4)).toEqual([
      { startMs: 62_500, durationMs: 21_000, title: 'The moon pulls the ocean toward it' },
    ])
    // Show notes: sanitized HTML and text; the script and handlers are gone.
    const notes = db.prepare(`SELECT description, descriptionHtml FROM Episode WHERE id = ?`).get(s2e4) as {
      description: string
      descriptionHtml: string
    }
    expect(notes.descriptionHtml).toContain('<em>two</em>')
    expect(notes.descriptionHtml).not.toMatch(/script|onclick|onerror/)
    // Searchable like an imported episode.
    expect(
      rows(db, `SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH 'bathtub'`).length,
    ).toBeGreaterThan(0)
  })

  it('refuses http://127.0.0.1/… without FEED_ALLOW_PRIVATE, with a clear message, and writes nothing', async () => {
    const ctx = await emptyContext()
    const before = databaseChecksum(ctx.sqlite)
    const result = await addFeed(ctx, { url: server.url('/podcast.xml') }, { allowPrivate: false })
    expect(result).toEqual({
      ok: false,
      failure: {
        error: 'unprocessable',
        message: expect.stringMatching(
          /could not be fetched: refused: 127\.0\.0\.1 is a loopback address .*FEED_ALLOW_PRIVATE=1/,
        ),
      },
    })
    expect(databaseChecksum(ctx.sqlite)).toBe(before)
    expect(server.requests).toEqual([])
  })

  it.each([
    ['broken/not-xml.xml', /cannot be read as a podcast feed/],
    ['broken/malformed.xml', /malformed XML at line \d+/],
    ['broken/not-rss.xml', /cannot be read as a podcast feed/],
    ['broken/html-page.xml', /cannot be read as a podcast feed/],
    ['missing.xml', /could not be fetched: .*404/],
  ])('refuses %s with a clear message and changes nothing', async (path, message) => {
    const ctx = await emptyContext()
    const before = databaseChecksum(ctx.sqlite)
    const result = await addFeed(ctx, { url: server.url(`/${path}`) }, PRIVATE)
    expect(result).toEqual({
      ok: false,
      failure: { error: 'unprocessable', message: expect.stringMatching(message) },
    })
    expect(databaseChecksum(ctx.sqlite)).toBe(before)
  })

  it('reports duplicate guids and items without identity, and imports the rest', async () => {
    const ctx = await emptyContext()
    const report = value(await addFeed(ctx, { url: server.url('/broken/duplicate-guids.xml') }, PRIVATE))
    expect(report.episodes.map((e) => e.title)).toEqual(['First', 'No guid, same enclosure as the fourth'])
    expect(report.problems).toEqual([
      expect.stringMatching(/duplicate guid "episode": item 2 \("Second, same guid"\) skipped/),
      expect.stringMatching(/duplicate guid ".*shared\.mp3"/),
      expect.stringMatching(/neither a <guid> nor an enclosure URL; skipped/),
    ])
    expect(rows(ctx.sqlite, `SELECT title FROM Episode ORDER BY id`)).toHaveLength(2)
  })

  it('says why an episode has no transcript: a 404, a file that fails to parse; the rest goes on', async () => {
    const ctx = await emptyContext()
    server.behave('/transcripts/s2e2.srt', { status: 404 })
    server.swap('/transcripts/s1e9.html', '\u0000\u0001binary garbage\u0000')
    const report = value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const byGuid = Object.fromEntries(report.episodes.map((e) => [e.guid, e]))
    expect(byGuid['tidal-hour-s2e2']).toMatchObject({
      outcome: 'no-transcript',
      noTranscript: 'fetch-failed',
      reason: expect.stringMatching(/s2e2\.srt could not be fetched: .*404/),
    })
    expect(byGuid['tidal-hour-s1e9']).toMatchObject({
      outcome: 'no-transcript',
      noTranscript: 'parse-failed',
      reason: expect.stringMatching(/s1e9\.html \(text\/html\) cannot be read/),
    })
    expect(byGuid['tidal-hour-s2e4']!.outcome).toBe('imported')
    // Nothing partial: the episodes are there with their audio, without a half transcript.
    const partial = rows<{ n: number }>(
      ctx.sqlite,
      `SELECT count(*) AS n FROM Sentence s JOIN Episode e ON e.id = s.episodeId WHERE e.guid IN ('tidal-hour-s2e2', 'tidal-hour-s1e9')`,
    )
    expect(partial).toEqual([{ n: 0 }])
    // A failed fetch keeps the feed's validators unset, so the next refresh reads the feed again.
    expect(ctx.sqlite.prepare(`SELECT feedEtag FROM Show`).get()).toEqual({ feedEtag: null })
    server.reset()
    const retried = value(await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE))
    expect(Object.fromEntries(retried.episodes.map((e) => [e.guid, e.outcome]))).toMatchObject({
      'tidal-hour-s2e2': 'updated',
      'tidal-hour-s1e9': 'updated',
      'tidal-hour-s2e4': 'unchanged',
    })
  })

  it('refuses the second of two adds of the same feed at once with a clear message, never a 500', async () => {
    const ctx = await emptyContext()
    // Both pass the "already a show?" check before either has fetched the feed.
    server.delay('/podcast.xml', 200)
    const [first, second] = await Promise.all([
      addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE),
      addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE),
    ])
    const results = [first, second]
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toEqual({
      ok: false,
      failure: {
        error: 'unprocessable',
        message: 'That feed is already the show “The Tidal Hour” (the-tidal-hour); refresh it instead.',
      },
    })
    expect(rows(ctx.sqlite, `SELECT count(*) AS n FROM Show`)).toEqual([{ n: 1 }])
  })

  it('is for hosts only', async () => {
    const listener = await emptyContext({ ...HOST, role: 'listener' })
    expect(await addFeed(listener, { url: server.url('/podcast.xml') }, PRIVATE)).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    const nobody = await emptyContext(null)
    expect(await refreshFeed(nobody, { showSlug: 'x' })).toMatchObject({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    expect(server.requests).toEqual([])
  })

  it('refuses a URL that is not http(s) as invalid input', async () => {
    const ctx = await emptyContext()
    const result = await addFeed(ctx, { url: 'file:///etc/passwd' }, PRIVATE)
    expect(result).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { url: [expect.stringMatching(/http/)] } },
    })
  })
})

describe('refreshFeed', () => {
  it('reports every episode unchanged on an unchanged feed, and writes nothing', async () => {
    const ctx = await emptyContext()
    value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const dataVersion = dataVersionWatcher(ctx)
    const checksum = databaseChecksum(ctx.sqlite)
    const version = dataVersion()
    const changes = ctx.sqlite.prepare(`SELECT total_changes() AS n`).get()

    // Conditional GET: 304.
    const second = value(await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE))
    expect(second.feed).toBe('not-modified')
    expect(second.episodes).toHaveLength(5)
    expect(second.episodes.every((e) => e.outcome === 'unchanged')).toBe(true)
    // Read again in full (no validators): every item compared, still nothing written.
    const third = value(
      await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, { ...PRIVATE, unconditional: true }),
    )
    expect(third.feed).toBe('fetched')
    expect(outcomes(third)).toEqual(Object.fromEntries(third.episodes.map((e) => [e.guid, 'unchanged'])))
    expect(third.episodes).toHaveLength(5)

    expect(databaseChecksum(ctx.sqlite)).toBe(checksum)
    expect(dataVersion()).toBe(version)
    expect(ctx.sqlite.prepare(`SELECT total_changes() AS n`).get()).toEqual(changes)
    expect(server.requests.find((r) => r.path === '/podcast.xml' && r.status === 304)).toBeDefined()
  })

  it('re-imports a changed transcript: comments stay on their sentences, host corrections are kept and reported', async () => {
    const ctx = await emptyContext()
    value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const db = ctx.sqlite
    const episodeId = (
      db.prepare(`SELECT id FROM Episode WHERE guid = 'tidal-hour-s2e4'`).get() as { id: number }
    ).id
    const sentences = () =>
      rows<{ id: number; text: string; version: number }>(
        db,
        `SELECT id, text, version FROM Sentence WHERE episodeId = ? ORDER BY position`,
        episodeId,
      )
    const before = sentences()
    const insertComment = db.prepare(
      `INSERT INTO Comment (episodeId, sentenceId, authorId, quote, body) VALUES (?, ?, 'host', ?, 'note')`,
    )
    for (const s of before) insertComment.run(episodeId, s.id, s.text)
    // The host corrects one sentence in Hearsay.
    const corrected = before.find((s) => s.text.startsWith('Today we are reading the tides'))!
    const edit = await inWriteTransaction(db, () =>
      changeSentence(
        db,
        corrected.id,
        { text: 'Today we are reading the tides with Dr. Ada Mensah.', version: corrected.version },
        { authorId: 'host', kind: 'edit' },
        new Date(),
      ),
    )
    expect(edit.ok).toBe(true)

    // The feed's transcript changes: a fix elsewhere, and another wording of the host's sentence.
    const original = readFileSync(
      new URL('../../tests/fixtures/feeds/transcripts/s2e4.json', import.meta.url),
      'utf8',
    )
    const changed = original
      .replace(
        'Tides are the slowest waves you will ever see.',
        'Tides are the slowest waves you will ever sea.',
      )
      .replace(
        'Today we are reading the tides with Doctor Ada Mensah.',
        'Today we are reading tides with Doctor Ada Mensah.',
      )
    expect(changed).not.toBe(original)
    server.swap('/transcripts/s2e4.json', changed)

    const report = value(
      await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, { ...PRIVATE, unconditional: true }),
    )
    const s2e4 = report.episodes.find((e) => e.guid === 'tidal-hour-s2e4')!
    expect(s2e4).toMatchObject({ outcome: 'updated', changes: ['transcript'] })
    expect(s2e4.conflicts).toEqual([
      expect.objectContaining({
        sentenceId: corrected.id,
        oldText: 'Today we are reading the tides with Doctor Ada Mensah.',
        hostText: 'Today we are reading the tides with Dr. Ada Mensah.',
        newText: 'Today we are reading tides with Doctor Ada Mensah.',
      }),
    ])
    expect(
      report.episodes.filter((e) => e.guid !== 'tidal-hour-s2e4').every((e) => e.outcome === 'unchanged'),
    ).toBe(true)

    const after = sentences()
    expect(after.map((s) => s.id)).toEqual(before.map((s) => s.id))
    expect(after.find((s) => s.id === corrected.id)!.text).toBe(
      'Today we are reading the tides with Dr. Ada Mensah.',
    )
    expect(after.some((s) => s.text === 'Tides are the slowest waves you will ever sea.')).toBe(true)
    // Every comment still on the sentence its quote matches best.
    const comments = rows<{ sentenceId: number; quote: string }>(
      db,
      `SELECT sentenceId, quote FROM Comment WHERE episodeId = ?`,
      episodeId,
    )
    expect(comments).toHaveLength(before.length)
    for (const c of comments) {
      const on = after.find((s) => s.id === c.sentenceId)!
      expect(quoteShare(c.quote, on.text)).toBe(Math.max(...after.map((s) => quoteShare(c.quote, s.text))))
    }
    // The re-import wrote a revision for what it changed, naming the transcript URL.
    expect(rows(db, `SELECT authorId, reason, afterText FROM Revision WHERE kind = 'import'`)).toEqual([
      {
        authorId: IMPORT_AUTHOR_ID,
        reason: `Re-imported from ${server.url('/transcripts/s2e4.json')}`,
        afterText: 'Tides are the slowest waves you will ever sea.',
      },
    ])
    expect(rows(db, `SELECT count(*) AS n FROM ImportConflict WHERE episodeId = ?`, episodeId)).toEqual([
      { n: 1 },
    ])

    // A feed that breaks later changes nothing either.
    const checksum = databaseChecksum(db)
    server.swap('/podcast.xml', '<rss><channel><title>Broken')
    const broken = await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE)
    expect(broken).toMatchObject({
      ok: false,
      failure: { error: 'unprocessable', message: expect.stringMatching(/malformed XML/) },
    })
    expect(databaseChecksum(db)).toBe(checksum)
  })

  it('keeps episodes that vanish from the feed', async () => {
    const ctx = await emptyContext()
    value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const feed = readFileSync(new URL('../../tests/fixtures/feeds/podcast.xml', import.meta.url), 'utf8')
    const withoutTrailer = feed.replace(/<item>\s*<title>Trailer[\s\S]*?<\/item>/, '')
    expect(withoutTrailer).not.toBe(feed)
    server.swap('/podcast.xml', withoutTrailer.replaceAll('{{ORIGIN}}', server.origin))
    const report = value(await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE))
    expect(report.episodes).toHaveLength(4)
    expect(rows(ctx.sqlite, `SELECT count(*) AS n FROM Episode`)).toEqual([{ n: 5 }])
  })

  it("keeps an episode title a host corrected, and takes the feed's other changes", async () => {
    const ctx = await emptyContext()
    value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const [episode] = rows<{ slug: string }>(
      ctx.sqlite,
      `SELECT slug FROM Episode WHERE guid = 'tidal-hour-s2e4'`,
    )
    const edited = await updateEpisode(ctx, {
      slug: episode!.slug,
      body: { title: 'Reading the Tides (corrected)' },
    })
    expect(edited.ok).toBe(true)
    const feed = readFileSync(new URL('../../tests/fixtures/feeds/podcast.xml', import.meta.url), 'utf8')
    const changed = feed
      .replace('<title>Reading the tides</title>', '<title>Reading the tides, again</title>')
      .replace('<itunes:duration>1:40</itunes:duration>', '<itunes:duration>1:50</itunes:duration>')
    server.swap('/podcast.xml', changed.replaceAll('{{ORIGIN}}', server.origin))
    const report = value(await refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE))
    expect(report.episodes.find((e) => e.guid === 'tidal-hour-s2e4')?.changes).toContain('metadata')
    expect(
      rows(
        ctx.sqlite,
        `SELECT title, durationMs, hostEditedFields FROM Episode WHERE guid = 'tidal-hour-s2e4'`,
      ),
    ).toEqual([{ title: 'Reading the Tides (corrected)', durationMs: 110_000, hostEditedFields: 'title' }])
  })

  it('writes a new episode once when two refreshes run at the same time', async () => {
    const ctx = await emptyContext()
    value(await addFeed(ctx, { url: server.url('/podcast.xml') }, PRIVATE))
    const feed = readFileSync(new URL('../../tests/fixtures/feeds/podcast.xml', import.meta.url), 'utf8')
    const newItem = `<item>
      <title>Slack water</title>
      <guid isPermaLink="false">tidal-hour-s2e5</guid>
      <pubDate>Tue, 24 Nov 2026 06:00:00 GMT</pubDate>
      <enclosure url="{{ORIGIN}}/audio/s2e5.mp3" length="1000" type="audio/mpeg"/>
      <podcast:transcript url="{{ORIGIN}}/transcripts/s2e5.srt" type="application/x-subrip"/>
    </item>
    <item>`
    const withNewItem = feed.replace('<item>', newItem)
    server.swap('/podcast.xml', withNewItem.replaceAll('{{ORIGIN}}', server.origin))
    server.swap(
      '/transcripts/s2e5.srt',
      readFileSync(new URL('../../tests/fixtures/feeds/transcripts/s2e2.srt', import.meta.url)),
    )
    // Both refreshes plan the new item (not stored yet) before either writes it.
    server.delay('/transcripts/s2e5.srt', 300)
    const reports = (
      await Promise.all([
        refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE),
        refreshFeed(ctx, { showSlug: 'the-tidal-hour' }, PRIVATE),
      ])
    ).map(value)
    const newOutcomes = reports.map((report) => outcomes(report)['tidal-hour-s2e5']).sort()
    expect(newOutcomes).toEqual(['imported', 'unchanged'])
    for (const report of reports) expect(report.failed).toBe(false)
    expect(
      rows(
        ctx.sqlite,
        `SELECT count(*) AS n, (SELECT count(*) FROM Sentence s WHERE s.episodeId = e.id) > 0 AS sentences
         FROM Episode e WHERE guid = 'tidal-hour-s2e5'`,
      ),
    ).toEqual([{ n: 1, sentences: 1 }])
  })

  it('answers not found for a show that does not exist', async () => {
    const ctx = await emptyContext()
    expect(await refreshFeed(ctx, { showSlug: 'nope' }, PRIVATE)).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'show' },
    })
  })
})
