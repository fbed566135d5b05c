// The transcript as the episode page sends it to the browser: one compact value
// (docs/decisions/0016-long-episode-page.md). Each sentence is a tuple of small numbers and its text — the id and start time as
// differences from the sentence before (mostly 1 and a few thousand ms), the version only when a
// host has edited it, its own speaker only when it differs from its segment's — so the page
// carries each sentence's words once for the client and once as HTML for the part rendered on
// the server, and hardly anything else. Pure: used by the server component that encodes and the
// client component that decodes.

/** [id − previous id, startMs − previous startMs, text, version?, speaker?] */
export type EncodedSentence =
  | [number, number, string]
  | [number, number, string, number]
  | [number, number, string, number, string | null]

export interface ChapterHeading {
  id: number
  startMs: number
  title: string
}

/** [segment id, startMs, speaker, sentences, extras?] */
export type EncodedSegment =
  | [number, number, string | null, EncodedSentence[]]
  | [number, number, string | null, EncodedSentence[], SegmentExtras]

/** What few segments have: chapter headings before them, and the speaker's picture and role. */
export interface SegmentExtras {
  chapters?: ChapterHeading[]
  image?: string
  role?: string
}

export interface TranscriptSentence {
  id: number
  startMs: number
  text: string
  /** The sentence's own speaker (what a host's edit says), else the segment's. */
  speaker: string | null
  /** Whether the speaker differs from its segment's: the sentence then shows it. */
  ownSpeaker: boolean
  version: number
}

export interface TranscriptSegment {
  id: number
  startMs: number
  speaker: string | null
  sentences: TranscriptSentence[]
  chapters: ChapterHeading[]
  image: string | null
  role: string | null
}

interface SourceSegment {
  id: number
  startMs: number
  speaker: string | null
  sentences: ReadonlyArray<{
    id: number
    startMs: number
    text: string
    speaker: string | null
    version: number
  }>
}

/** Encodes segments (in order); `extras` gives a segment's chapters and picture by its id. */
export function encodeTranscript(
  segments: readonly SourceSegment[],
  extras: (segment: SourceSegment) => SegmentExtras | undefined = () => undefined,
): EncodedSegment[] {
  let previousId = 0
  let previousStart = 0
  return segments.map((segment) => {
    const sentences: EncodedSentence[] = []
    for (const sentence of segment.sentences) {
      const encoded: Array<number | string | null> = [
        sentence.id - previousId,
        sentence.startMs - previousStart,
        sentence.text,
      ]
      previousId = sentence.id
      previousStart = sentence.startMs
      if (sentence.speaker !== segment.speaker) encoded.push(sentence.version, sentence.speaker)
      else if (sentence.version !== 1) encoded.push(sentence.version)
      sentences.push(encoded as EncodedSentence)
    }
    const extra = extras(segment)
    return extra
      ? [segment.id, segment.startMs, segment.speaker, sentences, extra]
      : [segment.id, segment.startMs, segment.speaker, sentences]
  })
}

export function decodeTranscript(encoded: readonly EncodedSegment[]): TranscriptSegment[] {
  let id = 0
  let startMs = 0
  return encoded.map(([segmentId, segmentStart, speaker, sentences, extras]) => ({
    id: segmentId,
    startMs: segmentStart,
    speaker,
    chapters: extras?.chapters ?? [],
    image: extras?.image ?? null,
    role: extras?.role ?? null,
    sentences: sentences.map((sentence) => {
      id += sentence[0]
      startMs += sentence[1]
      const ownSpeaker = sentence.length === 5
      return {
        id,
        startMs,
        text: sentence[2],
        version: sentence[3] ?? 1,
        speaker: ownSpeaker ? sentence[4] : speaker,
        ownSpeaker,
      }
    }),
  }))
}

/**
 * How many segments the server renders as HTML: enough for the first screens (at least
 * `sentences` sentences), and through the segment playing at `atMs` when a ?t= link asks for
 * a moment further in. The browser renders the rest right after the page is interactive.
 */
export function firstRenderedSegments(
  segments: readonly EncodedSegment[],
  options: { sentences: number; atMs: number | null },
): number {
  let count = 0
  let shown = 0
  while (shown < segments.length && count < options.sentences) count += segments[shown++]![3].length
  if (options.atMs !== null) {
    let startMs = 0
    let through = -1
    segments.forEach((segment, index) => {
      for (const sentence of segment[3]) {
        startMs += sentence[1]
        if (startMs <= options.atMs!) through = index
      }
    })
    shown = Math.max(shown, through + 1)
  }
  return shown
}
