// "When a topic came up": matches per month (per year over long spans, per episode for one
// show) over publish dates, one series per show, from the per-episode counts of
// episode-matches.ts. Pure, so the page renders it as SVG on the server and tests read it.
//
// An episode without a publish date is placed by when it was imported, as the after:/before:
// filters count it, so a bar's narrowed search finds exactly that bar's matches. When no episode
// has a publish date, months would say only when the transcripts were imported: the bars are
// then episodes in import order instead, and the chart says so.
import type { EpisodeMatchCount } from '@/lib/search/episode-matches'

export type TimelineUnit = 'month' | 'year' | 'episode'

export interface TimelineBucket {
  /** What the bar stands for: "Mar 2024", "2024", or an episode's title and date. */
  label: string
  /** The after:/before: values that narrow a search to this bar (absent for undated episodes). */
  period?: { after: string; before: string }
  /** For a bar that is one episode. */
  episode?: { slug: string; title: string }
}

export interface TimelineSeries {
  /** The show of this row; null for "Other shows". */
  show: { slug: string; title: string } | null
  /** Matches per bucket, in bucket order. */
  counts: number[]
  matches: number
}

export interface Timeline {
  unit: TimelineUnit
  buckets: TimelineBucket[]
  series: TimelineSeries[]
  /** The tallest bar over every series (one scale for all rows, so rows compare). */
  max: number
  episodes: number
  /** Episodes placed by their import date or order because they have no publish date. */
  undatedEpisodes: number
}

/** Rows beyond this many shows are summed into "Other shows". */
export const MAX_SHOW_SERIES = 5
/** One bar per episode of one show only up to this many episodes. */
export const MAX_EPISODE_BARS = 60
/** Month bars up to this many months; years beyond. */
export const MAX_MONTH_BARS = 120

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** Where an episode sits on the time axis: its publish date, else its import date (ISO). */
export function placedAt(episode: Pick<EpisodeMatchCount, 'publishedAt' | 'importedAt'>): string {
  return episode.publishedAt ?? episode.importedAt
}

/**
 * The chart for these per-episode counts, or null when nothing matched. `oneShow`: the search
 * is narrowed to one show, so episodes (when few) make better bars than months.
 */
export function buildTimeline(rows: EpisodeMatchCount[], options: { oneShow: boolean }): Timeline | null {
  const counted = rows.filter((row) => row.matches > 0)
  if (counted.length === 0) return null
  const undatedEpisodes = counted.filter((row) => row.publishedAt === null).length
  const shows = new Set(counted.map((row) => row.showSlug))
  const byEpisode =
    undatedEpisodes === counted.length ||
    (options.oneShow && shows.size === 1 && counted.length <= MAX_EPISODE_BARS)
  const axis = byEpisode ? episodeAxis(counted, undatedEpisodes === counted.length) : periodAxis(counted)
  const series = showSeries(counted, axis)
  return {
    unit: axis.unit,
    buckets: axis.buckets,
    series,
    max: Math.max(...series.flatMap((row) => row.counts)),
    episodes: counted.length,
    undatedEpisodes,
  }
}

interface Axis {
  unit: TimelineUnit
  buckets: TimelineBucket[]
  /** The bucket an episode's matches fall in. */
  indexOf(row: EpisodeMatchCount): number
}

// One bar per episode, by publish date (import date when it has none), or in import order when
// none has a publish date.
function episodeAxis(rows: EpisodeMatchCount[], importOrder: boolean): Axis {
  const key = (row: EpisodeMatchCount) => (importOrder ? row.importedAt : placedAt(row))
  const ordered = [...rows].sort((a, b) => key(a).localeCompare(key(b)) || a.episodeId - b.episodeId)
  const index = new Map(ordered.map((row, i) => [row.episodeId, i]))
  return {
    unit: 'episode',
    buckets: ordered.map((row) => {
      const day = placedAt(row).slice(0, 10)
      return {
        label: row.publishedAt === null ? `${row.title} (no publish date)` : `${row.title} (${day})`,
        episode: { slug: row.slug, title: row.title },
        ...(row.publishedAt !== null && { period: { after: day, before: nextDay(day) } }),
      }
    }),
    indexOf: (row) => index.get(row.episodeId) ?? 0,
  }
}

// Every month (or year) from the first match to the last, empty ones included, so gaps show.
function periodAxis(rows: EpisodeMatchCount[]): Axis {
  const months = rows.map((row) => monthNumber(placedAt(row)))
  const first = Math.min(...months)
  const last = Math.max(...months)
  if (last - first + 1 <= MAX_MONTH_BARS) {
    return {
      unit: 'month',
      buckets: range(first, last).map((month) => ({
        label: `${MONTHS[month % 12]} ${Math.floor(month / 12)}`,
        period: { after: monthText(month), before: monthText(month + 1) },
      })),
      indexOf: (row) => monthNumber(placedAt(row)) - first,
    }
  }
  const firstYear = Math.floor(first / 12)
  return {
    unit: 'year',
    buckets: range(firstYear, Math.floor(last / 12)).map((year) => ({
      label: String(year),
      period: { after: String(year), before: String(year + 1) },
    })),
    indexOf: (row) => Math.floor(monthNumber(placedAt(row)) / 12) - firstYear,
  }
}

// A row per show, the most matches first; past MAX_SHOW_SERIES the rest share one row.
function showSeries(rows: EpisodeMatchCount[], axis: Axis): TimelineSeries[] {
  const byShow = new Map<string, TimelineSeries>()
  for (const row of rows) {
    const series = byShow.get(row.showSlug) ?? {
      show: { slug: row.showSlug, title: row.showTitle },
      counts: axis.buckets.map(() => 0),
      matches: 0,
    }
    series.counts[axis.indexOf(row)]! += row.matches
    series.matches += row.matches
    byShow.set(row.showSlug, series)
  }
  const ranked = [...byShow.values()].sort(
    (a, b) => b.matches - a.matches || (a.show?.title ?? '').localeCompare(b.show?.title ?? ''),
  )
  if (ranked.length <= MAX_SHOW_SERIES) return ranked
  const kept = ranked.slice(0, MAX_SHOW_SERIES - 1)
  const others: TimelineSeries = { show: null, counts: axis.buckets.map(() => 0), matches: 0 }
  for (const series of ranked.slice(MAX_SHOW_SERIES - 1)) {
    series.counts.forEach((count, i) => (others.counts[i]! += count))
    others.matches += series.matches
  }
  return [...kept, others]
}

function monthNumber(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1
}

function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}
