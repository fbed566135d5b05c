import Link from 'next/link'
import { formatDate, formatDuration } from '@/lib/format'
import type { EpisodeCard } from '@/lib/shows/reads'

export function EpisodeList({ episodes, showShow = true }: { episodes: EpisodeCard[]; showShow?: boolean }) {
  if (episodes.length === 0)
    return <p className="muted">No episodes yet. Import transcripts with npm run import.</p>
  return (
    <ul className="episode-list">
      {episodes.map((episode) => {
        const facts = [
          showShow ? episode.show.title : null,
          formatDate(episode.publishedAt),
          formatDuration(episode.durationMs),
          `${episode._count.sentences} sentences`,
        ].filter(Boolean)
        // The feed's artwork (the episode's, else its show's), from the podcast's own host.
        const artwork = episode.artworkUrl ?? episode.show.artworkUrl
        return (
          <li key={episode.slug} className={artwork ? 'with-artwork' : undefined}>
            {artwork ? (
              <img className="episode-artwork" src={artwork} alt="" width={48} height={48} loading="lazy" />
            ) : null}
            <Link href={`/episodes/${episode.slug}`}>{episode.title}</Link>
            <span className="muted"> {facts.join(' · ')}</span>
          </li>
        )
      })}
    </ul>
  )
}
