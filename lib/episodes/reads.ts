// An episode with its transcript, for the episode page.
import 'server-only'
import { cache } from 'react'
import { prisma } from '@/lib/db/client'

const PERSON_SELECT = { name: true, role: true, imageUrl: true, href: true } as const

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
      // The player (app/episodes/[slug]/_components/player-context.tsx): lib/media/audio-source.ts.
      audioFile: true,
      audioUrl: true,
      audioType: true,
      artworkUrl: true,
      show: {
        select: {
          slug: true,
          title: true,
          artworkUrl: true,
          persons: { orderBy: { position: 'asc' }, select: PERSON_SELECT },
        },
      },
      // From the feed (lib/feeds): chapter headings, the cast beside speaker turns, suggested quotes.
      chapters: {
        where: { toc: true },
        orderBy: { startMs: 'asc' },
        select: { id: true, startMs: true, title: true, url: true },
      },
      persons: { orderBy: { position: 'asc' }, select: PERSON_SELECT },
      soundbites: {
        orderBy: { startMs: 'asc' },
        select: { id: true, startMs: true, durationMs: true, title: true },
      },
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
