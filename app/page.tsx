import Link from 'next/link'
import { SearchBox } from '@/app/_components/search-box'
import { EpisodeList } from '@/app/_components/episode-list'
import { listRecentEpisodes, listShows } from '@/lib/shows/reads'

export const dynamic = 'force-dynamic'

export default async function HomePage() {
  const [shows, episodes] = await Promise.all([listShows(), listRecentEpisodes(12)])
  return (
    <>
      <section className="hero">
        <h1>Every word, every episode.</h1>
        <p>Search all transcripts at once and land on the exact sentence.</p>
        <SearchBox id="home-search" />
      </section>
      <div className="columns">
        <section aria-labelledby="shows-heading">
          <h2 id="shows-heading">Shows</h2>
          {shows.length === 0 ? (
            <p className="muted">No shows yet.</p>
          ) : (
            <ul className="show-list">
              {shows.map((show) => (
                <li key={show.slug}>
                  <Link href={`/shows/${show.slug}`}>{show.title}</Link>
                  <span className="muted">
                    {' '}
                    {show.episodeCount} episode{show.episodeCount === 1 ? '' : 's'}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent episodes</h2>
          <EpisodeList episodes={episodes} />
        </section>
      </div>
    </>
  )
}
