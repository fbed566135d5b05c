// Passages: every word of a query within a few adjacent sentences of one episode, for what a
// listener remembers from one moment that the transcript split into several sentences. Also a
// quoted phrase that crosses a sentence boundary. Passages rank below single-sentence hits
// (lib/search/search.ts puts them after), link to their first sentence and mark the words in
// each of their sentences.
//
// The window is a moment, not a count of sentences: at most PASSAGE_SENTENCES sentences said
// within PASSAGE_SPAN_MS (see docs/decisions/0013-search-typos-and-passages.md). Caption cues
// run up to 20-30 s in transcripts that caption by paragraph, and conversation packs short
// sentences ("Right." "Exactly.") between the words a listener remembers.
//
// No extra index: candidates come from the sentence index (SentenceFts) and the sentences'
// positions and times, so passages follow every import, edit, split, merge and re-import
// exactly as the sentence index does. Each requirement (a word, or a group of alternatives)
// matching at most DRIVER_LIMIT sentences is located exactly; passages are the smallest runs of
// sentences that hold every one. A requirement matching more (a common word) is looked for only
// around those runs, in a scratch index of the few sentences near them.
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { rowsAsJson, statement } from '@/lib/db/statements'
import { fts5String, type SearchFilters, type Term } from '@/lib/search/query'
import { hasTokenChars } from '@/lib/search/query-lexer'
import { markInScratchIndex, sentencesWithWords } from '@/lib/search/scratch-index'
import {
  filterClause,
  HIT_COLUMNS,
  JOINS,
  MATCH_END,
  MATCH_START,
  type SentenceHitRow,
} from '@/lib/search/search-sql'

/** The most sentences a passage holds (30 s of this corpus's speech: 3.9 s a sentence)… */
export const PASSAGE_SENTENCES = 8
/** …and the longest it lasts, from the end of its first sentence to the start of its last. */
export const PASSAGE_SPAN_MS = 30_000
/** A requirement matching more sentences than this is not located, only checked near the others. */
const DRIVER_LIMIT = 2000
/** At most this many candidate passages are checked against the whole query (phrases, exclusions). */
const CHECK_LIMIT = 200
/** At most this many sentences are searched for common words near the rare ones (about 4 µs each)… */
const NEIGHBOURHOOD_BUDGET = 360
/** …around at most this many sentences of a lone rare word: as many as whole neighbourhoods fit. */
const RARE_SENTENCES_NEAR_COMMON = NEIGHBOURHOOD_BUDGET / (2 * PASSAGE_SENTENCES - 1)
/** At most this many passages are returned (they follow every sentence hit). */
export const MAX_PASSAGES = 200
/** Requirements a passage search tracks per sentence: the bits of a 32-bit number (requirements()). */
const MAX_REQUIREMENTS = 32

// The separator between a window's sentences in the check index: a control character, so the
// tokenizer reads it as a separator (a phrase may cross it) and the importer never stores one.
const SENTENCE_BREAK = '\u0001'

export type PassageRow = SentenceHitRow & { position: number }

export interface PassageHit {
  /** The passage's sentences in transcript order; the first is the hit's link. */
  sentences: PassageRow[]
  /** Each sentence's text with MATCH_START/MATCH_END markers, in the same order. */
  marked: string[]
}

/** A passage found but not yet read: one episode's sentences from `first` to `last` (positions). */
export interface PassageWindow {
  episodeId: number
  first: number
  last: number
  /** Time from the end of the first sentence to the start of the last (0 when untimed). */
  spanMs: number
  /** The first sentence's id. */
  firstId: number
  /** Filled once the window has been read or checked. */
  rows?: PassageRow[]
  marked?: string[]
}

