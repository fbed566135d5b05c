// Searching every transcript: compile the listener's query, run it, shape hits for the page
// and the JSON API. Any input returns hits or a message; nothing here throws on user input.
//
// Tiers, each tried only when the one before finds nothing (docs/decisions/0013-search-typos-and-passages.md):
// 1. the query as typed: sentences holding every word, then passages (the words spread over
//    adjacent sentences) ranked below them; a word that looks misspelt adds "did you mean";
// 2. the query with misspelt words corrected ("Showing results for X — search instead for Y");
// 3. the best matches for most of the words, saying which word found nothing.
import {
  compileSearchQuery,
  displayTerm,
  fts5String,
  toMatch,
  type SearchFilters,
  type Term,
} from '@/lib/search/query'
import {
  countSentences,
  listFilteredSentences,
  searchSentences,
  MATCH_END,
  MATCH_START,
  type Ranking,
  type SentenceHitRow,
} from '@/lib/search/search-sql'
import { findPassages, readPassages, termTokens, type PassageHit } from '@/lib/search/passages'
import { nearestWords, wordFrequency, wordsWithPrefix } from '@/lib/search/vocabulary'
import type { SqliteDatabase } from '@/lib/db/sqlite'

export const SEARCH_PAGE_SIZE = 20
export const SEARCH_MAX_LIMIT = 100
/** Passages are looked for only when the sentence hits number fewer than this (and leave room on the page). */
export const PASSAGE_TIER_LIMIT = 100
/** Surface words a `prefix*` also finds, most frequent first. */
const PREFIX_EXPANSION = 24
/** A word found in at most this many sentences may be a typo of a far more frequent one. */
const RARE_WORD = 2
/** …when the correction is at least this many times as frequent. */
const SUGGESTION_RATIO = 20

export interface SnippetPart {
  text: string
  match: boolean
}

export interface PassageSentence {
  id: number
  startMs: number
  speaker: string | null
  text: string
  snippet: SnippetPart[]
}

export interface SearchHit {
  episode: { slug: string; title: string }
  show: { slug: string; title: string }
  /** The sentence hit, or a passage's first sentence. */
  sentence: { id: number; startMs: number; speaker: string | null; text: string }
  /** For a passage: its sentences' words, marked; the sentence's own snippet otherwise. */
  snippet: SnippetPart[]
  /** Present when the words are spread over adjacent sentences. */
  passage?: { sentences: PassageSentence[] }
}

export interface Relaxed {
  /** Words (or phrases) that found nothing at all. */
  missing: string[]
  /** Words left out to find these results (missing ones included). */
  dropped: string[]
  /** The query that found these results. */
  query: string
}

export type SearchOutcome =
  | {
      ok: true
      total: number
      hits: SearchHit[]
      description: string
      terms: string[]
      /** Set when these are results for a corrected query. */
      correction?: { original: string; query: string; description: string }
      /** A corrected query to offer when the query as typed has hits. */
      suggestion?: string
      /** Set when no result has every word: the best matches for most of them. */
      relaxed?: Relaxed
      /** Words that found nothing, when nothing at all was found. */
      missing?: string[]
    }
  | { ok: false; message: string }

type Found = Extract<SearchOutcome, { ok: true }>

export interface SearchRequest {
  q: string
  limit?: number
  offset?: number
  /** Extra filters from form controls, added to any `speaker:`/`show:` in the query. */
  speaker?: string
  show?: string
  /** Search exactly as typed: no typo correction, no relaxing. */
  exact?: boolean
}

interface Page {
  limit: number
  offset: number
}

interface Prepared {
  match: string
  groups: Term[][]
  excluded: Term[]
  filters: SearchFilters
  expand: (term: Term) => string[]
}

