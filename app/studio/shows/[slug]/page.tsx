// One show in the hosts' area: its episodes (with what each still lacks), "Refresh now" for a
// show from a feed, and "New episode".
import type { Metadata } from 'next'
import Link from 'next/link'
import { CreateEpisodeForm } from '@/app/studio/_components/episode-forms'
import { RefreshFeedForm } from '@/app/studio/_components/feed-forms'
import { allowedOrInterrupt, dateField } from '@/app/studio/_components/studio-access'
import { currentContext } from '@/lib/operations/server-context'
import { studioShow } from '@/lib/studio/reads'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Show · Studio' }

type Props = { params: Promise<{ slug: string }> }

export default async function StudioShowPage({ params }: Props) {
  const { slug } = await params
  const show = allowedOrInterrupt(await studioShow(await currentContext(), { slug }), `/studio/shows/${slug}`)
  return (
    <section className="studio">
      <p className="studio-breadcrumbs">
        <Link href="/studio">Studio</Link> › {show.title}
      </p>
      <h1>{show.title}</h1>
      <p>
        <Link href={`/shows/${show.slug}`}>Public page</Link>
      </p>
      {show.feedUrl ? (
        <section aria-label="Feed">
          <p className="studio-feed muted">
            Feed: <span className="feed-url">{show.feedUrl}</span>
          </p>
          <RefreshFeedForm showSlug={show.slug} showTitle={show.title} />
        </section>
      ) : null}
      <section aria-labelledby="episodes-heading">
        <h2 id="episodes-heading">Episodes</h2>
        {show.episodes.length === 0 ? <p className="muted">No episodes yet.</p> : null}
        <ul className="studio-list">
          {show.episodes.map((episode) => (
            <li key={episode.slug}>
              <Link href={`/studio/episodes/${episode.slug}`} className="studio-list-title">
                {episode.title}
              </Link>{' '}
              <span className="muted">
                {episode.publishedAt ? dateField(episode.publishedAt) : 'no date'} ·{' '}
                {episode._count.sentences > 0 ? `${episode._count.sentences} sentences` : 'no transcript'} ·{' '}
                {episode.audioFile || episode.audioUrl ? 'audio' : 'no audio'}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <CreateEpisodeForm showSlug={show.slug} />
    </section>
  )
}
