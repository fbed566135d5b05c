// Passages: every word of a query within a few adjacent sentences of one episode, for what a
// listener remembers from one caption line that the transcript split into two sentences. Also
// a quoted phrase that crosses a sentence boundary. Passages rank below single-sentence hits
// (lib/search/search.ts puts them after), link to their first sentence and mark the words in
// each of their sentences.
//
// No extra index: candidates come from the sentence index (SentenceFts) and the sentences'
// positions, so passages follow every import, edit, split, merge and re-import exactly as the
// sentence index does. The window is PASSAGE_SENTENCES sentences (see
// docs/decisions/0013-search-typos-and-passages.md): one caption cue of ~10 words spans at most
// three sentences when a short one ("Right.") sits in the middle; wider windows mostly add
// coincidences of common words.
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { fts5String, type SearchFilters, type Term } from '@/lib/search/query'
import { hasTokenChars } from '@/lib/search/query-lexer'
import { markInScratchIndex } from '@/lib/search/scratch-index'
import {
  filterClause,
  HIT_COLUMNS,
  JOINS,
  MATCH_END,
  MATCH_START,
  type SentenceHitRow,
} from '@/lib/search/search-sql'

/** The widest passage, in sentences. */
export const PASSAGE_SENTENCES = 3
/** The rarest requirement must match at most this many sentences, or passages are skipped. */
const DRIVER_LIMIT = 2000
/** At most this many candidate windows are checked against the full query. */
const CHECK_LIMIT = 400
/** At most this many passages are returned (they follow every sentence hit). */
export const MAX_PASSAGES = 200

// The separator between a window's sentences in the check index: a control character, so the
// tokenizer reads it as a separator (a phrase may cross it) and the importer never stores one.
const SENTENCE_BREAK = '\u0001'

export interface PassageHit {
  /** The passage's sentences in transcript order; the first is the hit's link. */
  sentences: (SentenceHitRow & { position: number })[]
  /** Each sentence's text with MATCH_START/MATCH_END markers, in the same order. */
  marked: string[]
}

/** The words of a term as the tokenizer splits them. */
export function termTokens(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter((token) => token !== '' && hasTokenChars(token))
}

/** True when passages can add anything: two groups, or a term of several words. */
export function wantsPassages(groups: Term[][]): boolean {
  return groups.length >= 2 || groups.some((group) => group.some((term) => termTokens(term.text).length > 1))
}

// What each sentence of a window may contribute: one requirement per word of a lone term (so a
// phrase's words may sit in two sentences), one OR requirement for a group of alternatives.
function requirements(groups: Term[][], expand: (term: Term) => string[]): string[] {
  return groups.flatMap((group) => {
    const only = group.length === 1 ? group[0] : undefined
    if (only && termTokens(only.text).length > 1)
      return termTokens(only.text).map((token) => fts5String(token))
    const options = group.flatMap((term) => {
      const tokens = termTokens(term.text)
      if (tokens.length > 1) return tokens.map((token) => fts5String(token))
      return [fts5String(term.text) + (term.prefix ? '*' : ''), ...expand(term)]
    })
    return [options.length === 1 ? options[0]! : `(${options.join(' OR ')})`]
  })
}

interface Neighbour {
  id: number
  episodeId: number
  position: number
}

export function searchPassages(
  db: SqliteDatabase,
  query: { match: string; groups: Term[][]; expand: (term: Term) => string[] },
  filters: SearchFilters,
): PassageHit[] {
  if (!wantsPassages(query.groups)) return []
  const needs = requirements(query.groups, query.expand)
  const capped = db.prepare(
    `SELECT rowid AS id FROM SentenceFts WHERE SentenceFts MATCH ? ORDER BY rowid DESC LIMIT ${DRIVER_LIMIT + 1}`,
  )
  // Each requirement's sentences, read up to DRIVER_LIMIT; a requirement with more (a common
  // word) is taken as met everywhere here and left to the final check of each window, since
  // testing membership row by row costs more than it prunes.
  const found = needs.map((need) => (capped.all(need) as { id: number }[]).map((row) => row.id))
  if (found.some((ids) => ids.length === 0)) return []
  // The rarest requirement drives: every passage holds one of its sentences.
  const driver = found.reduce((best, ids) => (ids.length < best.length ? ids : best))
  if (driver.length > DRIVER_LIMIT) return []

  const neighbours = neighboursOf(db, driver, filters)
  if (neighbours.length === 0) return []
  const present = found.filter((ids) => ids.length <= DRIVER_LIMIT).map((ids) => new Set(ids))
  // A window holding a sentence that matches the whole query alone is that sentence's hit
  // (this tier runs only when those are few).
  const wholeHits = new Set(
    (
      db
        .prepare(`SELECT rowid AS id FROM SentenceFts WHERE SentenceFts MATCH ? LIMIT ${DRIVER_LIMIT}`)
        .all(query.match) as { id: number }[]
    ).map((row) => row.id),
  )
  const assumed = present.length < found.length
  const windows = candidateWindows(neighbours, present, wholeHits, !assumed).slice(0, CHECK_LIMIT)
  return checkWindows(db, query.match, windows)
}

