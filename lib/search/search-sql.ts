// The raw SQL of search: FTS5 MATCH with bm25 ranking inside a window, filters, and snippets
// marked through a small per-connection TEMP index. Statements take plain parameters (never
// string-built input); the MATCH expression comes from lib/search/query.ts, which quotes every
// user term.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { markInScratchIndex } from '@/lib/search/scratch-index'
import type { SearchFilters } from '@/lib/search/query'

// Markers that cannot occur in imported text (the importer strips control characters),
// so a snippet can be split into plain text and matched parts without parsing HTML.
export const MATCH_START = '\u0002'
export const MATCH_END = '\u0003'

export interface SentenceHitRow {
  sentenceId: number
  startMs: number
  speaker: string | null
  text: string
  episodeSlug: string
  episodeTitle: string
  showSlug: string
  showTitle: string
  snippet: string
}

/** SQL for the speaker/show filters; a speaker matches by case-insensitive substring, a show by slug or title. */
export function filterClause(filters: SearchFilters): { sql: string; params: string[] } {
  const parts: string[] = []
  const params: string[] = []
  if (filters.speakers.length > 0) {
    parts.push(`(${filters.speakers.map(() => `s.speaker LIKE ? ESCAPE '\\'`).join(' OR ')})`)
    params.push(...filters.speakers.map((speaker) => `%${escapeLike(speaker)}%`))
  }
  if (filters.shows.length > 0) {
    parts.push(`(${filters.shows.map(() => `(sh.slug = ? OR sh.title LIKE ? ESCAPE '\\')`).join(' OR ')})`)
    for (const show of filters.shows) params.push(show.toLowerCase(), `%${escapeLike(show)}%`)
  }
  // An episode without a publish date counts by when it was imported.
  if (filters.after) {
    parts.push(`coalesce(e.publishedAt, e.importedAt, e.createdAt) >= ?`)
    params.push(filters.after)
  }
  if (filters.before) {
    parts.push(`coalesce(e.publishedAt, e.importedAt, e.createdAt) < ?`)
    params.push(filters.before)
  }
  return { sql: parts.map((part) => ` AND ${part}`).join(''), params }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export const HIT_COLUMNS = `s.id AS sentenceId, s.startMs, s.speaker, s.text,
  e.slug AS episodeSlug, e.title AS episodeTitle, sh.slug AS showSlug, sh.title AS showTitle`
export const JOINS = `JOIN Episode e ON e.id = s.episodeId JOIN Show sh ON sh.id = e.showId`

/**
 * How many of the newest matches bm25 ranks. Ranking costs about 1.3 µs per match, so a word
 * found in 150,000 sentences ("the") took 150 ms to rank in full; within this window it takes
 * a few. Matches past the window follow, newest first. See docs/decisions/0006-search-ranking-window.md.
 */
export const RANK_WINDOW = 2000

/** Sentences matching an FTS5 expression, best bm25 first (within RANK_WINDOW), with a marked snippet. */
export function searchSentences(
  db: SqliteDatabase,
  match: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): { total: number; rows: SentenceHitRow[] } {
  const filter = filterClause(filters)
  const joins = filter.params.length === 0 ? '' : `JOIN Sentence s ON s.id = SentenceFts.rowid ${JOINS}`
  const matching = `FROM SentenceFts ${joins} WHERE SentenceFts MATCH ?${filter.sql}`
  const params = [match, ...filter.params]
  const { total } = db.prepare(`SELECT count(*) AS total ${matching}`).get(...params) as { total: number }
  if (total === 0 || page.offset >= total) return { total, rows: [] }

  // The oldest rowid inside the ranking window (0 when every match fits in it).
  const cutoff =
    total <= RANK_WINDOW
      ? 0
      : (
          db
            .prepare(
              `SELECT SentenceFts.rowid AS id ${matching} ORDER BY SentenceFts.rowid DESC LIMIT 1 OFFSET ?`,
            )
            .get(...params, RANK_WINDOW - 1) as { id: number }
        ).id
  const inWindow = Math.min(total, RANK_WINDOW)
  const ids: number[] = []
  if (page.offset < inWindow) {
    const ranked = db
      .prepare(
        `SELECT SentenceFts.rowid AS id ${matching} AND SentenceFts.rowid >= ? ORDER BY bm25(SentenceFts), SentenceFts.rowid LIMIT ? OFFSET ?`,
      )
      .all(...params, cutoff, Math.min(page.limit, inWindow - page.offset), page.offset) as { id: number }[]
    ids.push(...ranked.map((row) => row.id))
  }
  const remaining = page.limit - ids.length
  if (remaining > 0 && total > RANK_WINDOW) {
    const older = db
      .prepare(
        `SELECT SentenceFts.rowid AS id ${matching} AND SentenceFts.rowid < ? ORDER BY SentenceFts.rowid DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, cutoff, remaining, Math.max(0, page.offset - inWindow)) as { id: number }[]
    ids.push(...older.map((row) => row.id))
  }
  return { total, rows: hitsWithSnippets(db, match, ids) }
}

// Details and snippets for one page of hits only, returned in the order of `ids`. snippet() on
// the big index costs 1-5 ms even for 20 rows (FTS5 walks the whole doclist of every term), so
// the page's sentences go into a small per-connection TEMP index with the same tokenizer, and the
// same expression marks them there in about 0.3 ms.
function hitsWithSnippets(db: SqliteDatabase, match: string, ids: number[]): SentenceHitRow[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(
      `SELECT ${HIT_COLUMNS}, s.text AS snippet FROM Sentence s ${JOINS} WHERE s.id IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids) as SentenceHitRow[]
  const snippets = pageSnippets(db, match, rows)
  const byId = new Map(rows.map((row) => [row.sentenceId, row]))
  return ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [{ ...row, snippet: snippets.get(id) ?? row.text }] : []
  })
}

// snippet() on one page of hits only, in the scratch index (lib/search/scratch-index.ts).
function pageSnippets(db: SqliteDatabase, match: string, rows: SentenceHitRow[]): Map<number, string> {
  const marked = markInScratchIndex<{ id: number; snippet: string }>(
    db,
    'PageSnippets',
    `snippet(PageSnippets, 0, '${MATCH_START}', '${MATCH_END}', '…', 32) AS snippet`,
    rows.map((row) => [row.sentenceId, row.text]),
    match,
  )
  return new Map(marked.map((row) => [row.id, row.snippet]))
}

/** Sentences matching only speaker/show filters (no words), in transcript order. */
export function listFilteredSentences(
  db: SqliteDatabase,
  filters: SearchFilters,
  page: { limit: number; offset: number },
): { total: number; rows: SentenceHitRow[] } {
  const filter = filterClause(filters)
  const where = `WHERE 1 = 1${filter.sql}`
  const { total } = db
    .prepare(`SELECT count(*) AS total FROM Sentence s ${JOINS} ${where}`)
    .get(...filter.params) as { total: number }
  const rows = db
    .prepare(
      `SELECT ${HIT_COLUMNS}, s.text AS snippet FROM Sentence s ${JOINS} ${where}
      ORDER BY e.publishedAt DESC, e.id DESC, s.position LIMIT ? OFFSET ?`,
    )
    .all(...filter.params, page.limit, page.offset) as SentenceHitRow[]
  return { total, rows }
}