export function searchTranscripts(db: SqliteDatabase, request: SearchRequest): SearchOutcome {
  const q = typeof request.q === 'string' ? request.q.trim() : ''
  const compiled = compileSearchQuery(q)
  if (!compiled.ok) return compiled
  const filters = {
    ...compiled.filters,
    speakers: [...compiled.filters.speakers, ...(request.speaker ? [request.speaker] : [])],
    shows: [...compiled.filters.shows, ...(request.show ? [request.show] : [])],
  }
  const page = { limit: request.limit ?? SEARCH_PAGE_SIZE, offset: request.offset ?? 0 }
  const base = { description: compiled.description, terms: compiled.terms }
  if (compiled.match === null) {
    const { total, rows } = listFilteredSentences(db, filters, page)
    return { ok: true, total, hits: rows.map(toHit), ...base }
  }
  const prepared = prepare(db, compiled.groups, compiled.excluded, filters)
  const exact = runQuery(db, prepared, page)
  const corrected = request.exact ? null : correctedQuery(db, q, compiled.groups)
  if (exact.total > 0) {
    return { ok: true, ...exact, ...base, ...(corrected && { suggestion: corrected.query }) }
  }
  if (request.exact) return { ok: true, ...exact, ...base }
  if (corrected?.replacesMissing) {
    const again = compileSearchQuery(corrected.query)
    if (again.ok && again.match !== null) {
      const correction = { original: q, query: corrected.query, description: again.description }
      const fixed = runQuery(db, prepare(db, again.groups, again.excluded, filters), page)
      if (fixed.total > 0)
        return { ok: true, ...fixed, description: again.description, terms: again.terms, correction }
      return relax(db, again.groups, again.excluded, filters, page, corrected.query, base, correction)
    }
  }
  return relax(db, compiled.groups, compiled.excluded, filters, page, q, base)
}

function prepare(db: SqliteDatabase, groups: Term[][], excluded: Term[], filters: SearchFilters): Prepared {
  const expand = (term: Term) => prefixExpansion(db, term)
  return { match: toMatch(groups, excluded, expand), groups, excluded, filters, expand }
}

// `replica*` over the porter index finds stems starting with "replica" and so misses
// "replicated" (stem "replic"); the most frequent surface words with the prefix join it.
export function prefixExpansion(db: SqliteDatabase, term: Term): string[] {
  if (!term.prefix || term.quoted || termTokens(term.text).length !== 1 || [...term.text].length < 3)
    return []
  return wordsWithPrefix(db, term.text, PREFIX_EXPANSION).map((word) => fts5String(word))
}

/**
 * Sentence hits, then passages once the sentence hits run out on the requested page; one page
 * of them and the total. While sentence hits fill the page, passages (which rank below every
 * one of them) are not looked for, and the total counts the sentence hits: it grows by the
 * passages on the page where they start.
 */
function runQuery(db: SqliteDatabase, query: Prepared, page: Page): { total: number; hits: SearchHit[] } {
  const ranking = rankingFor(query.groups)
  const sentences = searchSentences(db, query.match, query.filters, page, ranking)
  const pageFull = sentences.total >= page.offset + page.limit
  if (pageFull || sentences.total >= PASSAGE_TIER_LIMIT)
    return { total: sentences.total, hits: sentences.rows.map(toHit) }
  const passages = findPassages(db, query, query.filters)
  const skip = Math.max(0, page.offset - sentences.total)
  const room = page.limit - sentences.rows.length
  const onPage = room > 0 ? passages.slice(skip, skip + room) : []
  const passageHits = readPassages(db, query.match, onPage).map(passageToHit)
  return { total: sentences.total + passages.length, hits: [...sentences.rows.map(toHit), ...passageHits] }
}

/**
 * bm25 weighs a rare word over a common one only where they compete: between alternatives (OR,
 * and a prefix, which expands to several words). When every term must be in the sentence, every
 * match holds each of them, their weights add up alike, and bm25 orders by length, but for a
 * word said twice; so one term, or terms that are all required, rank by length (see Ranking),
 * without bm25's walk of every term's whole doclist (docs/decisions/0025).
 */
export function rankingFor(groups: Term[][]): Ranking {
  if (groups.length === 1 && groups[0]!.length === 1) return 'length'
  return groups.every((group) => group.length === 1 && !group[0]!.prefix) ? 'length' : 'bm25'
}

interface CorrectedQuery {
  query: string
  /** True when some corrected word is found nowhere as typed (so the typed query cannot match). */
  replacesMissing: boolean
}

