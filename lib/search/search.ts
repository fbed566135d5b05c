// Searching every transcript: compile the listener's query, run it, shape hits for the page
// and the JSON API. Any input returns hits or a message; nothing here throws on user input.
import { compileSearchQuery } from '@/lib/search/query'
import {
  listFilteredSentences,
  searchSentences,
  MATCH_END,
  MATCH_START,
  type SentenceHitRow,
} from '@/lib/search/search-sql'
import type { SqliteDatabase } from '@/lib/db/sqlite'

export const SEARCH_PAGE_SIZE = 20
export const SEARCH_MAX_LIMIT = 100

export interface SnippetPart {
  text: string
  match: boolean
}

export interface SearchHit {
  episode: { slug: string; title: string }
  show: { slug: string; title: string }
  sentence: { id: number; startMs: number; speaker: string | null; text: string }
  snippet: SnippetPart[]
}

export type SearchOutcome =
  | { ok: true; total: number; hits: SearchHit[]; description: string; terms: string[] }
  | { ok: false; message: string }

export interface SearchRequest {
  q: string
  limit?: number
  offset?: number
  /** Extra filters from form controls, added to any `speaker:`/`show:` in the query. */
  speaker?: string
  show?: string
}

export function searchTranscripts(db: SqliteDatabase, request: SearchRequest): SearchOutcome {
  const compiled = compileSearchQuery(request.q)
  if (!compiled.ok) return compiled
  const filters = {
    speakers: [...compiled.filters.speakers, ...(request.speaker ? [request.speaker] : [])],
    shows: [...compiled.filters.shows, ...(request.show ? [request.show] : [])],
  }
  const page = { limit: request.limit ?? SEARCH_PAGE_SIZE, offset: request.offset ?? 0 }
  const { total, rows } =
    compiled.match === null
      ? listFilteredSentences(db, filters, page)
      : searchSentences(db, compiled.match, filters, page)
  return { ok: true, total, hits: rows.map(toHit), description: compiled.description, terms: compiled.terms }
}

function toHit(row: SentenceHitRow): SearchHit {
  return {
    episode: { slug: row.episodeSlug, title: row.episodeTitle },
    show: { slug: row.showSlug, title: row.showTitle },
    sentence: { id: row.sentenceId, startMs: row.startMs, speaker: row.speaker, text: row.text },
    snippet: splitSnippet(row.snippet),
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
