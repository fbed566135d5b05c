// Matches counted per episode, and the matches inside one episode: the SQL behind the "when a
// topic came up" chart, the per-episode result groups and find-in-this-episode.
//
// Both take the MATCH expression search.ts compiled (every user term quoted by query.ts), or
// null for a query of filters only, and the same filters; statements take plain parameters.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { SearchFilters } from '@/lib/search/query'
import { filterClause, HIT_COLUMNS, JOINS, type SentenceHitRow } from '@/lib/search/search-sql'

/** The chart and the groups count at most this many episodes (the most matches first). */
export const MAX_COUNTED_EPISODES = 5000
/** Find-in-this-episode lists at most this many matches. */
export const MAX_EPISODE_MATCHES = 1000

export interface EpisodeMatchCount {
  episodeId: number
  slug: string
  title: string
  showSlug: string
  showTitle: string
  /** ISO date-time from the feed or the import, or null when nothing said. */
  publishedAt: string | null
  /** When it was imported (created, if never): where an episode without a publish date is placed. */
  importedAt: string
  matches: number
}

// The speaker filter applies to each sentence; show and date filters to the episode as a whole,
// so they can wait until the matches are counted per episode (one row per episode, not per match).
function splitFilters(filters: SearchFilters) {
  return {
    perSentence: filterClause({ speakers: filters.speakers, shows: [] }),
    perEpisode: filterClause({
      speakers: [],
      shows: filters.shows,
      after: filters.after,
      before: filters.before,
    }),
  }
}

const EPISODE_COLUMNS = `e.id AS episodeId, e.slug, e.title, sh.slug AS showSlug, sh.title AS showTitle,
  e.publishedAt, coalesce(e.importedAt, e.createdAt) AS importedAt`

/**
 * The chart and the groups count at most this many matching sentences, the newest first. Each
 * costs a rowid lookup for its episode (about 1-2 µs), so a word in every third sentence ("the":
 * ~150,000 of the corpus) would cost a quarter of a second; a topic stays far below the cap.
 */
export const MAX_COUNTED_MATCHES = 20_000

export interface EpisodeCounts {
  episodes: EpisodeMatchCount[]
  /** True when more sentences matched than MAX_COUNTED_MATCHES: the newest of them were counted. */
  capped: boolean
}

/**
 * Matching sentences counted per episode, the most first, in one statement: the FTS5 match
 * (the newest MAX_COUNTED_MATCHES at most) joined to its sentences' episode ids and grouped,
 * then joined to the episodes' dates. Its cost grows with the matches counted, not the hits shown.
 */
export function matchCountsByEpisode(
  db: SqliteDatabase,
  match: string | null,
  filters: SearchFilters,
): EpisodeCounts {
  const { perSentence, perEpisode } = splitFilters(filters)
  const matched =
    match === null
      ? { sql: `SELECT s.id FROM Sentence s WHERE 1 = 1${perSentence.sql}`, params: perSentence.params }
      : { sql: `SELECT rowid AS id FROM SentenceFts WHERE SentenceFts MATCH ?`, params: [match] }
  const speakerFilter = match === null ? { sql: '', params: [] } : perSentence
  const { seen } = db
    .prepare(`SELECT count(*) AS seen FROM (${matched.sql} LIMIT ?)`)
    .get(...matched.params, MAX_COUNTED_MATCHES + 1) as { seen: number }
  const rows = db
    .prepare(
      `WITH matched AS (${matched.sql} ORDER BY id DESC LIMIT ?),
       counted AS (SELECT s.episodeId, count(*) AS matches FROM matched JOIN Sentence s ON s.id = matched.id
                   WHERE 1 = 1${speakerFilter.sql} GROUP BY s.episodeId)
       SELECT ${EPISODE_COLUMNS}, counted.matches
       FROM counted JOIN Episode e ON e.id = counted.episodeId JOIN Show sh ON sh.id = e.showId
       WHERE 1 = 1${perEpisode.sql}
       ORDER BY counted.matches DESC, e.id LIMIT ?`,
    )
    .all(
      ...matched.params,
      MAX_COUNTED_MATCHES,
      ...speakerFilter.params,
      ...perEpisode.params,
      MAX_COUNTED_EPISODES,
    )
  return { episodes: (rows as EpisodeMatchCount[]).map(withIsoDates), capped: seen > MAX_COUNTED_MATCHES }
}

