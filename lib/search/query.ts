// The search-box grammar, compiled to an FTS5 MATCH expression that no input can subvert.
//
//   word          every bare word must occur (AND); matched after porter stemming and
//                 diacritic folding, so `replicating` finds "replication" and `cafe` "café"
//   "a phrase"    the words in this order; an unterminated quote runs to the end of the input
//   litest*       prefix: a word, or a closing quote, followed by `*` ("lite str"* works too)
//   -word         exclusion, also -"a phrase" and -prefix*; needs at least one positive term
//   a OR b        uppercase OR between two positive terms: either one (binds tighter than the
//                 implicit AND: `a OR b c` is (a OR b) AND c). An OR without a positive term on
//                 both sides is ignored, so a half-typed `sqlite OR` still searches "sqlite".
//   speaker:guido / speaker:"Full Name" / show:slug / show:"Show Title"
//                 filters, keys case-insensitive, position-free; several values of one key mean
//                 any of them. The caller applies them; -speaker: is refused with a message.
//   after:2024 / after:2024-03 / after:2024-03-15 / before:… (same forms)
//                 episodes published from the start of that year, month or day (after:), or
//                 before its start (before:); `after:2024-03 before:2024-04` is March 2024.
//                 Several of one key keep the narrowest. An episode without a publish date
//                 counts by its import date.
//
// Everything else is text: AND, NOT, NEAR, `text:foo`, `^foo`, `(foo` end up inside an FTS5
// string, where they are words or separators. Each term becomes "…" with any inner `"`
// doubled, so the only FTS5 syntax in `match` is what this file writes. A term with no token
// character (`***`, `--`, an emoji) is dropped: SQLite reads it as an empty phrase, and an
// empty phrase matches nothing alone, nothing under AND, and is ignored under implicit AND
// or NOT; that is no meaning to hand a listener.
//
// Limits: more than 500 characters (UTF-16 units, after trimming) or more than 16 terms is
// refused with a message rather than truncated; silently searching for part of what was typed
// would show results that look like an answer to the whole.

import { hasTokenChars, lexQuery, type Lexeme } from './query-lexer'

export interface SearchFilters {
  speakers: string[]
  shows: string[]
  /** First day (YYYY-MM-DD) of the published period, inclusive. */
  after?: string
  /** First day (YYYY-MM-DD) after the published period. */
  before?: string
}

export interface Term {
  text: string
  prefix: boolean
  quoted: boolean
  /** Where the term sits in the trimmed input (for rewriting a corrected query). */
  start: number
  end: number
}

export type CompiledQuery =
  | {
      ok: true
      match: string | null
      filters: SearchFilters
      terms: string[]
      description: string
      /** AND of groups, each group an OR of terms (for passages, typos and relaxing). */
      groups: Term[][]
      excluded: Term[]
    }
  | { ok: false; message: string }

export const MAX_QUERY_CHARS = 500
export const MAX_QUERY_TERMS = 16

export const QUERY_MESSAGES = {
  empty: 'Type a word or a "phrase" to search.',
  tooLong: `Searches are limited to ${MAX_QUERY_CHARS} characters; try a shorter one.`,
  tooManyTerms: `Use at most ${MAX_QUERY_TERMS} words or phrases in one search.`,
  noWords: 'Nothing to search for: use letters or numbers, or a "phrase".',
  onlyExclusions: 'Add a word to search for; exclusions like -word only narrow a search.',
  negatedFilter: 'Excluding a speaker or show is not supported; remove the "-" before speaker: or show:.',
  negatedDate: 'Excluding a period is not supported; use after: and before: without a "-".',
  badDate: 'Dates in after: and before: look like 2024, 2024-03 or 2024-03-15.',
} as const

interface ParsedQuery {
  /** AND of groups, each group an OR of terms. */
  groups: Term[][]
  excluded: Term[]
  filters: SearchFilters
  negatedFilter: boolean
  negatedDate: boolean
  badDate: boolean
}

/** An FTS5 string literal: the only quoting FTS5 has is doubling the quote character. */
export function fts5String(text: string): string {
  return `"${text.replaceAll('"', '""')}"`
}

/** `2024`, `2024-03` or `2024-03-15` → the first day of that period, or null. */
export function periodStart(value: string): string | null {
  const found = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value.trim())
  if (!found) return null
  const [year, month = 1, day = 1] = [Number(found[1]), Number(found[2] ?? 1), Number(found[3] ?? 1)]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return date.toISOString().slice(0, 10)
}

function addDateFilter(parsed: ParsedQuery, key: 'after' | 'before', value: string): void {
  const day = periodStart(value)
  if (day === null) {
    parsed.badDate = true
    return
  }
  const current = parsed.filters[key]
  // The narrowest wins: the latest after:, the earliest before:.
  if (current === undefined || (key === 'after' ? day > current : day < current)) parsed.filters[key] = day
}

function addFilter(filters: SearchFilters, key: 'speaker' | 'show', value: string): void {
  const list = key === 'speaker' ? filters.speakers : filters.shows
  const duplicate = list.some((v) => v.toLowerCase() === value.toLowerCase())
  if (value !== '' && !duplicate) list.push(value)
}

