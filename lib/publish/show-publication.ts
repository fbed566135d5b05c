// What a show publishes: its channel facts and, per episode, what its feed item carries.
// Read for the show page's "transcripts for your feed" list and for /shows/:slug/feed.xml.
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { isBoundedSlug } from '@/lib/operations/lookups'
import { notFound, ok } from '@/lib/result'

export async function readShowPublication(db: PrismaClient, slug: unknown) {
  if (!isBoundedSlug(slug)) return notFound('show')
  const show = await db.show.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      description: true,
      language: true,
      author: true,
      artworkUrl: true,
      link: true,
      episodes: {
        orderBy: [{ publishedAt: { sort: 'desc', nulls: 'last' } }, { slug: 'asc' }],
        select: {
          slug: true,
          title: true,
          description: true,
          publishedAt: true,
          durationMs: true,
          guid: true,
          audioUrl: true,
          audioType: true,
          audioBytes: true,
          artworkUrl: true,
          season: true,
          episodeNumber: true,
          _count: { select: { sentences: true } },
        },
      },
    },
  })
  return show ? ok(show) : notFound('show')
}

export type ShowPublication = Extract<Awaited<ReturnType<typeof readShowPublication>>, { ok: true }>['value']
export type PublishedEpisode = ShowPublication['episodes'][number]

/** Only episodes with a transcript get transcript tags: the others' exports would be empty. */
export function hasTranscript(episode: PublishedEpisode): boolean {
  return episode._count.sentences > 0
}
