import type { Metadata } from 'next'
import { SearchFilters } from '@/app/search/_components/search-filters'
import { SearchResults } from '@/app/search/_components/search-results'
import { SearchHelp } from '@/app/search/_components/search-help'
import { sqlite } from '@/lib/db/client'
import { firstValues, SearchPageParamsSchema } from '@/lib/search/params'
import { searchTranscripts, SEARCH_PAGE_SIZE } from '@/lib/search/search'
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
  const outcome = hasQuery
    ? searchTranscripts(sqlite(), {
        q: params.q.trim() === '' ? filterOnlyQuery(params) : params.q,
        show: params.q.trim() === '' ? undefined : params.show,
        speaker: params.q.trim() === '' ? undefined : params.speaker,
        limit: SEARCH_PAGE_SIZE,
        offset: (params.page - 1) * SEARCH_PAGE_SIZE,
        exact: params.exact,
      })
    : null
  return (
    <>
      <h1>Search</h1>
      <SearchFilters params={params} shows={shows} />
      {outcome === null ? (
        <SearchHelp />
      ) : outcome.ok ? (
        <SearchResults outcome={outcome} params={params} />
      ) : (
        <p role="status" className="notice">
          {outcome.message}
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
