// An episode with its transcript, for the episode page. The episode and what the feed gave it
// through Prisma; the segments and sentences with two plain SQL reads in order (the Sentence
// (episodeId, position) and Segment (episodeId, position) indexes), then grouped here: for the
// largest transcript allowed (20,000 sentences) Prisma's nested read took 2–4 s, the SQL ~0.25 s
// (docs/decisions/0016-long-episode-page.md).
import 'server-only'
import { cache } from 'react'
import { prisma, sqlite } from '@/lib/db/client'
import { statement } from '@/lib/db/statements'

const PERSON_SELECT = { name: true, role: true, imageUrl: true, href: true } as const

// cache(): generateMetadata and the page ask for the same episode in one request; read it once.
export const getEpisodeTranscript = cache(async (slug: string) => {
  const episode = await prisma().episode.findUnique({
    where: { slug },
    select: {
      id: true,
      // Whose show it is: the page offers host tools to the show's hosts only (hosts per show).
      showId: true,
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
    },
  })
  return episode ? { ...episode, segments: transcriptSegments(episode.id) } : null
})

export interface TranscriptSentenceRow {
  id: number
  startMs: number
  endMs: number | null
  speaker: string | null
  text: string
  version: number
}

export interface TranscriptSegmentRow {
  id: number
  startMs: number
  speaker: string | null
  sentences: TranscriptSentenceRow[]
}

/** The episode's segments in order, each with its sentences in order: one pass over each table's rows. */
function transcriptSegments(episodeId: number): TranscriptSegmentRow[] {
  const db = sqlite()
  const segments = statement(
    db,
    'SELECT id, startMs, speaker FROM Segment WHERE episodeId = ? ORDER BY position',
  ).all(episodeId) as TranscriptSegmentRow[]
  const byId = new Map<number, TranscriptSegmentRow>()
  for (const segment of segments) {
    segment.sentences = []
    byId.set(segment.id, segment)
  }
  const sentences = statement(
    db,
    'SELECT id, segmentId, startMs, endMs, speaker, text, version FROM Sentence WHERE episodeId = ? ORDER BY position',
  ).all(episodeId) as Array<TranscriptSentenceRow & { segmentId: number }>
  for (const sentence of sentences) byId.get(sentence.segmentId)?.sentences.push(sentence)
  return segments
}

export type EpisodeTranscript = NonNullable<Awaited<ReturnType<typeof getEpisodeTranscript>>>