// Every sentence within PASSAGE_SENTENCES - 1 positions of a driver sentence, by episode and position.
function neighboursOf(db: SqliteDatabase, driverIds: number[], filters: SearchFilters): Neighbour[] {
  const filter = filterClause(filters)
  return db
    .prepare(
      `SELECT DISTINCT n.id, n.episodeId, n.position
       FROM json_each(?) d JOIN Sentence s ON s.id = d.value ${JOINS}
       JOIN Sentence n ON n.episodeId = s.episodeId
         AND n.position BETWEEN s.position - ${PASSAGE_SENTENCES - 1} AND s.position + ${PASSAGE_SENTENCES - 1}
       WHERE 1 = 1${filter.sql}
       ORDER BY n.episodeId DESC, n.position`,
    )
    .all(JSON.stringify(driverIds), ...filter.params) as Neighbour[]
}

// Windows of 2..PASSAGE_SENTENCES consecutive sentences where every requirement is met, that
// need their first and last sentence (so no smaller window says the same), hold no
// single-sentence hit and overlap no smaller or earlier window already taken.
function candidateWindows(
  neighbours: Neighbour[],
  present: Set<number>[],
  wholeHits: Set<number>,
  complete: boolean,
): Neighbour[][] {
  const meets = (window: Neighbour[]) => present.every((ids) => window.some((n) => ids.has(n.id)))
  const found: Neighbour[][] = []
  for (let size = 2; size <= PASSAGE_SENTENCES; size++) {
    for (let start = 0; start + size <= neighbours.length; start++) {
      const window = neighbours.slice(start, start + size)
      const first = window[0]!
      const contiguous = window.every(
        (n, i) => n.episodeId === first.episodeId && n.position === first.position + i,
      )
      if (!contiguous || window.some((n) => wholeHits.has(n.id)) || !meets(window)) continue
      // Only when every requirement is known here; otherwise the smaller window comes first anyway.
      if (complete && (meets(window.slice(1)) || meets(window.slice(0, -1)))) continue
      found.push(window)
    }
  }
  const taken = new Set<number>()
  return found.filter((window) => {
    if (window.some((n) => taken.has(n.id))) return false
    for (const n of window) taken.add(n.id)
    return true
  })
}

function checkWindows(db: SqliteDatabase, match: string, windows: Neighbour[][]): PassageHit[] {
  if (windows.length === 0) return []
  const ids = [...new Set(windows.flat().map((n) => n.id))]
  const rows = db
    .prepare(
      `SELECT ${HIT_COLUMNS}, s.text AS snippet, s.position FROM Sentence s ${JOINS}
       WHERE s.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (SentenceHitRow & { position: number })[]
  const byId = new Map(rows.map((row) => [row.sentenceId, row]))
  // Each candidate window goes in as one text, and the whole query (phrases, OR, exclusions)
  // decides in the scratch index, best bm25 first.
  const marked = markInScratchIndex<{ id: number; marked: string }>(
    db,
    'PassageCheck',
    `highlight(PassageCheck, 0, '${MATCH_START}', '${MATCH_END}') AS marked`,
    windows.map((window, index) => [
      index,
      window.map((n) => byId.get(n.id)?.text ?? '').join(` ${SENTENCE_BREAK} `),
    ]),
    match,
    'ORDER BY bm25(PassageCheck)',
  )
  // Smaller windows first, then bm25 among the passages.
  return marked
    .map(({ id, marked: text }) => ({
      sentences: windows[id]!.map((n) => byId.get(n.id)!),
      marked: balanceMarks(text.split(SENTENCE_BREAK).map((part) => part.trim())),
    }))
    .sort((a, b) => a.sentences.length - b.sentences.length)
    .slice(0, MAX_PASSAGES)
}

// A phrase marked across a sentence break opens in one sentence and closes in the next: close
// it at the end of the first and open it again at the start of the second.
function balanceMarks(parts: string[]): string[] {
  let open = false
  return parts.map((part) => {
    let text = open ? MATCH_START + part : part
    for (const char of part) {
      if (char === MATCH_START) open = true
      else if (char === MATCH_END) open = false
    }
    // Close after the last word, so the sentence's own full stop stays unmarked.
    if (open) text = text.replace(/([\p{L}\p{N}\p{Co}])([^\p{L}\p{N}\p{Co}]*)$/u, `$1${MATCH_END}$2`)
    return text
  })
}