/** Episodes by slug with no matches counted, for episodes found only through passages. */
export function episodesBySlugs(db: SqliteDatabase, slugs: string[]): EpisodeMatchCount[] {
  if (slugs.length === 0) return []
  const rows = db
    .prepare(
      `SELECT ${EPISODE_COLUMNS}, 0 AS matches FROM Episode e JOIN Show sh ON sh.id = e.showId
       WHERE e.slug IN (${slugs.map(() => '?').join(',')})`,
    )
    .all(...slugs)
  return (rows as EpisodeMatchCount[]).map(withIsoDates)
}

// Dates written by raw SQL are ISO strings; a client that stored epoch milliseconds still reads right.
function withIsoDates(row: EpisodeMatchCount): EpisodeMatchCount {
  const iso = (value: unknown) => (typeof value === 'number' ? new Date(value).toISOString() : String(value))
  return {
    ...row,
    publishedAt: row.publishedAt === null ? null : iso(row.publishedAt),
    importedAt: iso(row.importedAt),
  }
}

/**
 * The matches inside one episode: their count (null when not asked) and ids, best bm25 first or
 * in transcript order.
 * The FTS5 scan is bounded to the rowid range of the episode's sentences, so a common word
 * costs what it costs inside this episode, not in the whole corpus.
 */
export function matchesInEpisode(
  db: SqliteDatabase,
  match: string | null,
  filters: SearchFilters,
  episodeId: number,
  options: { order: 'rank' | 'position'; limit: number; offset?: number; count?: boolean },
): { total: number | null; ids: number[] } {
  const filter = filterClause(filters)
  const range = db
    .prepare(`SELECT min(id) AS low, max(id) AS high FROM Sentence WHERE episodeId = ?`)
    .get(episodeId) as { low: number | null; high: number | null }
  if (range.low === null || range.high === null) return { total: 0, ids: [] }
  const source =
    match === null
      ? { sql: `FROM Sentence s ${JOINS} WHERE s.episodeId = ?${filter.sql}`, params: [episodeId] }
      : {
          sql: `FROM SentenceFts JOIN Sentence s ON s.id = SentenceFts.rowid ${JOINS}
                WHERE SentenceFts MATCH ? AND SentenceFts.rowid BETWEEN ? AND ? AND s.episodeId = ?${filter.sql}`,
          params: [match, range.low, range.high, episodeId],
        }
  const params = [...source.params, ...filter.params]
  // The best few of a group need no count: one scan fewer.
  const total =
    options.count === false
      ? null
      : (db.prepare(`SELECT count(*) AS total ${source.sql}`).get(...params) as { total: number }).total
  if (total === 0) return { total, ids: [] }
  const order = options.order === 'rank' && match !== null ? 'bm25(SentenceFts), s.position' : 's.position'
  const rows = db
    .prepare(`SELECT s.id ${source.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...params, options.limit, options.offset ?? 0) as { id: number }[]
  return { total, ids: rows.map((row) => row.id) }
}

/** Sentences by id without marks, in the order of `ids` (for a query of filters only). */
export function plainSentenceRows(db: SqliteDatabase, ids: number[]): SentenceHitRow[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(
      `SELECT ${HIT_COLUMNS}, s.text AS snippet FROM Sentence s ${JOINS} WHERE s.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as SentenceHitRow[]
  const byId = new Map(rows.map((row) => [row.sentenceId, row]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
