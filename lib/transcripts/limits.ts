// What one transcript may hold, so that whatever the importer accepts the app can serve: an
// episode page and a search stay fast for the largest file allowed (`npm run bench:abuse` times
// it). Issue 15: a 50 MB one-line file became one 50-million-character sentence (a 150 MB page,
// a search pinning a worker for minutes), 200k cues broke the episode page, and a cue at
// 99999999:00:00 was stored. Every limit refuses the whole file before anything is written,
// except an over-long sentence, which is cut (a Repair) as the parser mends other problems.
import { TranscriptParseError } from './types'

export const TRANSCRIPT_LIMITS = {
  /** The file, in bytes: ten times a three-hour episode's WebVTT with word-level cues. */
  maxBytes: 10 * 1024 * 1024,
  /** Cues in the file (word-level Podcasting 2.0 JSON of a 10-hour episode has ~90k). */
  maxCues: 100_000,
  /** Sentences after normalizing: a three-hour conversation has ~3,000. */
  maxSentences: 20_000,
  /** The words of all sentences together, in characters: a three-hour conversation has ~160,000. */
  maxTextChars: 2_000_000,
  /**
   * No stored sentence is longer: run-on text without punctuation is cut at a word boundary
   * before this. The same number as a host's edit limit (SENTENCE_MAX_LENGTH, lib/sentences/sentence-text.ts).
   */
  maxSentenceChars: 2_000,
  /** No cue starts or ends later than this: 24 hours. */
  maxTimestampMs: 24 * 60 * 60 * 1000,
} as const

/** Refuses a file larger than maxBytes before it is decoded or parsed. */
export function checkTranscriptSize(content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength
  if (bytes > TRANSCRIPT_LIMITS.maxBytes)
    throw new TranscriptParseError(
      `the file is ${megabytes(bytes)} MB; a transcript can be at most ${megabytes(TRANSCRIPT_LIMITS.maxBytes)} MB`,
    )
}

/** Refuses more cues than maxCues, or a cue starting or ending beyond maxTimestampMs. */
export function checkCues(
  cues: ReadonlyArray<{ startMs: number; endMs: number | null; line: number }>,
): void {
  if (cues.length > TRANSCRIPT_LIMITS.maxCues)
    throw new TranscriptParseError(
      `the file has ${cues.length.toLocaleString('en')} cues; a transcript can have at most ${TRANSCRIPT_LIMITS.maxCues.toLocaleString('en')}`,
    )
  const late = cues.find(
    (cue) =>
      cue.startMs > TRANSCRIPT_LIMITS.maxTimestampMs || (cue.endMs ?? 0) > TRANSCRIPT_LIMITS.maxTimestampMs,
  )
  if (late)
    throw new TranscriptParseError(
      `a cue ${late.startMs > TRANSCRIPT_LIMITS.maxTimestampMs ? 'starts' : 'ends'} after 24:00:00; no episode is that long (a broken timestamp?)`,
      late.line,
    )
}

/** Refuses more sentences than maxSentences, or more text than maxTextChars: the episode page shows it all. */
export function checkSentences(sentences: ReadonlyArray<{ text: string }>): void {
  const count = sentences.length
  if (count > TRANSCRIPT_LIMITS.maxSentences)
    throw new TranscriptParseError(
      `the transcript has ${count.toLocaleString('en')} sentences; an episode can have at most ${TRANSCRIPT_LIMITS.maxSentences.toLocaleString('en')}`,
    )
  let chars = 0
  for (const sentence of sentences) chars += sentence.text.length
  if (chars > TRANSCRIPT_LIMITS.maxTextChars)
    throw new TranscriptParseError(
      `the transcript has ${chars.toLocaleString('en')} characters of text; an episode can have at most ${TRANSCRIPT_LIMITS.maxTextChars.toLocaleString('en')}`,
    )
}

/**
 * Cuts [start, end) of `text` into pieces of at most `max` characters, each ending at the last
 * whitespace before the bound (a text without any is cut at the bound, never inside a surrogate
 * pair). Offsets index `text`; pieces are trimmed and never empty.
 */
export function cutAtWords(
  text: string,
  range: { start: number; end: number },
  max: number = TRANSCRIPT_LIMITS.maxSentenceChars,
): Array<{ start: number; end: number }> {
  const pieces: Array<{ start: number; end: number }> = []
  let start = range.start
  while (start < range.end) {
    while (start < range.end && /\s/.test(text.charAt(start))) start++
    if (start >= range.end) break
    let end = Math.min(range.end, start + max)
    if (end < range.end) {
      const space = lastWhitespace(text, start, end)
      if (space > start) end = space
      else if (isLowSurrogate(text.charCodeAt(end))) end--
    }
    let trimmedEnd = end
    while (trimmedEnd > start && /\s/.test(text.charAt(trimmedEnd - 1))) trimmedEnd--
    pieces.push({ start, end: trimmedEnd })
    start = end
  }
  return pieces
}

/** The index of the last whitespace in (start, end], or -1; a loop, not a regex over the whole text. */
function lastWhitespace(text: string, start: number, end: number): number {
  for (let i = end; i > start; i--) if (/\s/.test(text.charAt(i))) return i
  return -1
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')
}
