// Cues to sentences and segments. Pure: no I/O.
import { cueClock, speakerRuns, type CueClock, type SpeakerRun } from './cue-timeline'
import { groupSegments, type PlacedSentence } from './segments'
import { capSentenceLength, splitSentences } from './sentence-split'
import { foldWhitespace } from './text'
import type { NormalizedTranscript, ParsedTranscript } from './types'

/**
 * Merges cue text and splits it into sentences: a sentence the source cuts across cues stays one
 * sentence, starting in the cue where it begins; a change of speaker always ends a sentence.
 * Times are interpolated by character position inside a cue, and sentence starts never decrease
 * along the transcript (a cue that starts before the one it follows is clamped).
 */
export function normalizeTranscript(parsed: ParsedTranscript): NormalizedTranscript {
  const cues = parsed.cues
    .map((cue) => {
      const text = foldWhitespace(cue.text)
      return text === cue.text ? cue : { ...cue, text }
    })
    .filter((cue) => cue.text !== '')
  const clock = cueClock(cues)
  const sentences = speakerRuns(cues).flatMap((run) => placeSentences(run, clock))
  clampToNonDecreasing(sentences)
  const segments = groupSegments(sentences, cues, parsed.format)
  const speakers = [
    ...new Set(sentences.flatMap((sentence) => (sentence.speaker == null ? [] : [sentence.speaker]))),
  ]
  return { ...parsed, segments, speakers }
}

function placeSentences(run: SpeakerRun, clock: CueClock): PlacedSentence[] {
  let spanIndex = 0
  // Sentences come in text order, so the span holding a position only ever moves forward.
  const spanAt = (position: number) => {
    while (spanIndex + 1 < run.spans.length && (run.spans[spanIndex + 1]?.offset ?? Infinity) <= position)
      spanIndex++
    const span = run.spans[spanIndex]
    if (span == null) throw new Error('a speaker run without cues')
    return span
  }
  const cueStarts = run.spans.map((span) => span.offset)
  const ranges = splitSentences(run.text).flatMap((range) => capSentenceLength(run.text, range, cueStarts))
  return ranges.map(({ start, end }) => {
    const first = spanAt(start)
    const startMs = clock.startAt(first.cueIndex, start - first.offset)
    const last = spanAt(end - 1)
    const endMs = clock.endAt(last.cueIndex, end - last.offset)
    return {
      startMs,
      endMs,
      speaker: run.speaker,
      text: run.text.slice(start, end),
      cueIndex: first.cueIndex,
    }
  })
}

function clampToNonDecreasing(sentences: PlacedSentence[]): void {
  let floorMs = 0
  for (const sentence of sentences) {
    sentence.startMs = Math.max(sentence.startMs, floorMs)
    if (sentence.endMs != null) sentence.endMs = Math.max(sentence.endMs, sentence.startMs)
    floorMs = sentence.startMs
  }
}
