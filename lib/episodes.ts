// An episode with its transcript, for the episode page.
import 'server-only'
import { prisma } from '@/lib/db'

export async function getEpisodeTranscript(slug: string) {
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
}

export type EpisodeTranscript = NonNullable<Awaited<ReturnType<typeof getEpisodeTranscript>>>
