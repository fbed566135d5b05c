// Shows and their episodes, for the home and show pages.
import 'server-only'
import { cache } from 'react'
import { prisma } from '@/lib/db/client'

export interface ShowSummary {
  slug: string
  title: string
  description: string
  episodeCount: number
}

export async function listShows(): Promise<ShowSummary[]> {
  const shows = await prisma().show.findMany({
    select: { slug: true, title: true, description: true, _count: { select: { episodes: true } } },
    orderBy: { title: 'asc' },
  })
  return shows.map(({ _count, ...show }) => ({ ...show, episodeCount: _count.episodes }))
}

// cache(): generateMetadata and the page ask for the same show in one request; read it once.
export const getShow = cache(async (slug: string) => {
  return prisma().show.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      description: true,
      artworkUrl: true,
      episodes: {
        select: EPISODE_CARD_FIELDS,
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { slug: 'asc' }],
      },
    },
  })
})

const EPISODE_CARD_FIELDS = {
  slug: true,
  title: true,
  publishedAt: true,
  durationMs: true,
  artworkUrl: true,
  show: { select: { slug: true, title: true, artworkUrl: true } },
  _count: { select: { sentences: true } },
} as const

export async function listRecentEpisodes(limit: number) {
  return prisma().episode.findMany({
    select: EPISODE_CARD_FIELDS,
    orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
  })
}

export type EpisodeCard = Awaited<ReturnType<typeof listRecentEpisodes>>[number]