/** Groups terms by OR, sets exclusions and filters aside, drops terms without tokens. */
function parse(lexemes: Lexeme[]): ParsedQuery {
  const parsed: ParsedQuery = {
    groups: [],
    excluded: [],
    filters: { speakers: [], shows: [] },
    negatedFilter: false,
    negatedDate: false,
    badDate: false,
  }
  let lastWasPositive = false
  let orPending = false
  for (const lexeme of lexemes) {
    if (lexeme.kind === 'filter') {
      // Filters do not take part in OR: `a OR speaker:x b` still means a OR b.
      const isDate = lexeme.key === 'after' || lexeme.key === 'before'
      if (lexeme.negated && isDate) parsed.negatedDate = true
      else if (lexeme.negated) parsed.negatedFilter = true
      else if (lexeme.key === 'after' || lexeme.key === 'before')
        addDateFilter(parsed, lexeme.key, lexeme.value)
      else addFilter(parsed.filters, lexeme.key, lexeme.value)
    } else if (lexeme.kind === 'or') {
      orPending = lastWasPositive
    } else if (hasTokenChars(lexeme.text)) {
      const { text, prefix, quoted, start, end } = lexeme
      const term = { text, prefix, quoted, start, end }
      const lastGroup = parsed.groups.at(-1)
      if (lexeme.negated) parsed.excluded.push(term)
      else if (orPending && lastGroup) lastGroup.push(term)
      else parsed.groups.push([term])
      lastWasPositive = !lexeme.negated
      orPending = false
    }
  }
  return parsed
}

function phrase(term: Term): string {
  return fts5String(term.text) + (term.prefix ? '*' : '')
}

function anyOf(terms: Term[]): string {
  const phrases = terms.map(phrase)
  return phrases.length === 1 ? phrases.join('') : `(${phrases.join(' OR ')})`
}

/**
 * The MATCH expression for groups of terms (AND of ORs) and exclusions. FTS5's NOT is binary,
 * so exclusions hang off the whole positive side: (P) NOT (x OR y). `expand` may widen a term
 * into an OR of FTS5 strings (typo corrections, prefixes over surface words).
 */
export function toMatch(
  groups: Term[][],
  excluded: Term[],
  expand: (term: Term) => string[] = () => [],
): string {
  const alternatives = (group: Term[]) => {
    const phrases = group.flatMap((term) => [phrase(term), ...expand(term)])
    return phrases.length === 1 ? phrases.join('') : `(${phrases.join(' OR ')})`
  }
  const positive = groups.map(alternatives).join(' AND ')
  if (excluded.length === 0) return positive
  return `${groups.length > 1 ? `(${positive})` : positive} NOT ${anyOf(excluded)}`
}

export function displayTerm(term: Term): string {
  return term.text.toLowerCase() + (term.prefix ? '*' : '')
}

function quoteList(values: string[]): string {
  return values.map((v) => `"${v}"`).join(' or ')
}

/** "Results for …" text, e.g. `"sqlite" without "mysql" by speaker "Michael"`. */
export function summarize({
  groups,
  excluded,
  filters,
}: Pick<ParsedQuery, 'groups' | 'excluded' | 'filters'>): string {
  const bracket = groups.length > 1 // only then can "a or b and c" be read two ways
  const positive = groups.map((group) => {
    const text = quoteList(group.map(displayTerm))
    return bracket && group.length > 1 ? `(${text})` : text
  })
  const parts = [groups.length === 0 ? 'all sentences' : positive.join(' and ')]
  if (excluded.length > 0) parts.push(`without ${quoteList(excluded.map(displayTerm))}`)
  if (filters.speakers.length > 0) parts.push(`by speaker ${quoteList(filters.speakers)}`)
  if (filters.shows.length > 0) parts.push(`on show ${quoteList(filters.shows)}`)
  if (filters.after) parts.push(`from ${filters.after}`)
  if (filters.before) parts.push(`before ${filters.before}`)
  return parts.join(' ')
}

/** Compiles whatever was typed into the search box. Never throws. */
export function compileSearchQuery(input: string): CompiledQuery {
  // Typed as string, but a route handler may pass along whatever a request held.
  const text = typeof input === 'string' ? input.trim() : ''
  if (text === '') return { ok: false, message: QUERY_MESSAGES.empty }
  if (text.length > MAX_QUERY_CHARS) return { ok: false, message: QUERY_MESSAGES.tooLong }

  const parsed = parse(lexQuery(text))
  const { groups, excluded, filters } = parsed
  const termCount = groups.reduce((n, group) => n + group.length, 0) + excluded.length
  const hasFilters =
    filters.speakers.length + filters.shows.length > 0 ||
    filters.after !== undefined ||
    filters.before !== undefined
  if (parsed.negatedFilter) return { ok: false, message: QUERY_MESSAGES.negatedFilter }
  if (parsed.negatedDate) return { ok: false, message: QUERY_MESSAGES.negatedDate }
  if (parsed.badDate) return { ok: false, message: QUERY_MESSAGES.badDate }
  if (termCount > MAX_QUERY_TERMS) return { ok: false, message: QUERY_MESSAGES.tooManyTerms }
  if (groups.length === 0 && excluded.length > 0) return { ok: false, message: QUERY_MESSAGES.onlyExclusions }
  if (groups.length === 0 && !hasFilters) return { ok: false, message: QUERY_MESSAGES.noWords }

  return {
    ok: true,
    match: groups.length === 0 ? null : toMatch(groups, excluded),
    filters,
    terms: groups.flat().map(displayTerm),
    description: summarize(parsed),
    groups,
    excluded,
  }
}
