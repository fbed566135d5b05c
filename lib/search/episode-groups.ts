// Results a listener can scan: one group per episode with its number of matches and its best
// few sentences, episodes ordered by relevance (where their best hit ranks) or by date; plus
// the same query scoped to one episode (find-in-this-episode) and hits ordered by date for the API.
//
// searchTranscripts (./search.ts) decides which query finds the results (as typed, corrected
// for typos, or relaxed to most of the words) and ranks the first hits; everything here then
// works on that query: counts per episode in one statement (./episode-matches.ts), and the
// best sentences of only the episodes on the page.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import {
  episodesBySlugs,
  matchCountsByEpisode,
  matchesInEpisode,
  MAX_EPISODE_MATCHES,
  plainSentenceRows,
  type EpisodeCounts,
  type EpisodeMatchCount,
} from '@/lib/search/episode-matches'
import { compileSearchQuery, toMatch, type SearchFilters } from '@/lib/search/query'
import {
  prefixExpansion,
  searchTranscripts,
  SEARCH_MAX_LIMIT,
  toHit,
  type SearchHit,
  type SearchOutcome,
} from '@/lib/search/search'
import { hitsWithSnippets } from '@/lib/search/search-sql'
import { buildTimeline, placedAt, type Timeline } from '@/lib/search/timeline'

