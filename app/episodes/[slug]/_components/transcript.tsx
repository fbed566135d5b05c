// The transcript as segments (speaker turns or source paragraphs), sent to the browser as one
// compact value (lib/episodes/transcript-encoding.ts) that TranscriptText renders: the first
// screens as HTML from the server, the rest in the browser right after. Issue 14 found a
// 74-minute episode was 918 KB of HTML (a client component, a button and a copy of the text per
// sentence) and issue 15 a page for the largest transcript allowed took 4 s, then 0.5–1 s while it
// still carried the whole value (3 MB): a long transcript's page now carries only its first
// screens, and the browser fetches the whole value from segments.json
// (docs/decisions/0016-long-episode-page.md has the measurements).
import { TranscriptText } from '@/app/episodes/[slug]/_components/transcript-text'
import { firstRenderedSegments } from '@/lib/episodes/transcript-encoding'
import type { TranscriptPayload } from '@/lib/episodes/transcript-payload'

/** Sentences the server renders as HTML before the browser takes over: a few screens' worth. */
export const SERVER_RENDERED_SENTENCES = 300
/**
 * How far into the transcript a ?t= link is rendered on the server (in sentences). A moment
 * beyond is shown by the browser once the rest arrives, as a #s- link beyond the first screens
 * is: the page stays bounded for any link into the longest transcript.
 */
export const SERVER_RENDERED_SENTENCES_MAX = 2_000

interface TranscriptProps {
  slug: string
  transcript: TranscriptPayload
  /** A ?t= link's moment, in ms: the server renders through the sentence playing then. */
  atMs?: number | null
}

export function Transcript({ slug, transcript, atMs = null }: TranscriptProps) {
  const { segments } = transcript
  if (segments.length === 0) return <p className="muted">This episode has no transcript yet.</p>
  const throughMoment = firstRenderedSegments(segments, { sentences: SERVER_RENDERED_SENTENCES, atMs })
  const rendered =
    atMs === null || sentencesIn(segments, throughMoment) <= SERVER_RENDERED_SENTENCES_MAX
      ? throughMoment
      : firstRenderedSegments(segments, { sentences: SERVER_RENDERED_SENTENCES, atMs: null })
  const complete = rendered >= segments.length
  // As one JSON string: the page carries it as a single text (no per-value work when the server
  // serializes it or the browser reads it), and a refresh that changes nothing keeps it equal.
  return (
    <TranscriptText
      firstSegments={complete ? transcript.json : JSON.stringify(segments.slice(0, rendered))}
      segmentCount={segments.length}
      wholeUrl={
        complete ? null : `/episodes/${encodeURIComponent(slug)}/segments.json?v=${transcript.version}`
      }
    />
  )
}

function sentencesIn(segments: TranscriptPayload['segments'], count: number): number {
  let sentences = 0
  for (let n = 0; n < count; n++) sentences += segments[n]![3].length
  return sentences
}
