// Results a listener can scan: the chart of when the words came up, then one group per
// episode (its number of matches, its best sentences, a link to find the rest inside it),
// ordered by relevance or by date, a page of episodes at a time.
import Link from 'next/link'
import { SearchTimeline } from '@/app/search/_components/search-timeline'
import { formatDate, formatTimestamp } from '@/lib/format'
import type { EpisodeGroup, GroupedResults, SearchSort } from '@/lib/search/episode-groups'
import { MAX_COUNTED_MATCHES } from '@/lib/search/episode-matches'
import type { SearchOutcome } from '@/lib/search/search'

type Found = Extract<SearchOutcome, { ok: true }>
interface Params {
  q: string
  page: number
  show?: string
  speaker?: string
  exact?: boolean
  sort: SearchSort
}

function searchHref(params: Params, q: string, extra: Record<string, string> = {}) {
  const query = new URLSearchParams({ q, ...extra })
  if (params.show) query.set('show', params.show)
  if (params.speaker) query.set('speaker', params.speaker)
  return `/search?${query}`
}

function quoted(words: string[]) {
  return words.map((word) => `“${word}”`).join(', ')
}

// Why these results: a corrected query, a suggestion, or results for most of the words.
function ResultNotes({ outcome, params }: { outcome: Found; params: Params }) {
  return (
    <>
      {outcome.correction ? (
        <p className="notice search-correction">
          Showing results for <strong>{outcome.correction.query}</strong> — search instead for{' '}
          <Link href={searchHref(params, outcome.correction.original, { exact: '1' })}>
            {outcome.correction.original}
          </Link>
        </p>
      ) : null}
      {outcome.suggestion ? (
        <p className="notice search-suggestion">
          Did you mean <Link href={searchHref(params, outcome.suggestion)}>{outcome.suggestion}</Link>?
        </p>
      ) : null}
      {outcome.relaxed ? (
        <p role="status" className="notice search-relaxed">
          No sentence matches <strong>{outcome.description}</strong>, nor any passage of adjacent sentences.{' '}
          {outcome.relaxed.missing.length > 0
            ? `Nothing was found for ${quoted(outcome.relaxed.missing)}. `
            : ''}
          Showing the best matches for{' '}
          <Link href={searchHref(params, outcome.relaxed.query)}>{outcome.relaxed.query}</Link>
          {outcome.relaxed.dropped.length > outcome.relaxed.missing.length
            ? `, without ${quoted(outcome.relaxed.dropped.filter((word) => !outcome.relaxed?.missing.includes(word)))}`
            : ''}
          .
        </p>
      ) : null}
    </>
  )
}

function EmptyState({ outcome }: { outcome: Found }) {
  return (
    <div role="status" className="notice">
      <p>
        No sentence matches <strong>{outcome.description}</strong>
        {outcome.correction ? <> (corrected from “{outcome.correction.original}”)</> : null}.
      </p>
      {outcome.missing && outcome.missing.length > 0 ? (
        <p>No transcript says {quoted(outcome.missing)}.</p>
      ) : null}
      <ul>
        <li>Check the spelling, or try a word that sounds alike.</li>
        <li>
          Use fewer words, or a word beginning such as <code>replic*</code>.
        </li>
        <li>Remove the speaker, show or date filters.</li>
      </ul>
    </div>
  )
}

