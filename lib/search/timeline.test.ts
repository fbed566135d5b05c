// The "when a topic came up" chart data: months, years, episodes, shows, undated episodes; and
// the query a bar links to.
import { describe, expect, it } from 'vitest'
import type { EpisodeMatchCount } from './episode-matches'
import { narrowedQuery, withoutPeriod } from './period-query'
import { compileSearchQuery } from './query'
import { buildTimeline, MAX_SHOW_SERIES } from './timeline'

let id = 0
function episode(overrides: Partial<EpisodeMatchCount>): EpisodeMatchCount {
  id += 1
  return {
    episodeId: id,
    slug: `episode-${id}`,
    title: `Episode ${id}`,
    showSlug: 'talk',
    showTitle: 'Talk',
    publishedAt: '2024-03-10T09:00:00.000Z',
    importedAt: '2026-12-01T10:00:00.000Z',
    matches: 1,
    ...overrides,
  }
}

describe('the timeline', () => {
  it('counts matches per month from the first to the last, empty months included', () => {
    const timeline = buildTimeline(
      [
        episode({ publishedAt: '2024-01-31T23:00:00.000Z', matches: 3 }),
        episode({ publishedAt: '2024-01-02T00:00:00.000Z', matches: 2 }),
        episode({ publishedAt: '2024-04-15T00:00:00.000Z', matches: 7 }),
      ],
      { oneShow: false },
    )!
    expect(timeline.unit).toBe('month')
    expect(timeline.buckets.map((bucket) => bucket.label)).toEqual([
      'Jan 2024',
      'Feb 2024',
      'Mar 2024',
      'Apr 2024',
    ])
    expect(timeline.series).toEqual([
      { show: { slug: 'talk', title: 'Talk' }, counts: [5, 0, 0, 7], matches: 12 },
    ])
    expect(timeline.max).toBe(7)
    expect(timeline.buckets[0]!.period).toEqual({ after: '2024-01', before: '2024-02' })
    expect(timeline.buckets[3]!.period).toEqual({ after: '2024-04', before: '2024-05' })
  })

  it('crosses a year end, and turns to years over spans too long for month bars', () => {
    const months = buildTimeline(
      [episode({ publishedAt: '2023-12-05T00:00:00Z' }), episode({ publishedAt: '2024-01-05T00:00:00Z' })],
      { oneShow: false },
    )!
    expect(months.buckets.map((bucket) => bucket.period)).toEqual([
      { after: '2023-12', before: '2024-01' },
      { after: '2024-01', before: '2024-02' },
    ])
    const years = buildTimeline(
      [
        episode({ publishedAt: '2006-06-01T00:00:00Z' }),
        episode({ publishedAt: '2024-01-05T00:00:00Z', matches: 4 }),
      ],
      { oneShow: false },
    )!
    expect(years.unit).toBe('year')
    expect(years.buckets).toHaveLength(19)
    expect(years.buckets[0]).toEqual({ label: '2006', period: { after: '2006', before: '2007' } })
    expect(years.series[0]!.counts.at(-1)).toBe(4)
  })

  it('draws one row per show, the most matches first, on one scale', () => {
    const timeline = buildTimeline(
      [
        episode({ showSlug: 'a', showTitle: 'A', publishedAt: '2024-01-05T00:00:00Z', matches: 1 }),
        episode({ showSlug: 'b', showTitle: 'B', publishedAt: '2024-02-05T00:00:00Z', matches: 9 }),
        episode({ showSlug: 'a', showTitle: 'A', publishedAt: '2024-02-20T00:00:00Z', matches: 2 }),
      ],
      { oneShow: false },
    )!
    expect(timeline.series).toEqual([
      { show: { slug: 'b', title: 'B' }, counts: [0, 9], matches: 9 },
      { show: { slug: 'a', title: 'A' }, counts: [1, 2], matches: 3 },
    ])
    expect(timeline.max).toBe(9)
  })

  it('sums the shows past the last row into "Other shows"', () => {
    const rows = Array.from({ length: MAX_SHOW_SERIES + 2 }, (_, i) =>
      episode({ showSlug: `show-${i}`, showTitle: `Show ${i}`, matches: 10 - i }),
    )
    const timeline = buildTimeline(rows, { oneShow: false })!
    expect(timeline.series).toHaveLength(MAX_SHOW_SERIES)
    expect(timeline.series.at(-1)).toEqual({ show: null, counts: [6 + 5 + 4], matches: 15 })
  })

  it('places an episode without a publish date by its import date, and says how many', () => {
    const timeline = buildTimeline(
      [
        episode({ publishedAt: '2024-03-01T00:00:00Z', matches: 2 }),
        episode({ publishedAt: null, importedAt: '2024-05-20T08:00:00Z', matches: 3 }),
      ],
      { oneShow: false },
    )!
    expect(timeline.series[0]!.counts).toEqual([2, 0, 3])
    expect(timeline).toMatchObject({ undatedEpisodes: 1, episodes: 2 })
  })

  it('uses episodes in import order when none has a publish date', () => {
    const timeline = buildTimeline(
      [
        episode({ slug: 'second', publishedAt: null, importedAt: '2026-12-01T10:00:02Z', matches: 5 }),
        episode({ slug: 'first', publishedAt: null, importedAt: '2026-12-01T10:00:01Z', matches: 1 }),
      ],
      { oneShow: false },
    )!
    expect(timeline.unit).toBe('episode')
    expect(timeline.buckets.map((bucket) => bucket.episode?.slug)).toEqual(['first', 'second'])
    expect(timeline.buckets[0]!.period).toBeUndefined()
    expect(timeline.series[0]!.counts).toEqual([1, 5])
    expect(timeline.undatedEpisodes).toBe(2)
  })

  it('draws a bar per episode, by publish date, for a search narrowed to one show', () => {
    const rows = [
      episode({ slug: 'late', publishedAt: '2024-06-02T09:00:00Z', matches: 1 }),
      episode({ slug: 'early', publishedAt: '2024-01-31T09:00:00Z', matches: 4 }),
    ]
    expect(buildTimeline(rows, { oneShow: false })!.unit).toBe('month')
    const timeline = buildTimeline(rows, { oneShow: true })!
    expect(timeline.unit).toBe('episode')
    expect(timeline.buckets.map((bucket) => [bucket.episode?.slug, bucket.period])).toEqual([
      ['early', { after: '2024-01-31', before: '2024-02-01' }],
      ['late', { after: '2024-06-02', before: '2024-06-03' }],
    ])
  })

  it('is nothing when nothing matched', () => {
    expect(buildTimeline([], { oneShow: false })).toBeNull()
  })
})

describe('a bar’s narrowed query', () => {
  it('replaces any period, keeps phrases that mention one, and adds a show when asked', () => {
    expect(
      narrowedQuery('rust after:2020 speaker:ana before:2025-01', { after: '2024-03', before: '2024-04' }),
    ).toBe('rust speaker:ana after:2024-03 before:2024-04')
    expect(withoutPeriod('"meet after:lunch" rust -after:2024 BEFORE:"2023"')).toBe('"meet after:lunch" rust')
    const narrowed = narrowedQuery('rust', { after: '2024-03', before: '2024-04', show: 'talk-python' })
    expect(narrowed).toBe('rust after:2024-03 before:2024-04 show:talk-python')
    expect(compileSearchQuery(narrowed)).toMatchObject({
      ok: true,
      filters: { after: '2024-03-01', before: '2024-04-01', shows: ['talk-python'] },
    })
  })
})