// Only bare single words of positive terms are corrected: never a quoted phrase, a prefix*, an
// exclusion or a filter.
function correctedQuery(db: SqliteDatabase, q: string, groups: Term[][]): CorrectedQuery | null {
  const edits: { start: number; end: number; word: string }[] = []
  let replacesMissing = false
  for (const term of groups.flat()) {
    if (term.quoted || term.prefix || termTokens(term.text).length !== 1) continue
    const frequency = wordFrequency(db, term.text)
    if (frequency > RARE_WORD) continue
    const best = nearestWords(db, term.text, 1)[0]
    if (!best || (frequency > 0 && best.frequency < SUGGESTION_RATIO * frequency)) continue
    edits.push({ start: term.start, end: term.end, word: best.word })
    if (frequency === 0) replacesMissing = true
  }
  if (edits.length === 0) return null
  let query = q
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    query = query.slice(0, edit.start) + edit.word + query.slice(edit.end)
  }
  return { query, replacesMissing }
}

// No dead ends: when nothing has every word, say which words found nothing and show what the
// others find; when each word is found but never together, leave out the most common one.
function relax(
  db: SqliteDatabase,
  groups: Term[][],
  excluded: Term[],
  filters: SearchFilters,
  page: Page,
  q: string,
  base: { description: string; terms: string[] },
  correction?: Found['correction'],
): Found {
  const counts = groups.map((group) => countSentences(db, toMatch([group], []), filters))
  const label = (group: Term[]) => group.map(displayTerm).join(' or ')
  const missing = groups.filter((_, i) => counts[i] === 0).map(label)
  const empty = { ok: true as const, total: 0, hits: [], ...base, ...(correction && { correction }) }
  if (groups.length < 2) return { ...empty, missing }
  let kept = groups.filter((_, i) => counts[i]! > 0)
  if (kept.length === groups.length) {
    const mostCommon = counts.indexOf(Math.max(...counts))
    kept = groups.filter((_, i) => i !== mostCommon)
  }
  if (kept.length === 0) return { ...empty, missing }
  const found = runQuery(db, prepare(db, kept, excluded, filters), page)
  if (found.total === 0) return { ...empty, missing }
  const dropped = groups.filter((group) => !kept.includes(group)).map(label)
  const keptWords = new Set(kept.flat())
  const query = groups
    .flat()
    .filter((term) => !keptWords.has(term))
    .sort((a, b) => b.start - a.start)
    .reduce((text, term) => text.slice(0, term.start) + text.slice(term.end), q)
    .replace(/\s+/g, ' ')
    .trim()
  return { ...empty, ...found, relaxed: { missing, dropped, query } }
}

export function toHit(row: SentenceHitRow): SearchHit {
  return {
    episode: { slug: row.episodeSlug, title: row.episodeTitle },
    show: { slug: row.showSlug, title: row.showTitle },
    sentence: { id: row.sentenceId, startMs: row.startMs, speaker: row.speaker, text: row.text },
    snippet: splitSnippet(row.snippet),
  }
}

function passageToHit(passage: PassageHit): SearchHit {
  const sentences = passage.sentences.map((row, i) => ({
    id: row.sentenceId,
    startMs: row.startMs,
    speaker: row.speaker,
    text: row.text,
    snippet: splitSnippet(passage.marked[i] ?? row.text),
  }))
  const first = passage.sentences[0]!
  return {
    ...toHit(first),
    snippet: mergeAdjacent(
      sentences.flatMap((s, i) => (i === 0 ? s.snippet : [{ text: ' ', match: false }, ...s.snippet])),
    ),
    passage: { sentences },
  }
}

/** Splits an FTS5 snippet with MATCH_START/MATCH_END markers into plain and matched parts. */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = []
  const pattern = new RegExp(`${MATCH_START}([^${MATCH_END}]*)${MATCH_END}`, 'g')
  let last = 0
  for (const found of snippet.matchAll(pattern)) {
    if (found.index > last) parts.push({ text: snippet.slice(last, found.index), match: false })
    parts.push({ text: found[1] ?? '', match: true })
    last = found.index + found[0].length
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), match: false })
  return mergeAdjacent(parts)
}

// Adjacent matched tokens ("sqlite replication") read better as one highlight.
function mergeAdjacent(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = []
  for (const part of parts) {
    const previous = merged.at(-1)
    if (previous && previous.match === part.match) previous.text += part.text
    else merged.push({ ...part })
  }
  return merged
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** The API's snippet: HTML-escaped text with matches wrapped in <mark>…</mark>. */
export function snippetToHtml(parts: SnippetPart[]): string {
  return parts
    .map((part) => {
      const text = part.text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
      return part.match ? `<mark>${text}</mark>` : text
    })
    .join('')
}
