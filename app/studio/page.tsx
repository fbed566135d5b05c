// The hosts' area: every show (with its feed and "Refresh now"), adding a show by its feed URL,
// and making a show by hand.
import type { Metadata } from 'next'
import Link from 'next/link'
import { allowedOrInterrupt } from '@/app/studio/_components/studio-access'
import { AddFeedForm, RefreshFeedForm } from '@/app/studio/_components/feed-forms'
import { CreateShowForm } from '@/app/studio/_components/show-forms'
import { currentContext } from '@/lib/operations/server-context'
import { studioShows } from '@/lib/studio/reads'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Studio' }

export default async function StudioPage() {
  const shows = allowedOrInterrupt(await studioShows(await currentContext()), '/studio')
  return (
    <section className="studio">
      <h1>Studio</h1>
      <p className="muted">
        Add shows and episodes, upload transcripts and audio, refresh feeds.{' '}
        <Link href="/studio/status">Server status</Link>
      </p>
      <section aria-labelledby="shows-heading">
        <h2 id="shows-heading">Shows</h2>
        {shows.length === 0 ? (
          <p className="muted">No shows yet: add one by its feed, or make one below.</p>
        ) : null}
        <ul className="studio-list">
          {shows.map((show) => (
            <li key={show.slug}>
              <Link href={`/studio/shows/${show.slug}`} className="studio-list-title">
                {show.title}
              </Link>{' '}
              <span className="muted">
                {show.episodeCount} episode{show.episodeCount === 1 ? '' : 's'}
              </span>
              {show.feedUrl ? (
                <>
                  <p className="studio-feed muted">
                    Feed: <span className="feed-url">{show.feedUrl}</span>
                    {show.lastRefreshedAt
                      ? ` · refreshed ${show.lastRefreshedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
                      : ''}
                  </p>
                  <RefreshFeedForm showSlug={show.slug} showTitle={show.title} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
      <AddFeedForm />
      <CreateShowForm />
    </section>
  )
}