export const SEARCH_SORTS = ['relevance', 'date'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const GROUPS_PER_PAGE = 10
export const HITS_PER_GROUP = 3
/** The ranked hits that order episodes by relevance: an episode ranks where its best hit does. */
const RANKED_HITS = SEARCH_MAX_LIMIT

type Found = Extract<SearchOutcome, { ok: true }>

export interface SearchInput {
  q: string
  show?: string
  speaker?: string
  exact?: boolean
}

/** The query that found the results, resolved once for the grouping, the chart and the scopes. */
export interface ResolvedSearch {
  outcome: Found
  /** The FTS5 expression of the query that found the results; null for filters only. */
  match: string | null
  filters: SearchFilters
  /** The query that found the results, as text (the typed one, corrected or relaxed). */
  query: string
}

export function resolveSearch(
  db: SqliteDatabase,
  input: SearchInput,
): { ok: false; message: string } | ({ ok: true } & ResolvedSearch) {
  const outcome = searchTranscripts(db, { ...input, limit: RANKED_HITS, offset: 0 })
  if (!outcome.ok) return outcome
  const query = outcome.correction?.query ?? outcome.relaxed?.query ?? input.q
  const compiled = compileSearchQuery(query)
  if (!compiled.ok) return compiled
  const filters: SearchFilters = {
    ...compiled.filters,
    speakers: [...compiled.filters.speakers, ...(input.speaker ? [input.speaker] : [])],
    shows: [...compiled.filters.shows, ...(input.show ? [input.show] : [])],
  }
  const match =
    compiled.match === null
      ? null
      : toMatch(compiled.groups, compiled.excluded, (term) => prefixExpansion(db, term))
  return { ok: true, outcome, match, filters, query }
}

/** Matches per episode: sentences, or for an episode found only through passages, its passages. */
export function episodeCounts(db: SqliteDatabase, search: ResolvedSearch): EpisodeCounts {
  if (search.outcome.total === 0) return { episodes: [], capped: false }
  const { episodes: counted, capped } = matchCountsByEpisode(db, search.match, search.filters)
  const known = new Set(counted.map((row) => row.slug))
  const passageOnly = new Map<string, number>()
  for (const hit of search.outcome.hits) {
    if (hit.passage && !known.has(hit.episode.slug))
      passageOnly.set(hit.episode.slug, (passageOnly.get(hit.episode.slug) ?? 0) + 1)
  }
  const extra = episodesBySlugs(db, [...passageOnly.keys()]).map((row) => ({
    ...row,
    matches: passageOnly.get(row.slug) ?? 0,
  }))
  return { episodes: [...counted, ...extra], capped }
}

/**
 * Episodes in the order the sort asks: by date, newest first (undated by import date); by
 * relevance, where each one's best hit ranks among the first ranked hits, then the ones with
 * more matches, then the newest.
 */
export function orderEpisodes(
  episodes: EpisodeMatchCount[],
  rankedSlugs: string[],
  sort: SearchSort,
): EpisodeMatchCount[] {
  const newestFirst = (a: EpisodeMatchCount, b: EpisodeMatchCount) =>
    placedAt(b).localeCompare(placedAt(a)) || b.episodeId - a.episodeId
  if (sort === 'date') return [...episodes].sort(newestFirst)
  const rank = new Map<string, number>()
  rankedSlugs.forEach((slug, i) => {
    if (!rank.has(slug)) rank.set(slug, i)
  })
  const rankOf = (row: EpisodeMatchCount) => rank.get(row.slug) ?? Number.POSITIVE_INFINITY
  return [...episodes].sort((a, b) => rankOf(a) - rankOf(b) || b.matches - a.matches || newestFirst(a, b))
}

export interface EpisodeGroup {
  episode: { slug: string; title: string; publishedAt: string | null }
  show: { slug: string; title: string }
  matches: number
  /** The best HITS_PER_GROUP hits (sentences, then passages). */
  hits: SearchHit[]
}

export interface GroupedResults {
  ok: true
  outcome: Found
  /** The query that found the results (typed, corrected or relaxed). */
  query: string
  /** One page of groups. */
  groups: EpisodeGroup[]
  episodes: number
  matches: number
  /** The counts cover only the newest MAX_COUNTED_MATCHES matching sentences. */
  capped: boolean
  pages: number
  timeline: Timeline | null
  /** The query or the form names a show (a chart bar then narrows only the period). */
  showFiltered: boolean
}

export function searchByEpisode(
  db: SqliteDatabase,
  input: SearchInput & { sort: SearchSort; page: number },
): { ok: false; message: string } | GroupedResults {
  const search = resolveSearch(db, input)
  if (!search.ok) return search
  const { episodes: counts, capped } = episodeCounts(db, search)
  const ordered = orderEpisodes(
    counts,
    search.outcome.hits.map((hit) => hit.episode.slug),
    search.match === null ? 'date' : input.sort,
  )
  const start = (input.page - 1) * GROUPS_PER_PAGE
  const groups = ordered.slice(start, start + GROUPS_PER_PAGE).map((row) => ({
    episode: { slug: row.slug, title: row.title, publishedAt: row.publishedAt },
    show: { slug: row.showSlug, title: row.showTitle },
    matches: row.matches,
    hits: groupHits(db, search, row),
  }))
  return {
    ok: true,
    outcome: search.outcome,
    query: search.query,
    groups,
    episodes: counts.length,
    matches: counts.reduce((sum, row) => sum + row.matches, 0),
    capped,
    pages: Math.ceil(counts.length / GROUPS_PER_PAGE),
    timeline: buildTimeline(counts, { oneShow: search.filters.shows.length === 1 }),
    showFiltered: search.filters.shows.length > 0,
  }
}

// A group's best hits: the episode's among the ranked first hits, else its best by bm25.
function groupHits(db: SqliteDatabase, search: ResolvedSearch, episode: EpisodeMatchCount): SearchHit[] {
  const ranked = search.outcome.hits.filter((hit) => hit.episode.slug === episode.slug)
  const enough = ranked.length >= Math.min(HITS_PER_GROUP, episode.matches)
  if (ranked.length > 0 && enough) return ranked.slice(0, HITS_PER_GROUP)
  return bestHits(db, search, episode, { limit: HITS_PER_GROUP, offset: 0 })
}

// An episode's best hits: its sentences by bm25, then (when it has none) its passages.
function bestHits(
  db: SqliteDatabase,
  search: ResolvedSearch,
  episode: Pick<EpisodeMatchCount, 'episodeId' | 'slug'>,
  page: { limit: number; offset: number },
): SearchHit[] {
  const { ids } = matchesInEpisode(db, search.match, search.filters, episode.episodeId, {
    order: 'rank',
    count: false,
    ...page,
  })
  const rows = search.match === null ? plainSentenceRows(db, ids) : hitsWithSnippets(db, search.match, ids)
  if (rows.length > 0) return rows.map(toHit)
  return search.outcome.hits
    .filter((hit) => hit.passage && hit.episode.slug === episode.slug)
    .slice(page.offset, page.offset + page.limit)
}

/** The API's `sort=date`: hits of the newest episodes first, each episode's best first. */
export function hitsByDate(
  db: SqliteDatabase,
  search: ResolvedSearch,
  page: { limit: number; offset: number },
): { total: number; hits: SearchHit[] } {
  const ordered = orderEpisodes(episodeCounts(db, search).episodes, [], 'date')
  const total = ordered.reduce((sum, row) => sum + row.matches, 0)
  const hits: SearchHit[] = []
  let skip = page.offset
  for (const episode of ordered) {
    if (hits.length >= page.limit) break
    if (skip >= episode.matches) {
      skip -= episode.matches
      continue
    }
    hits.push(...bestHits(db, search, episode, { limit: page.limit - hits.length, offset: skip }))
    skip = 0
  }
  return { total, hits }
}

/** The API's `episode=`: hits inside one episode, best first (or in transcript order). */
export function hitsInEpisode(
  db: SqliteDatabase,
  search: ResolvedSearch,
  episode: { id: number; slug: string },
  options: { order: 'rank' | 'position'; limit: number; offset: number },
): { total: number; hits: SearchHit[] } {
  const found = matchesInEpisode(db, search.match, search.filters, episode.id, options)
  if (found.total) {
    const rows =
      search.match === null ? plainSentenceRows(db, found.ids) : hitsWithSnippets(db, search.match, found.ids)
    return { total: found.total, hits: rows.map(toHit) }
  }
  const passages = passagesIn(search, episode.slug)
  return { total: passages.length, hits: passages.slice(options.offset, options.offset + options.limit) }
}

/**
 * Find-in-this-episode (`episode=&all=1`): the ids of every matching sentence in transcript
 * order, at most MAX_EPISODE_MATCHES; when no single sentence matches, the first sentences of
 * the episode's passages.
 */
export function matchIdsInEpisode(
  db: SqliteDatabase,
  search: ResolvedSearch,
  episode: { id: number; slug: string },
): { total: number; sentenceIds: number[] } {
  const found = matchesInEpisode(db, search.match, search.filters, episode.id, {
    order: 'position',
    limit: MAX_EPISODE_MATCHES,
  })
  if (found.total) return { total: found.total, sentenceIds: found.ids }
  const passages = passagesIn(search, episode.slug).sort((a, b) => a.sentence.startMs - b.sentence.startMs)
  return { total: passages.length, sentenceIds: passages.map((hit) => hit.sentence.id) }
}

function passagesIn(search: ResolvedSearch, slug: string): SearchHit[] {
  return search.outcome.hits.filter((hit) => hit.passage && hit.episode.slug === slug)
}
