// The raw SQL of search: FTS5 MATCH with bm25 ranking inside a window, filters, and snippets
// marked through a small per-connection TEMP index. Statements take plain parameters (never
// string-built input); the MATCH expression comes from lib/search/query.ts, which quotes every
// user term.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'
import { markInScratchIndex } from '@/lib/search/scratch-index'
import { vocabularyVersion } from '@/lib/search/vocabulary'
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
 * How a query's matches are ordered inside the window. `bm25` weighs the words against each
 * other (a rare one counts more). With one term (a word, a phrase, a prefix) there is nothing to
 * weigh: bm25 orders by the sentence's length in tokens and the few sentences saying the term
 * twice, yet before ranking it walks the term's whole doclist to count it (7 ms for "the", 11 ms
 * for the phrase "that s"). `length` orders by the token count FTS5 keeps for every sentence,
 * shortest first, for the cost of a lookup per match.
 */
export type Ranking = 'bm25' | 'length'

/**
 * How many of the newest matches are ranked, per ranking; matches past the window follow,
 * newest first. bm25 costs about 1.3 µs per match, so a word found in 150,000 sentences ("the")
 * took 150 ms to rank in full; within 2,000 it takes a few (docs/decisions/0006). A length
 * ranking costs a token-count lookup per match and only ever prefers shorter sentences, so it
 * looks at the newest 500 (docs/decisions/0025).
 */
export const RANK_WINDOW: Record<Ranking, number> = { bm25: 2000, length: 500 }

/** Sentences matching an FTS5 expression, best first (within its RANK_WINDOW), with a marked snippet. */
export function searchSentences(
  db: SqliteDatabase,
  match: string,
  filters: SearchFilters,
  page: { limit: number; offset: number },
  ranking: Ranking = 'bm25',
): { total: number; rows: SentenceHitRow[] } {
  const { matching, params, unfiltered } = matchingSentences(match, filters)
  const count = () => countMatches(db, matching, params, unfiltered)
  const window = RANK_WINDOW[ranking]
  const ids: number[] = []
  let total: number
  if (page.offset < window) {
    const ranked = rankWindow(db, matching, params, page, ranking)
    ids.push(...ranked.ids)
    // The ranking read the matches up to one past the window: their number is the total unless
    // they overflow it (or the page lies past the last of them, where it read none).
    total = ranked.seen > window || ranked.ids.length === 0 ? count() : ranked.seen
  } else {
    total = count()
  }
  const remaining = page.limit - ids.length
  if (remaining > 0 && total > window && page.offset + ids.length < total) {
    // Past the window: the older matches, newest first.
    const older = statement(
      db,
      `SELECT SentenceFts.rowid ${matching} ORDER BY SentenceFts.rowid DESC LIMIT ? OFFSET ?`,
    )
      .pluck()
      .all(...params, remaining, Math.max(page.offset, window)) as number[]
    ids.push(...older)
  }
  return { total, rows: hitsWithSnippets(db, match, ids) }
}

/** How many sentences match an FTS5 expression and the filters. */
export function countSentences(db: SqliteDatabase, match: string, filters: SearchFilters): number {
  const { matching, params, unfiltered } = matchingSentences(match, filters)
  return countMatches(db, matching, params, unfiltered)
}

// The FROM … WHERE of the sentences an FTS5 expression and the filters match, and its parameters;
// the sentence rows are joined only when a filter needs them.
function matchingSentences(match: string, filters: SearchFilters) {
  const filter = filterClause(filters)
  const unfiltered = filter.params.length === 0
  const joins = unfiltered ? '' : `JOIN Sentence s ON s.id = SentenceFts.rowid ${JOINS}`
  return {
    matching: `FROM SentenceFts ${joins} WHERE SentenceFts MATCH ?${filter.sql}`,
    params: [match, ...filter.params],
    unfiltered,
  }
}