export interface PassageQuery {
  match: string
  groups: Term[][]
  excluded?: Term[]
  expand: (term: Term) => string[]
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
// A sentence's requirements are the bits of one 32-bit number (requirementBits). Past that, a
// phrase keeps its first and last words: a passage that holds the phrase starts at its first
// word and ends at its last, and the whole query is checked on every candidate of a phrase
// (mustCheck in findPassages). A query has at most MAX_QUERY_TERMS (16) groups, so this fits.
function requirements(groups: Term[][], expand: (term: Term) => string[]): string[] {
  const perGroup = groups.map((group) => {
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
  const all = [...new Set(perGroup.flat())]
  if (all.length <= MAX_REQUIREMENTS) return all
  return [...new Set(perGroup.flatMap((needs) => (needs.length > 2 ? [needs[0]!, needs.at(-1)!] : needs)))]
}

/** Passages with every word of the query, best first (fewest sentences, then shortest), unread. */
export function findPassages(
  db: SqliteDatabase,
  query: PassageQuery,
  filters: SearchFilters,
): PassageWindow[] {
  if (!wantsPassages(query.groups)) return []
  const needs = requirements(query.groups, query.expand)
  const located: (number[] | null)[] = []
  for (const need of needs) {
    const ids = locate(db, need)
    if (ids?.length === 0) return []
    located.push(ids)
  }
  const rare = located.flatMap((ids, index) => (ids ? [{ index, ids }] : []))
  if (rare.length === 0) return []
  const common = needs.filter((_, index) => located[index] === null)
  const reach = passageReach(query.groups)
  // With one rare requirement each of its sentences is a run of its own, and only as many as
  // the budget lets be searched for the common words are of use: the newest. (A phrase's
  // narrower neighbourhoods make the same number cheaper, not more of them.)
  const lookup =
    rare.length === 1 && common.length > 0
      ? [{ ...rare[0]!, ids: rare[0]!.ids.slice(0, RARE_SENTENCES_NEAR_COMMON) }]
      : rare
  const rareBits = requirementBits(rare)
  const lookupBits = lookup === rare ? rareBits : requirementBits(lookup)
  const episodes = rareOccurrences(db, lookup, lookupBits, filters, reach)
  // Tokens of a phrase must also stand in order, and an exclusion must be absent: only the whole
  // query, run over the passage's text, can tell.
  const mustCheck =
    (query.excluded?.length ?? 0) > 0 ||
    query.groups.some((group) => group.some((term) => termTokens(term.text).length > 1))
  let windows: PassageWindow[]
  if (common.length === 0) {
    windows = [...episodes].flatMap(([episodeId, occurrences]) =>
      smallestRuns(occurrences, rare.length, 2).map((run) => toWindow(episodeId, run)),
    )
  } else {
    windows = windowsWithCommonWords(db, episodes, rare.length, rareBits, common, reach)
  }
  windows.sort(byCompactness)
  if (mustCheck || filters.speakers.length > 0) {
    windows = checkWindows(db, query.match, windows.slice(0, CHECK_LIMIT), filters.speakers, mustCheck)
  }
  return withoutOverlaps(windows).slice(0, MAX_PASSAGES)
}

// How many sentences from its first a passage's last may be. A phrase alone (`"subscription
// in"`) spans at most as many sentences as it has words, so its neighbourhoods are that narrow:
// 3 sentences around each of the rare word's, not 15.
function passageReach(groups: Term[][]): number {
  const only = groups.length === 1 && groups[0]!.length === 1 ? groups[0]![0]! : undefined
  const words = only ? termTokens(only.text).length : 0
  return words > 1 ? Math.min(words, PASSAGE_SENTENCES) - 1 : PASSAGE_SENTENCES - 1
}

// A sentence belongs to one passage at most: the best one (they come best first).
function withoutOverlaps(windows: PassageWindow[]): PassageWindow[] {
  const taken = new Map<number, PassageWindow[]>()
  return windows.filter((window) => {
    const others = taken.get(window.episodeId) ?? []
    if (others.some((other) => other.first <= window.last && window.first <= other.last)) return false
    others.push(window)
    taken.set(window.episodeId, others)
    return true
  })
}

/** Reads and marks passages (a page of them): their sentences and the query's words in each. */
export function readPassages(db: SqliteDatabase, match: string, windows: PassageWindow[]): PassageHit[] {
  const unread = windows.filter((window) => !window.rows)
  if (unread.length > 0) attachRows(db, unread)
  const unmarked = windows.filter((window) => !window.marked)
  if (unmarked.length > 0) markWindows(db, match, unmarked)
  return windows.map((window) => ({ sentences: window.rows ?? [], marked: window.marked ?? [] }))
}

/** Every passage (up to MAX_PASSAGES), read and marked. */
export function searchPassages(
  db: SqliteDatabase,
  query: PassageQuery,
  filters: SearchFilters,
): PassageHit[] {
  return readPassages(db, query.match, findPassages(db, query, filters))
}

// The sentences matching a requirement, newest first, or null when there are more than
// DRIVER_LIMIT: FTS5 stops at the first match past the limit, far cheaper than reading them all.
function locate(db: SqliteDatabase, need: string): number[] | null {
  const overflows =
    statement(
      db,
      `SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${DRIVER_LIMIT}`,
    )
      .pluck()
      .get(need) !== undefined
  if (overflows) return null
  // One flat JSON array. FTS5 walks a doclist backwards at no extra cost, so it comes newest first,
  // but SQLite does not promise that an aggregate keeps its subquery's order: the sort makes sure
  // (on a sorted array it is one pass).
  const ids = statement(
    db,
    `SELECT json_group_array(id) FROM (SELECT rowid AS id FROM SentenceFts WHERE SentenceFts MATCH ? ORDER BY rowid DESC)`,
  )
    .pluck()
    .get(need) as string
  return (JSON.parse(ids) as number[]).sort((a, b) => b - a)
}

interface Occurrence {
  id: number
  position: number
  startMs: number
  endMs: number
  /** The requirements this sentence meets, bit i for requirement i (at most 32: requirements()). */
  meets: number
}

type OccurrenceRow = [id: number, episodeId: number, position: number, startMs: number, endMs: number]

interface Requirement {
  index: number
  /** Its sentences, newest first. */
  ids: number[]
}

// Which of `needs` each of their sentences meets, as bits: one map instead of a set per
// requirement asked of every row.
function requirementBits(needs: Requirement[]): Map<number, number> {
  const bits = new Map<number, number>()
  needs.forEach((need, i) => {
    for (const id of need.ids) bits.set(id, (bits.get(id) ?? 0) | (1 << i))
  })
  return bits
}

// Ids as a JSON array in ascending order, the order in which SQLite's lookups by id read pages.
function ascendingJson(ids: Iterable<number>): string {
  return `[${Float64Array.from(ids).sort().join(',')}]`
}

// Where the rare requirements' sentences sit, by episode, in transcript order. Either the
// sentences themselves are looked up, or (when the rarest is far rarer than the rest) the
// neighbourhood of the rarest one's sentences, whichever reads fewer rows. `bits` is
// requirementBits(rare).
function rareOccurrences(
  db: SqliteDatabase,
  rare: Requirement[],
  bits: Map<number, number>,
  filters: SearchFilters,
  reach: number,
): Map<number, Occurrence[]> {
  // Show and date filters narrow episodes; a speaker filter is checked on the passage's sentences.
  const filter = filterClause({ ...filters, speakers: [] })
  const joins = filter.params.length === 0 ? '' : JOINS
  const driver = rare.reduce((best, need) => (need.ids.length < best.ids.length ? need : best))
  // A neighbourhood reads 2 × reach + 1 rows per sentence of the rarest, the other way one row
  // per sentence of every requirement; a row costs about the same either way (measured: 1.1 µs
  // in a neighbourhood, 0.8 µs looked up by id), so whichever reads fewer rows.
  const byNeighbourhood = (2 * reach + 1) * driver.ids.length < bits.size
  const columns = ['id', 'episodeId', 'position', 'startMs', 'endMs']
  const rows = byNeighbourhood
    ? rowsAsJson<OccurrenceRow>(
        db,
        `SELECT DISTINCT n.id, n.episodeId, n.position, n.startMs, coalesce(n.endMs, n.startMs) AS endMs
         FROM json_each(?) d JOIN Sentence s ON s.id = d.value ${joins}
         JOIN Sentence n ON n.episodeId = s.episodeId
           AND n.position BETWEEN s.position - ? AND s.position + ?
         WHERE 1 = 1${filter.sql}`,
        columns,
        ascendingJson(driver.ids),
        reach,
        reach,
        ...filter.params,
      )
    : rowsAsJson<OccurrenceRow>(
        db,
        `SELECT s.id, s.episodeId, s.position, s.startMs, coalesce(s.endMs, s.startMs) AS endMs
         FROM json_each(?) d JOIN Sentence s ON s.id = d.value ${joins}
         WHERE 1 = 1${filter.sql}`,
        columns,
        ascendingJson(bits.keys()),
        ...filter.params,
      )
  const episodes = new Map<number, Occurrence[]>()
  for (const [id, episodeId, position, startMs, endMs] of rows) {
    const meets = bits.get(id)
    if (meets === undefined) continue
    const list = episodes.get(episodeId)
    const occurrence = { id, position, startMs, endMs, meets }
    if (list) list.push(occurrence)
    else episodes.set(episodeId, [occurrence])
  }
  for (const list of episodes.values()) list.sort((a, b) => a.position - b.position)
  return episodes
}

// The smallest runs of sentences (in one episode's occurrences, in order) that meet all `count`
// requirements, of at least `minSentences` sentences, within the passage limits. For each end,
// the latest start that still meets them all; a run that holds a smaller one is left out.
function smallestRuns(
  occurrences: Occurrence[],
  count: number,
  minSentences: number,
): [Occurrence, Occurrence][] {
  const held = new Int32Array(count)
  let met = 0
  let start = 0
  let lastStart = -1
  const runs: [Occurrence, Occurrence][] = []
  for (let end = 0; end < occurrences.length; end++) {
    for (let m = occurrences[end]!.meets; m !== 0; m &= m - 1) if (held[lowestBit(m)]!++ === 0) met++
    if (met < count) continue
    // Drop sentences from the start while the rest still meets everything.
    while (allHeldTwice(held, occurrences[start]!.meets)) {
      for (let m = occurrences[start]!.meets; m !== 0; m &= m - 1) held[lowestBit(m)]!--
      start++
    }
    if (start === lastStart) continue // the run ending earlier at this start is smaller
    lastStart = start
    const first = occurrences[start]!
    const last = occurrences[end]!
    const sentences = last.position - first.position + 1
    if (sentences >= minSentences && withinLimits(first, last)) runs.push([first, last])
  }
  return runs
}

/** The index of the lowest bit set in `mask`. */
function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask)
}

function allHeldTwice(held: Int32Array, mask: number): boolean {
  for (let m = mask; m !== 0; m &= m - 1) if (held[lowestBit(m)]! < 2) return false
  return true
}

function withinLimits(first: Occurrence, last: Occurrence): boolean {
  return last.position - first.position < PASSAGE_SENTENCES && last.startMs - first.endMs <= PASSAGE_SPAN_MS
}

function toWindow(episodeId: number, [first, last]: [Occurrence, Occurrence]): PassageWindow {
  return {
    episodeId,
    first: first.position,
    last: last.position,
    spanMs: Math.max(0, last.startMs - first.endMs),
    firstId: first.id,
  }
}

// Fewest sentences first, then the shortest in time, then the newest (as ranking does past its window).
function byCompactness(a: PassageWindow, b: PassageWindow): number {
  return a.last - a.first - (b.last - b.first) || a.spanMs - b.spanMs || b.firstId - a.firstId
}

// Common words are located only near the rare ones: the sentences that could share a passage
// with each smallest run of the rare requirements (best runs first, within a budget of
// sentences) go into a scratch index, where each common requirement finds its sentences.
function windowsWithCommonWords(
  db: SqliteDatabase,
  episodes: Map<number, Occurrence[]>,
  rareCount: number,
  rareBits: Map<number, number>,
  common: string[],
  reach: number,
): PassageWindow[] {
  const cores = [...episodes]
    .flatMap(([episodeId, occurrences]) =>
      smallestRuns(occurrences, rareCount, 1).map((run) => toWindow(episodeId, run)),
    )
    .sort(byCompactness)
  // Ranges of positions to read, by episode, merged where they overlap.
  const ranges = new Map<number, [number, number][]>()
  let budget = NEIGHBOURHOOD_BUDGET
  for (const core of cores) {
    const from = Math.max(0, core.last - reach)
    const to = core.first + reach
    if (budget < to - from + 1) break
    budget -= to - from + 1
    const list = ranges.get(core.episodeId) ?? []
    list.push([from, to])
    ranges.set(core.episodeId, list)
  }
  const wanted = [...ranges].flatMap(([episodeId, list]) => list.map(([from, to]) => [episodeId, from, to]))
  if (wanted.length === 0) return []
  const rows = statement(
    db,
    `SELECT DISTINCT s.id, s.episodeId, s.position, s.startMs, coalesce(s.endMs, s.startMs), s.text
     FROM json_each(?) r JOIN Sentence s ON s.episodeId = r.value ->> 0
       AND s.position BETWEEN r.value ->> 1 AND r.value ->> 2`,
  )
    .raw()
    .all(JSON.stringify(wanted)) as [number, number, number, number, number, string][]
  const found = sentencesWithWords(
    db,
    rows.map((row) => [row[0], row[5]]),
    common,
  )
  const all = rareCount + common.length
  const near = new Map<number, Occurrence[]>()
  for (const [id, episodeId, position, startMs, endMs] of rows) {
    let meets = rareBits.get(id) ?? 0
    found.forEach((ids, i) => {
      if (ids.has(id)) meets |= 1 << (rareCount + i)
    })
    if (meets === 0) continue
    const list = near.get(episodeId)
    const occurrence = { id, position, startMs, endMs, meets }
    if (list) list.push(occurrence)
    else near.set(episodeId, [occurrence])
  }
  return [...near].flatMap(([episodeId, occurrences]) =>
    smallestRuns(
      occurrences.sort((a, b) => a.position - b.position),
      all,
      2,
    ).map((run) => toWindow(episodeId, run)),
  )
}

// Reads each window's sentences (transcript order) onto it.
function attachRows(db: SqliteDatabase, windows: PassageWindow[]): void {
  const rows = statement(
    db,
    `SELECT ${HIT_COLUMNS}, s.text AS snippet, s.position, s.episodeId
     FROM json_each(?) w JOIN Sentence s ON s.episodeId = w.value ->> 0
       AND s.position BETWEEN w.value ->> 1 AND w.value ->> 2 ${JOINS}
     ORDER BY s.episodeId, s.position`,
  ).all(
    JSON.stringify(windows.map((window) => [window.episodeId, window.first, window.last])),
  ) as (PassageRow & {
    episodeId: number
  })[]
  // Candidate windows may overlap (they are checked before overlaps are dropped): a sentence in
  // two of them comes back twice, next to itself in this order, and is kept once.
  const byEpisode = new Map<number, PassageRow[]>()
  for (const { episodeId, ...row } of rows) {
    const list = byEpisode.get(episodeId)
    if (!list) byEpisode.set(episodeId, [row])
    else if (list.at(-1)!.sentenceId !== row.sentenceId) list.push(row)
  }
  for (const window of windows) {
    window.rows = (byEpisode.get(window.episodeId) ?? []).filter(
      (row) => row.position >= window.first && row.position <= window.last,
    )
  }
}

// Each window goes in as one text, its sentences joined by SENTENCE_BREAK, and the whole query
// (phrases, OR, exclusions) marks it in the scratch index; a window it does not match gets none.
function markedTexts(db: SqliteDatabase, match: string, windows: PassageWindow[]): Map<number, string> {
  const marked = markInScratchIndex<{ id: number; marked: string }>(
    db,
    'PassageCheck',
    `highlight(PassageCheck, 0, '${MATCH_START}', '${MATCH_END}') AS marked`,
    windows.map((window, index) => [
      index,
      (window.rows ?? []).map((row) => row.text).join(` ${SENTENCE_BREAK} `),
    ]),
    match,
  )
  return new Map(marked.map((row) => [row.id, row.marked]))
}

function markWindows(db: SqliteDatabase, match: string, windows: PassageWindow[]): void {
  const marked = markedTexts(db, match, windows)
  windows.forEach((window, index) => {
    const text = marked.get(index)
    window.marked = text
      ? balanceMarks(text.split(SENTENCE_BREAK).map((part) => part.trim()))
      : (window.rows ?? []).map((row) => row.text)
  })
}

// Keeps the windows the whole query matches (when `mustCheck`) and, with a speaker filter, those
// where someone it names says one of the sentences; marks the ones kept.
function checkWindows(
  db: SqliteDatabase,
  match: string,
  windows: PassageWindow[],
  speakers: string[],
  mustCheck: boolean,
): PassageWindow[] {
  if (windows.length === 0) return []
  attachRows(db, windows)
  const names = speakers.map((speaker) => speaker.toLowerCase())
  const bySpeaker = (window: PassageWindow) =>
    names.length === 0 ||
    (window.rows ?? []).some((row) => names.some((name) => row.speaker?.toLowerCase().includes(name)))
  const spoken = windows.filter(bySpeaker)
  if (!mustCheck) return spoken
  const marked = markedTexts(db, match, spoken)
  return spoken.flatMap((window, index) => {
    const text = marked.get(index)
    if (text === undefined) return []
    window.marked = balanceMarks(text.split(SENTENCE_BREAK).map((part) => part.trim()))
    return [window]
  })
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
