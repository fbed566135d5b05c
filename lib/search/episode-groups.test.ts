// Counts per episode (the one aggregation statement), groups with their best sentences, sort by
// relevance or date, and the same query scoped to one episode.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import {
  episodeCounts,
  hitsByDate,
  matchIdsInEpisode,
  orderEpisodes,
  resolveSearch,
  searchByEpisode,
  type ResolvedSearch,
} from './episode-groups'
import { matchCountsByEpisode, type EpisodeMatchCount } from './episode-matches'

function vtt(lines: string[]): string {
  const clock = (s: number) =>
    `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`
  return `WEBVTT\n\n${lines.map((text, i) => `${clock(i * 5)} --> ${clock(i * 5 + 5)}\n${text}\n`).join('\n')}`
}

function seeded() {
  const db = freshDatabase()
  const add = (name: string, show: string, lines: string[], publishedAt?: string, importedAt?: string) =>
    importTranscript(
      db,
      { name: `${name}.vtt`, content: vtt(lines) },
      {
        showSlug: show,
        metadata: publishedAt ? { publishedAt: new Date(publishedAt) } : {},
        ...(importedAt && { now: () => new Date(importedAt) }),
      },
    )
  add(
    'rust-intro',
    'talk',
    [
      '<v Ana>Rust has a borrow checker.',
      '<v Ben>Weather today is fine.',
      '<v Ana>Rust compiles slowly, people say.',
      '<v Ben>Rust and Python get along.',
      '<v Ana>Rust again, the fourth time.',
    ],
    '2024-01-15T09:00:00Z',
  )
  add('rust-later', 'talk', ['<v Ana>Some Rust in March.', '<v Ben>Nothing else.'], '2024-03-20T09:00:00Z')
  add(
    'bytes-one',
    'bytes',
    ['<v Cy>Rust for embedded boards.', '<v Cy>More Rust news.', '<v Cy>Litestream streams the database.'],
    '2024-03-02T09:00:00Z',
  )
  add(
    'bytes-undated',
    'bytes',
    ['<v Cy>A Rust crate we liked.', '<v Cy>The write ahead.', '<v Cy>Log files.'],
    undefined,
    '2025-06-01T12:00:00Z',
  )
  return db
}

function resolved(db: ReturnType<typeof seeded>, q: string, extra: { show?: string; speaker?: string } = {}) {
  const search = resolveSearch(db, { q, ...extra })
  if (!search.ok) throw new Error(search.message)
  return search as ResolvedSearch
}

const bySlug = (rows: EpisodeMatchCount[]) => Object.fromEntries(rows.map((row) => [row.slug, row.matches]))

describe('matches counted per episode', () => {
  it('counts matching sentences of each episode in one statement, with dates for the chart', () => {
    const db = seeded()
    const { episodes, capped } = matchCountsByEpisode(db, '"rust"', { speakers: [], shows: [] })
    expect(capped).toBe(false)
    expect(bySlug(episodes)).toEqual({ 'rust-intro': 4, 'rust-later': 1, 'bytes-one': 2, 'bytes-undated': 1 })
    const undated = episodes.find((row) => row.slug === 'bytes-undated')!
    expect(undated).toMatchObject({
      publishedAt: null,
      importedAt: '2025-06-01T12:00:00.000Z',
      showSlug: 'bytes',
    })
    expect(episodes[0]).toMatchObject({
      slug: 'rust-intro',
      publishedAt: '2024-01-15T09:00:00.000Z',
      showTitle: 'Talk',
    })
  })

  it('applies speaker, show and date filters as the search does', () => {
    const db = seeded()
    const count = (filters: Parameters<typeof matchCountsByEpisode>[2]) =>
      bySlug(matchCountsByEpisode(db, '"rust"', filters).episodes)
    expect(count({ speakers: ['ben'], shows: [] })).toEqual({ 'rust-intro': 1 })
    expect(count({ speakers: [], shows: ['bytes'] })).toEqual({ 'bytes-one': 2, 'bytes-undated': 1 })
    expect(count({ speakers: [], shows: [], after: '2024-03-01', before: '2024-04-01' })).toEqual({
      'rust-later': 1,
      'bytes-one': 2,
    })
    // The undated episode counts by its import date, as after:/before: do.
    expect(count({ speakers: [], shows: [], after: '2025-01-01' })).toEqual({ 'bytes-undated': 1 })
  })

  it('counts every sentence of a filter-only query', () => {
    expect(bySlug(matchCountsByEpisode(seeded(), null, { speakers: ['cy'], shows: [] }).episodes)).toEqual({
      'bytes-one': 3,
      'bytes-undated': 3,
    })
  })
})