// The newest matches up to one past the window, read once (FTS5 reads its doclists newest first
// and stops there) into a materialized table: their number tells whether they overflow the
// window, and then the extra (oldest) one is left out of the ranking. bm25 can only be computed
// while FTS5 reads a match; a sentence's length is looked up afterwards, for the window's rows.
// SentenceFts_docsize holds each sentence's length in tokens as a varint: ordering by the
// varint's byte length, then its bytes, is ordering by the number.
function rankWindow(
  db: SqliteDatabase,
  matching: string,
  params: string[],
  page: { limit: number; offset: number },
  ranking: Ranking,
): { ids: number[]; seen: number } {
  const window = RANK_WINDOW[ranking]
  const bm25 = ranking === 'bm25'
  const rows = statement(
    db,
    `WITH matched AS MATERIALIZED (
       SELECT SentenceFts.rowid AS id${bm25 ? ', bm25(SentenceFts) AS score' : ''} ${matching}
       ORDER BY SentenceFts.rowid DESC LIMIT ${window + 1}
     ), extent AS (SELECT count(*) AS seen, min(id) AS oldest FROM matched)
     SELECT matched.id, extent.seen FROM matched CROSS JOIN extent
     ${bm25 ? '' : 'JOIN SentenceFts_docsize size ON size.id = matched.id'}
     WHERE extent.seen <= ${window} OR matched.id > extent.oldest
     ORDER BY ${bm25 ? 'matched.score' : 'length(size.sz), size.sz'}, matched.id LIMIT ? OFFSET ?`,
  )
    .raw()
    .all(...params, page.limit, page.offset) as [number, number][]
  return { ids: rows.map((row) => row[0]), seen: rows[0]?.[1] ?? 0 }
}

// Counting every match of a common word walks its whole doclist (7 ms for "the", in 150,000
// sentences). Without filters the count depends on the sentence index alone, so each process
// keeps the large ones per vocabulary version (bumped by every sentence insert, text change and
// delete), and a common word is counted once per change to the transcripts.
const COUNT_CACHE_SIZE = 256
/** Only counts past a window are asked for again (searchSentences): past the smaller one, kept. */
const SMALLEST_RANK_WINDOW = Math.min(...Object.values(RANK_WINDOW))
const largeCounts = new WeakMap<SqliteDatabase, { version: number; byMatch: Map<string, number> }>()

function countMatches(db: SqliteDatabase, matching: string, params: string[], cacheable: boolean): number {
  const counted = () =>
    statement(db, `SELECT count(*) ${matching}`)
      .pluck()
      .get(...params) as number
  if (!cacheable) return counted()
  const version = vocabularyVersion(db)
  let cache = largeCounts.get(db)
  if (!cache || cache.version !== version) largeCounts.set(db, (cache = { version, byMatch: new Map() }))
  const match = params[0]!
  const known = cache.byMatch.get(match)
  if (known !== undefined) {
    // Most recently used last, so the oldest entry is the first to go.
    cache.byMatch.delete(match)
    cache.byMatch.set(match, known)
    return known
  }
  const total = counted()
  if (total > SMALLEST_RANK_WINDOW) {
    cache.byMatch.set(match, total)
    if (cache.byMatch.size > COUNT_CACHE_SIZE) cache.byMatch.delete(cache.byMatch.keys().next().value!)
  }
  return total
}

// Details and snippets for one page of hits only, returned in the order of `ids`. snippet() on
// the big index costs 1-5 ms even for 20 rows (FTS5 walks the whole doclist of every term), so
// the page's sentences go into a small per-connection TEMP index with the same tokenizer, and the
// same expression marks them there in about 0.3 ms.
export function hitsWithSnippets(db: SqliteDatabase, match: string, ids: number[]): SentenceHitRow[] {
  if (ids.length === 0) return []
  const rows = statement(
    db,
    `SELECT ${HIT_COLUMNS}, s.text AS snippet FROM json_each(?) AS page JOIN Sentence s ON s.id = page.value ${JOINS}`,
  ).all(JSON.stringify(ids)) as SentenceHitRow[]
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
