import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { EpisodeList } from '@/app/_components/episode-list'
import { FeedTranscripts } from '@/app/shows/[slug]/_components/feed-transcripts'
import { getShow } from '@/lib/shows/reads'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const show = await getShow((await params).slug)
  if (!show) return { title: 'Show not found' }
  // Feed readers find the show's feed (with transcript tags) from the page.
  return {
    title: show.title,
    alternates: { types: { 'application/rss+xml': `/shows/${show.slug}/feed.xml` } },
  }
}

export default async function ShowPage({ params }: Props) {
  const show = await getShow((await params).slug)
  if (!show) notFound()
  return (
    <>
      {show.artworkUrl ? (
        <img className="show-artwork" src={show.artworkUrl} alt="" width={120} height={120} />
      ) : null}
      <h1>{show.title}</h1>
      {show.description ? <p>{show.description}</p> : null}
      <form
        role="search"
        action="/search"
        method="get"
        className="search-box"
        aria-labelledby="show-search-label"
      >
        <label id="show-search-label" htmlFor="show-search">
          Search {show.title}
        </label>
        <div className="search-row">
          <input id="show-search" name="q" type="search" maxLength={500} />
          <input type="hidden" name="show" value={show.slug} />
          <button type="submit">Search</button>
        </div>
      </form>
      <h2>Episodes</h2>
      <EpisodeList episodes={show.episodes} showShow={false} />
      <FeedTranscripts slug={show.slug} />
    </>
  )
}
