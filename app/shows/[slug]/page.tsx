import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { EpisodeList } from '@/app/_components/episode-list'
import { getShow } from '@/lib/shows'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const show = await getShow((await params).slug)
  return { title: show?.title ?? 'Show not found' }
}

export default async function ShowPage({ params }: Props) {
  const show = await getShow((await params).slug)
  if (!show) notFound()
  return (
    <>
      <h1>{show.title}</h1>
      {show.description ? <p>{show.description}</p> : null}
      <form role="search" action="/search" method="get" className="search-box">
        <label htmlFor="show-search">Search {show.title}</label>
        <div className="search-row">
          <input id="show-search" name="q" type="search" maxLength={500} />
          <input type="hidden" name="show" value={show.slug} />
          <button type="submit">Search</button>
        </div>
      </form>
      <h2>Episodes</h2>
      <EpisodeList episodes={show.episodes} showShow={false} />
    </>
  )
}
