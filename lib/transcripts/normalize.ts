// Cues to sentences and segments. Pure: no I/O.
import { cueClock, speakerRuns, type CueClock, type SpeakerRun } from './cue-timeline'
import { checkSentences, cutAtWords, TRANSCRIPT_LIMITS } from './limits'
import { groupSegments, type PlacedSentence } from './segments'
import { capSentenceLength, splitSentences } from './sentence-split'
import { foldWhitespace } from './text'
import type { Cue, NormalizedTranscript, ParsedTranscript, Repair } from './types'

/**
 * Merges cue text and splits it into sentences: a sentence the source cuts across cues stays one
 * sentence, starting in the cue where it begins; a change of speaker always ends a sentence.
 * Times are interpolated by character position inside a cue, and sentence starts never decrease
 * along the transcript (a cue that starts before the one it follows is clamped). Text longer than
 * a sentence may be (run-on captions without punctuation) is cut at word boundaries, as a Repair;
 * more sentences than an episode may hold is refused (lib/transcripts/limits.ts).
 */
export function normalizeTranscript(parsed: ParsedTranscript): NormalizedTranscript {
  const cues = parsed.cues
    .map((cue) => {
      const text = foldWhitespace(cue.text)
      return text === cue.text ? cue : { ...cue, text }
    })
    .filter((cue) => cue.text !== '')
  const clock = cueClock(cues)
  const repairs: Repair[] = [...parsed.repairs]
  const sentences = speakerRuns(cues).flatMap((run) => placeSentences(run, clock, cues, repairs))
  checkSentences(sentences)
  clampToNonDecreasing(sentences)
  const segments = groupSegments(sentences, cues, parsed.format)
  const speakers = [
    ...new Set(sentences.flatMap((sentence) => (sentence.speaker == null ? [] : [sentence.speaker]))),
  ]
  return { ...parsed, repairs, segments, speakers }
}

function placeSentences(run: SpeakerRun, clock: CueClock, cues: Cue[], repairs: Repair[]): PlacedSentence[] {
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
  const max = TRANSCRIPT_LIMITS.maxSentenceChars
  const ranges = splitSentences(run.text)
    .flatMap((range) => capSentenceLength(run.text, range, cueStarts))
    .flatMap((range) => {
      if (range.end - range.start <= max) return [range]
      const pieces = cutAtWords(run.text, range, max)
      const line = cues[spanAt(range.start).cueIndex]?.line ?? 0
      repairs.push({
        line,
        message: `a ${(range.end - range.start).toLocaleString('en')}-character run without sentence punctuation was cut into ${pieces.length} sentences of at most ${max} characters`,
      })
      return pieces
    })
  spanIndex = 0
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
