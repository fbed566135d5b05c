// Hits grouped by episode, in rank order of each episode's best hit, with pagination.
import Link from 'next/link'
import { formatTimestamp } from '@/lib/format'
import { SEARCH_PAGE_SIZE, type SearchHit, type SearchOutcome } from '@/lib/search/search'

type Found = Extract<SearchOutcome, { ok: true }>
interface Params {
  q: string
  page: number
  show?: string
  speaker?: string
  exact?: boolean
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

export function SearchResults({ outcome, params }: { outcome: Found; params: Params }) {
  if (outcome.total === 0) return <EmptyState outcome={outcome} />
  const first = (params.page - 1) * SEARCH_PAGE_SIZE + 1
  const last = first + outcome.hits.length - 1
  return (
    <>
      <ResultNotes outcome={outcome} params={params} />
      {/* One status per page: when the results are relaxed, the note above is it. */}
      <p role={outcome.relaxed ? undefined : 'status'} className="muted">
        {outcome.hits.length > 0
          ? `Sentences ${first}–${last} of ${outcome.total} for ${outcome.description}`
          : `No more results: ${outcome.total} in all for ${outcome.description}`}
      </p>
      <ol className="result-groups">
        {groupByEpisode(outcome.hits).map((group) => (
          <li key={group.episode.slug} className="result-group">
            <h2>
              <Link href={`/episodes/${group.episode.slug}`}>{group.episode.title}</Link>
              <span className="muted"> · {group.show.title}</span>
            </h2>
            <ul className="hits">
              {group.hits.map((hit) => (
                <li key={hit.sentence.id}>
                  {/* A full page load, so the browser's :target lands on and highlights the sentence. */}
                  <a className="hit" href={`/episodes/${hit.episode.slug}#s-${hit.sentence.id}`}>
                    <span className="timestamp">{formatTimestamp(hit.sentence.startMs)}</span>
                    {hit.sentence.speaker ? <span className="speaker">{hit.sentence.speaker}</span> : null}
                    {hit.passage ? (
                      <span className="passage-label muted">
                        across {hit.passage.sentences.length} sentences:{' '}
                      </span>
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
          </li>
        ))}
      </ol>
      <Pagination params={params} total={outcome.total} />
    </>
  )
}

function groupByEpisode(hits: SearchHit[]) {
  const groups = new Map<
    string,
    { episode: SearchHit['episode']; show: SearchHit['show']; hits: SearchHit[] }
  >()
  for (const hit of hits) {
    const group = groups.get(hit.episode.slug) ?? { episode: hit.episode, show: hit.show, hits: [] }
    group.hits.push(hit)
    groups.set(hit.episode.slug, group)
  }
  return [...groups.values()]
}

function Pagination({ params, total }: { params: Params; total: number }) {
  const pages = Math.ceil(total / SEARCH_PAGE_SIZE)
  if (pages <= 1) return null
  const href = (page: number) =>
    searchHref(params, params.q, { page: String(page), ...(params.exact && { exact: '1' }) })
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
