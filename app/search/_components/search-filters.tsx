import type { SearchSort } from '@/lib/search/episode-groups'
import type { ShowSummary } from '@/lib/shows/reads'

interface Params {
  q: string
  show?: string
  speaker?: string
  sort: SearchSort
}

export function SearchFilters({ params, shows }: { params: Params; shows: ShowSummary[] }) {
  return (
    <form
      role="search"
      action="/search"
      method="get"
      className="search-box search-filters"
      aria-label="Search with filters"
    >
      <label htmlFor="search-q">Words, &quot;phrases&quot;, prefix*, -exclusions</label>
      <div className="search-row">
        <input
          id="search-q"
          name="q"
          type="search"
          defaultValue={params.q}
          maxLength={500}
          autoComplete="off"
        />
        <button type="submit">Search</button>
      </div>
      <div className="filter-row">
        <label>
          Show{' '}
          <select name="show" defaultValue={params.show ?? ''}>
            <option value="">All shows</option>
            {shows.map((show) => (
              <option key={show.slug} value={show.slug}>
                {show.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          Speaker <input name="speaker" type="text" defaultValue={params.speaker ?? ''} maxLength={200} />
        </label>
        <label>
          Sort{' '}
          <select name="sort" defaultValue={params.sort}>
            <option value="relevance">Best match</option>
            <option value="date">Newest first</option>
          </select>
        </label>
      </div>
    </form>
  )
}