export function SearchResults({ results, params }: { results: GroupedResults; params: Params }) {
  const { outcome } = results
  if (outcome.total === 0) return <EmptyState outcome={outcome} />
  const href = (q: string) => searchHref(params, q, params.sort === 'date' ? { sort: 'date' } : {})
  // Find-in-this-episode gets the query that found these results, with the form's speaker.
  const findQuery = params.speaker
    ? `${results.query} speaker:"${params.speaker.replaceAll('"', '')}"`
    : results.query
  return (
    <>
      <ResultNotes outcome={outcome} params={params} />
      {results.timeline ? (
        <SearchTimeline
          timeline={results.timeline}
          query={results.query}
          href={href}
          showFiltered={results.showFiltered}
        />
      ) : null}
      {/* One status per page: when the results are relaxed, the note above is it. */}
      <p role={outcome.relaxed ? undefined : 'status'} className="muted">
        {results.groups.length > 0
          ? `${countText(results.matches, 'matching sentence')} in ${countText(results.episodes, 'episode')} for ${outcome.description}`
          : `No more results: ${countText(results.episodes, 'episode')} in all for ${outcome.description}`}
        {results.capped
          ? `; counted over the newest ${MAX_COUNTED_MATCHES.toLocaleString('en')} matching sentences`
          : ''}
      </p>
      <SortLinks params={params} />
      <ol className="result-groups">
        {results.groups.map((group) => (
          <EpisodeGroupItem key={group.episode.slug} group={group} findQuery={findQuery} />
        ))}
      </ol>
      <Pagination params={params} pages={results.pages} />
    </>
  )
}

function countText(count: number, noun: string, plural = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : plural}`
}

function SortLinks({ params }: { params: Params }) {
  const sorts = [
    { sort: 'relevance', label: 'Best match' },
    { sort: 'date', label: 'Newest first' },
  ] as const
  return (
    <nav className="sort-links" aria-label="Sort results">
      <span className="muted">Sort:</span>{' '}
      {sorts.map(({ sort, label }, i) => (
        <span key={sort}>
          {i > 0 ? ' · ' : null}
          {params.sort === sort ? (
            <strong aria-current="true">{label}</strong>
          ) : (
            <Link
              href={searchHref(params, params.q, { ...(sort === 'date' && { sort }), ...exactParam(params) })}
            >
              {label}
            </Link>
          )}
        </span>
      ))}
    </nav>
  )
}

function exactParam(params: Params): Record<string, string> {
  return params.exact ? { exact: '1' } : {}
}

function EpisodeGroupItem({ group, findQuery }: { group: EpisodeGroup; findQuery: string }) {
  const more = group.matches - group.hits.length
  const published = group.episode.publishedAt ? formatDate(new Date(group.episode.publishedAt)) : null
  return (
    <li className="result-group">
      <h2>
        <Link href={`/episodes/${group.episode.slug}`}>{group.episode.title}</Link>
        <span className="muted">
          {' '}
          · {group.show.title}
          {published ? ` · ${published}` : ''}
        </span>
      </h2>
      <p className="muted result-count">{countText(group.matches, 'match', 'matches')}</p>
      <ul className="hits">
        {group.hits.map((hit) => (
          <li key={hit.sentence.id}>
            {/* A full page load, so the browser's :target lands on and highlights the sentence. */}
            <a className="hit" href={`/episodes/${hit.episode.slug}#s-${hit.sentence.id}`}>
              <span className="timestamp">{formatTimestamp(hit.sentence.startMs)}</span>
              {hit.sentence.speaker ? <span className="speaker">{hit.sentence.speaker}</span> : null}
              {hit.passage ? (
                <span className="passage-label muted">across {hit.passage.sentences.length} sentences: </span>
              ) : null}
              <span className="snippet">
                {hit.snippet.map((part, index) =>
                  part.match ? <mark key={index}>{part.text}</mark> : part.text,
                )}
              </span>
            </a>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p className="more-in-episode">
          <a href={`/episodes/${group.episode.slug}?find=${encodeURIComponent(findQuery)}`}>
            {more} more in this episode
          </a>
        </p>
      ) : null}
    </li>
  )
}

function Pagination({ params, pages }: { params: Params; pages: number }) {
  if (pages <= 1) return null
  const href = (page: number) =>
    searchHref(params, params.q, {
      page: String(page),
      ...(params.sort === 'date' && { sort: 'date' }),
      ...exactParam(params),
    })
  return (
    <nav className="pagination" aria-label="Result pages">
      {params.page > 1 ? <Link href={href(params.page - 1)}>← Previous</Link> : <span />}
      <span className="muted">
        Page {Math.min(params.page, pages)} of {pages}
      </span>
      {params.page < pages ? <Link href={href(params.page + 1)}>Next →</Link> : <span />}
    </nav>
  )
}
