// The episode page's transcript as the server encodes it (lib/episodes/transcript-encoding.ts):
// chapter headings before the segments they open, the cast's pictures beside speaker turns. The
// page sends the first screens of it; a long transcript's whole value comes from
// GET /episodes/:slug/segments.json, so a page's size stays bounded by its first screens
// however long the episode is (docs/decisions/0016-long-episode-page.md, amended).
import 'server-only'
import { createHash } from 'node:crypto'
import type { EpisodeTranscript } from '@/lib/episodes/reads'
import {
  encodeTranscript,
  type ChapterHeading,
  type EncodedSegment,
  type SegmentExtras,
} from '@/lib/episodes/transcript-encoding'
import { castOf, personForSpeaker } from '@/lib/feeds/speaker-persons'

type Segment = EpisodeTranscript['segments'][number]
type Chapter = EpisodeTranscript['chapters'][number]

export interface TranscriptPayload {
  segments: EncodedSegment[]
  /** The whole value as JSON, as segments.json serves it. */
  json: string
  /** Names these exact bytes: it changes with any edit, split, merge, speaker or chapter. */
  version: string
}

export function transcriptPayload(episode: EpisodeTranscript): TranscriptPayload {
  const persons = castOf(episode.persons, episode.show.persons)
  const headings = chapterHeadings(episode.segments, episode.chapters)
  const segments = encodeTranscript(episode.segments, (segment): SegmentExtras | undefined => {
    const person = personForSpeaker(segment.speaker, persons)
    const extras: SegmentExtras = {}
    const before = headings.get(segment.id)
    if (before) extras.chapters = before
    if (person?.imageUrl) extras.image = person.imageUrl
    if (person?.role) extras.role = person.role
    return Object.keys(extras).length > 0 ? extras : undefined
  })
  const json = JSON.stringify(segments)
  return { segments, json, version: createHash('sha256').update(json).digest('base64url').slice(0, 22) }
}

/** Which chapters open before which segment: each at the first segment starting at or after it. */
function chapterHeadings(
  segments: readonly Segment[],
  chapters: readonly Chapter[],
): Map<number, ChapterHeading[]> {
  const headings = new Map<number, ChapterHeading[]>()
  let next = 0
  for (const chapter of chapters) {
    while (next < segments.length && segments[next]!.startMs < chapter.startMs) next++
    // A chapter after the last segment still gets its heading, before the last one.
    const segment = segments[Math.min(next, segments.length - 1)]!
    const heading = { id: chapter.id, startMs: chapter.startMs, title: chapter.title }
    headings.set(segment.id, [...(headings.get(segment.id) ?? []), heading])
  }
  return headings
}
