// The transcript as segments (speaker turns or source paragraphs), sent to the browser as one
// compact value (lib/episodes/transcript-encoding.ts) that TranscriptText renders: the first screens as HTML from
// the server, the rest in the browser right after. Issue 14 found a 74-minute episode was 918 KB
// of HTML (a client component, a button and a copy of the text per sentence) and issue 15 a
// page for the largest transcript allowed took 4 s; docs/decisions/0016-long-episode-page.md has the measurements.
import { TranscriptText } from '@/app/episodes/[slug]/_components/transcript-text'
import {
  encodeTranscript,
  firstRenderedSegments,
  type ChapterHeading,
  type SegmentExtras,
} from '@/lib/episodes/transcript-encoding'
import { personForSpeaker, type SpeakerPerson } from '@/lib/feeds/speaker-persons'
import type { EpisodeTranscript } from '@/lib/episodes/reads'

type Segment = EpisodeTranscript['segments'][number]
type Chapter = EpisodeTranscript['chapters'][number]

/** Sentences the server renders as HTML before the browser takes over: a few screens' worth. */
export const SERVER_RENDERED_SENTENCES = 300

interface TranscriptProps {
  segments: Segment[]
  /** Chapter titles become headings before the first segment at or after their start. */
  chapters?: Chapter[]
  /** The cast (<podcast:person>): a speaker label that names one gets its picture. */
  persons?: readonly SpeakerPerson[]
  /** A ?t= link's moment, in ms: the server renders through the sentence playing then. */
  atMs?: number | null
}

export function Transcript({ segments, chapters = [], persons = [], atMs = null }: TranscriptProps) {
  if (segments.length === 0) return <p className="muted">This episode has no transcript yet.</p>
  const headings = chapterHeadings(segments, chapters)
  const encoded = encodeTranscript(segments, (segment): SegmentExtras | undefined => {
    const person = personForSpeaker(segment.speaker, persons)
    const extras: SegmentExtras = {}
    const before = headings.get(segment.id)
    if (before) extras.chapters = before
    if (person?.imageUrl) extras.image = person.imageUrl
    if (person?.role) extras.role = person.role
    return Object.keys(extras).length > 0 ? extras : undefined
  })
  const initial = firstRenderedSegments(encoded, { sentences: SERVER_RENDERED_SENTENCES, atMs })
  // As one JSON string: the page carries it as a single text (no per-value work when the server
  // serializes it or the browser reads it), and a refresh that changes nothing keeps it equal.
  return <TranscriptText transcript={JSON.stringify(encoded)} initialSegments={initial} />
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
