// An episode with its transcript, for the episode page.
import 'server-only'
import { cache } from 'react'
import { prisma } from '@/lib/db/client'

// cache(): generateMetadata and the page ask for the same episode in one request; read it once.
export const getEpisodeTranscript = cache(async (slug: string) => {
  return prisma().episode.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      publishedAt: true,
      durationMs: true,
      commentsEnabled: true,
      show: { select: { slug: true, title: true } },
      segments: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          startMs: true,
          speaker: true,
          sentences: {
            orderBy: { position: 'asc' },
            select: { id: true, startMs: true, endMs: true, speaker: true, text: true, version: true },
          },
        },
      },
    },
  })
})

export type EpisodeTranscript = NonNullable<Awaited<ReturnType<typeof getEpisodeTranscript>>>
