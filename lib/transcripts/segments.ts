// Sentences into segments (display blocks): speaker turns, paragraphs, or "Starting point" blocks.
import type { Cue, NormalizedSegment, NormalizedSentence, TranscriptFormat } from './types'

/** Silence between two sentences that starts a new paragraph. */
export const PARAGRAPH_GAP_MS = 2000
/** A paragraph this long ends at its next sentence boundary. */
export const PARAGRAPH_MAX_MS = 60_000

/** A sentence and the index of the cue it begins in. */
export interface PlacedSentence extends NormalizedSentence {
  cueIndex: number
}

/**
 * "Starting point" files: one segment per source block, starting exactly at the block's time; a
 * sentence belongs to the block it begins in, and a block where no sentence begins joins the
 * previous segment. Other formats: a new segment at every change of speaker, and within a turn a
 * new paragraph after a silence of PARAGRAPH_GAP_MS or once it has run PARAGRAPH_MAX_MS.
 */
export function groupSegments(
  sentences: PlacedSentence[],
  cues: Cue[],
  format: TranscriptFormat,
): NormalizedSegment[] {
  const byBlock = format === 'starting-point'
  const segments: NormalizedSegment[] = []
  let segment: NormalizedSegment | null = null
  let previous: PlacedSentence | null = null
  for (const sentence of sentences) {
    const opens = byBlock
      ? previous?.cueIndex !== sentence.cueIndex
      : opensParagraph(segment, previous, sentence)
    if (segment == null || opens) {
      const startMs = byBlock ? (cues[sentence.cueIndex]?.startMs ?? sentence.startMs) : sentence.startMs
      segment = { startMs, speaker: sentence.speaker, sentences: [] }
      segments.push(segment)
    }
    const { cueIndex: _cueIndex, ...plain } = sentence
    segment.sentences.push(plain)
    previous = sentence
  }
  return segments
}

function opensParagraph(
  segment: NormalizedSegment | null,
  previous: PlacedSentence | null,
  sentence: PlacedSentence,
): boolean {
  if (segment == null || previous == null) return true
  if (sentence.speaker !== previous.speaker) return true
  if (previous.endMs != null && sentence.startMs - previous.endMs >= PARAGRAPH_GAP_MS) return true
  return sentence.startMs - segment.startMs >= PARAGRAPH_MAX_MS
}
