import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import { buildEpisode, buildSentences, writeEpisode } from '../seed/factories'
import { compileSearchQuery } from './query'
import { rankingFor, searchTranscripts, snippetToHtml, splitSnippet } from './search'
import { MATCH_END, MATCH_START, RANK_WINDOW } from './search-sql'

const EPISODE_ONE = `WEBVTT

00:00:00.000 --> 00:00:05.000
<v Ana Ortiz>SQLite keeps the whole database in one file.

00:00:05.000 --> 00:00:10.000
<v Ben>Litestream streams that file to a bucket.

00:00:10.000 --> 00:00:15.000
<v Ana Ortiz>Replication without a server <script>alert(1)</script> is the point.
`

const EPISODE_TWO = `WEBVTT

00:01:00.000 --> 00:01:05.000
<v Ben>Postgres is a fine database too.
`

function seeded() {
  const db = freshDatabase()
  importTranscript(db, { name: 'one.vtt', content: EPISODE_ONE }, { showSlug: 'small-db' })
  importTranscript(db, { name: 'two.vtt', content: EPISODE_TWO }, { showSlug: 'big-db' })
  return db
}

function texts(outcome: ReturnType<typeof searchTranscripts>): string[] {
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome.hits.map((hit) => hit.sentence.text)
}

describe('searching every transcript', () => {
  it('returns hits with their episode, show, time, speaker and a marked snippet', () => {
    const outcome = searchTranscripts(seeded(), { q: 'litestream' })
    expect(outcome).toMatchObject({ ok: true, total: 1 })
    expect(outcome.ok && outcome.hits[0]).toEqual({
      episode: { slug: 'one', title: 'One' },
      show: { slug: 'small-db', title: 'Small Db' },
      sentence: {
        id: expect.any(Number),
        startMs: 5000,
        speaker: 'Ben',
        text: 'Litestream streams that file to a bucket.',
      },
      snippet: [
        { text: 'Litestream', match: true },
        { text: ' streams that file to a bucket.', match: false },
      ],
    })
  })

  it('searches across episodes and shows, and narrows by show and by speaker', () => {
    const db = seeded()
    expect(texts(searchTranscripts(db, { q: 'database' })).sort()).toEqual([
      'Postgres is a fine database too.',
      'SQLite keeps the whole database in one file.',
    ])
    expect(texts(searchTranscripts(db, { q: 'database', show: 'big-db' }))).toEqual([
      'Postgres is a fine database too.',
    ])
    expect(texts(searchTranscripts(db, { q: 'database speaker:ana' }))).toEqual([
      'SQLite keeps the whole database in one file.',
    ])
    expect(texts(searchTranscripts(db, { q: 'database', speaker: 'nobody' }))).toEqual([])
  })

  it('lists a speaker’s sentences in transcript order when the query is only a filter', () => {
    expect(texts(searchTranscripts(seeded(), { q: 'speaker:"Ana Ortiz"' }))).toEqual([
      'SQLite keeps the whole database in one file.',
      'Replication without a server alert(1) is the point.',
    ])
  })

  it('pages with limit and offset while total stays the count of all matches', () => {
    const db = seeded()
    const first = searchTranscripts(db, { q: 'database', limit: 1, offset: 0 })
    const second = searchTranscripts(db, { q: 'database', limit: 1, offset: 1 })
    expect(first.ok && second.ok && [first.total, second.total]).toEqual([2, 2])
    expect([...texts(first), ...texts(second)].sort()).toEqual([
      'Postgres is a fine database too.',
      'SQLite keeps the whole database in one file.',
    ])
  })

  it('answers an unsearchable query with a message instead of an error', () => {
    expect(searchTranscripts(seeded(), { q: '   ' })).toEqual({
      ok: false,
      message: expect.stringMatching(/\w/),
    })
  })
})

describe('snippets', () => {
  it('split on the FTS5 markers, merging neighbouring matches', () => {
    expect(splitSnippet(`a ${MATCH_START}b${MATCH_END}${MATCH_START}c${MATCH_END} d`)).toEqual([
      { text: 'a ', match: false },
      { text: 'bc', match: true },
      { text: ' d', match: false },
    ])
  })

  it('become escaped HTML with <mark> around matches only', () => {
    expect(
      snippetToHtml([
        { text: '<img src=x onerror="alert(1)"> & ', match: false },
        { text: "it's", match: true },
      ]),
    ).toBe('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; <mark>it&#39;s</mark>')
  })
})

describe('ranking a very common word', () => {
  function manySentences(count: number) {
    const db = freshDatabase()
    // Every 7th sentence is short, so bm25 ranks it above its longer neighbours.
    const sentences = Array.from({ length: count }, (_, index) =>
      index % 7 === 0
        ? `Common word ${index}.`
        : `The common word again in a longer sentence number ${index}.`,
    )
    writeEpisode(db, buildEpisode({ transcript: { sentences: buildSentences(sentences) } }))
    return db
  }

  // Required terms are ranked by length in their window, alternatives by bm25 in theirs (search.ts rankingFor).
  it.each([
    { q: 'common', ranking: 'length' as const },
    { q: 'common word', ranking: 'length' as const },
    { q: 'common OR absent', ranking: 'bm25' as const },
  ])(
    'pages through every match of $q exactly once, ranked inside the $ranking window and newest first after it',
    ({ q, ranking }) => {
      const compiled = compileSearchQuery(q)
      expect(compiled.ok && rankingFor(compiled.groups)).toBe(ranking)
      const window = RANK_WINDOW[ranking]
      const db = manySentences(window + 150)
      const seen: number[] = []
      for (let offset = 0; offset < window + 150; offset += 100) {
        const outcome = searchTranscripts(db, { q, limit: 100, offset })
        expect(outcome.ok && outcome.total).toBe(window + 150)
        seen.push(...(outcome.ok ? outcome.hits.map((hit) => hit.sentence.id) : []))
      }
      expect(seen).toHaveLength(window + 150)
      expect(new Set(seen).size).toBe(window + 150)
      const windowIds = seen.slice(0, window)
      const olderIds = seen.slice(window)
      expect(Math.min(...windowIds)).toBeGreaterThan(Math.max(...olderIds))
      expect(olderIds).toEqual([...olderIds].sort((a, b) => b - a))
      const firstPage = searchTranscripts(db, { q, limit: 5 })
      expect(
        firstPage.ok && firstPage.hits.map((hit) => hit.sentence.text.startsWith('Common word')),
      ).toEqual([true, true, true, true, true])
    },
  )

  it('returns an empty page, with the total, past the last match', () => {
    const outcome = searchTranscripts(seeded(), { q: 'database', offset: 50 })
    expect(outcome).toEqual({
      ok: true,
      total: 2,
      hits: [],
      description: expect.any(String),
      terms: ['database'],
    })
  })
})
