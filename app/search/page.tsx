import type { Metadata } from 'next'
import { SearchFilters } from '@/app/search/_components/search-filters'
import { SearchResults } from '@/app/search/_components/search-results'
import { SearchHelp } from '@/app/search/_components/search-help'
import { sqlite } from '@/lib/db/client'
import { searchByEpisode } from '@/lib/search/episode-groups'
import { firstValues, SearchPageParamsSchema } from '@/lib/search/params'
import { listShows } from '@/lib/shows/reads'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = SearchPageParamsSchema.parse(firstValues(await searchParams))
  return { title: q ? `“${q}”` : 'Search' }
}

export default async function SearchPage({ searchParams }: Props) {
  const params = SearchPageParamsSchema.parse(firstValues(await searchParams))
  const shows = await listShows()
  const hasQuery = params.q.trim() !== '' || params.speaker !== undefined || params.show !== undefined
  const results = hasQuery
    ? searchByEpisode(sqlite(), {
        q: params.q.trim() === '' ? filterOnlyQuery(params) : params.q,
        show: params.q.trim() === '' ? undefined : params.show,
        speaker: params.q.trim() === '' ? undefined : params.speaker,
        exact: params.exact,
        sort: params.sort,
        page: params.page,
      })
    : null
  return (
    <>
      <h1>Search</h1>
      {/* Keyed by the search, so a link to another search (sort, did you mean, a chart bar) refills the form. */}
      <SearchFilters
        key={JSON.stringify([params.q, params.show, params.speaker, params.sort])}
        params={params}
        shows={shows}
      />
      {results === null ? (
        <SearchHelp />
      ) : results.ok ? (
        <SearchResults results={results} params={params} />
      ) : (
        <p role="status" className="notice">
          {results.message}
        </p>
      )}
    </>
  )
}

// The filter controls alone (no words) list that speaker's or show's sentences.
function filterOnlyQuery(params: { show?: string; speaker?: string }): string {
  const quote = (value: string) => `"${value.replaceAll('"', '')}"`
  return [
    params.speaker ? `speaker:${quote(params.speaker)}` : '',
    params.show ? `show:${quote(params.show)}` : '',
  ].join(' ')
}
