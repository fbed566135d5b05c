import { TranscriptParseError, type Cue, type Repair } from './types'

/** A file where no usable cue remains is not a transcript; say why, pointing at the first problem. */
export function requireCues(cues: Cue[], repairs: Repair[]): Cue[] {
  if (cues.length > 0) return cues
  const first = repairs[0]
  if (first == null) throw new TranscriptParseError('no cues with valid timestamps and text found')
  throw new TranscriptParseError(
    `no cues with valid timestamps (first problem: ${first.message})`,
    first.line,
  )
}