describe('results grouped by episode', () => {
  it('gives each episode its number of matches, its best three sentences and the chart', () => {
    const results = searchByEpisode(seeded(), { q: 'rust', sort: 'relevance', page: 1 })
    if (!results.ok) throw new Error(results.message)
    expect(results).toMatchObject({ episodes: 4, matches: 8, pages: 1, capped: false })
    const intro = results.groups.find((group) => group.episode.slug === 'rust-intro')!
    expect(intro.matches).toBe(4)
    expect(intro.hits).toHaveLength(3)
    for (const hit of intro.hits) {
      expect(hit.episode.slug).toBe('rust-intro')
      expect(hit.snippet.some((part) => part.match && part.text === 'Rust')).toBe(true)
      expect(hit.sentence.speaker).toMatch(/Ana|Ben/)
    }
    expect(results.timeline).toMatchObject({ unit: 'month', undatedEpisodes: 1, episodes: 4 })
    expect(results.timeline!.series.map((series) => [series.show?.slug, series.matches])).toEqual([
      ['talk', 5],
      ['bytes', 3],
    ])
  })

  it('sorts groups by date, newest first, an undated episode by its import date', () => {
    const results = searchByEpisode(seeded(), { q: 'rust', sort: 'date', page: 1 })
    if (!results.ok) throw new Error(results.message)
    expect(results.groups.map((group) => group.episode.slug)).toEqual([
      'bytes-undated',
      'rust-later',
      'bytes-one',
      'rust-intro',
    ])
  })

  it('orders by relevance where each episode’s best hit ranks, then by matches, then newest', () => {
    const rows = [
      { slug: 'a', matches: 1, publishedAt: '2024-01-01', importedAt: '2024-01-01', episodeId: 1 },
      { slug: 'b', matches: 5, publishedAt: '2023-01-01', importedAt: '2023-01-01', episodeId: 2 },
      { slug: 'c', matches: 5, publishedAt: '2025-01-01', importedAt: '2025-01-01', episodeId: 3 },
      { slug: 'd', matches: 2, publishedAt: '2022-01-01', importedAt: '2022-01-01', episodeId: 4 },
    ] as EpisodeMatchCount[]
    const slugs = (sorted: EpisodeMatchCount[]) => sorted.map((row) => row.slug)
    expect(slugs(orderEpisodes(rows, ['d', 'a', 'd'], 'relevance'))).toEqual(['d', 'a', 'c', 'b'])
    expect(slugs(orderEpisodes(rows, ['d', 'a'], 'date'))).toEqual(['c', 'a', 'b', 'd'])
  })

  it('groups an episode found only through a passage, with its passage', () => {
    const results = searchByEpisode(seeded(), { q: 'ahead log', sort: 'relevance', page: 1 })
    if (!results.ok) throw new Error(results.message)
    expect(results.groups).toHaveLength(1)
    expect(results.groups[0]).toMatchObject({ episode: { slug: 'bytes-undated' }, matches: 1 })
    expect(results.groups[0]!.hits[0]!.passage?.sentences).toHaveLength(2)
  })

  it('counts and charts the corrected query when a word was misspelt', () => {
    const results = searchByEpisode(seeded(), { q: 'litestraem', sort: 'relevance', page: 1 })
    if (!results.ok) throw new Error(results.message)
    expect(results.query).toBe('litestream')
    expect(results.groups.map((group) => [group.episode.slug, group.matches])).toEqual([['bytes-one', 1]])
  })

  it('pages groups and reports a page past the end as empty', () => {
    const results = searchByEpisode(seeded(), { q: 'rust', sort: 'date', page: 2 })
    expect(results).toMatchObject({ ok: true, groups: [], episodes: 4 })
  })
})

describe('one episode’s matches', () => {
  it('lists matching sentence ids in transcript order for find-in-this-episode', () => {
    const db = seeded()
    const episodeId = (db.prepare(`SELECT id FROM Episode WHERE slug = 'rust-intro'`).get() as { id: number })
      .id
    const ids = (
      db.prepare(`SELECT id, text FROM Sentence WHERE episodeId = ? ORDER BY position`).all(episodeId) as {
        id: number
        text: string
      }[]
    ).filter((row) => row.text.includes('Rust'))
    const found = matchIdsInEpisode(db, resolved(db, 'rust'), { id: episodeId, slug: 'rust-intro' })
    expect(found).toEqual({ total: 4, sentenceIds: ids.map((row) => row.id) })
    // Stemming, and the grammar: a speaker filter narrows inside the episode too.
    expect(
      matchIdsInEpisode(db, resolved(db, 'compile speaker:ana'), { id: episodeId, slug: 'rust-intro' }).total,
    ).toBe(1)
    expect(matchIdsInEpisode(db, resolved(db, 'litestream'), { id: episodeId, slug: 'rust-intro' })).toEqual({
      total: 0,
      sentenceIds: [],
    })
  })

  it('pages hits by date across episodes, each episode’s best first', () => {
    const db = seeded()
    const search = resolved(db, 'rust')
    const all = hitsByDate(db, search, { limit: 100, offset: 0 })
    expect(all.total).toBe(8)
    expect(all.hits.map((hit) => hit.episode.slug)).toEqual([
      'bytes-undated',
      'rust-later',
      'bytes-one',
      'bytes-one',
      'rust-intro',
      'rust-intro',
      'rust-intro',
      'rust-intro',
    ])
    const middle = hitsByDate(db, search, { limit: 3, offset: 3 })
    expect(middle.hits.map((hit) => hit.sentence.id)).toEqual(
      all.hits.slice(3, 6).map((hit) => hit.sentence.id),
    )
    expect(episodeCounts(db, search).episodes).toHaveLength(4)
  })
})
