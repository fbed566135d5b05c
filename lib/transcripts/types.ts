// Shapes shared by every transcript parser, the normalizer, the importer and the CLIs.
// Times are integer milliseconds from the start of the episode.

export type TranscriptFormat = 'vtt' | 'srt' | 'podcast-json' | 'starting-point' | 'html' | 'plain-text'

/** One timed block as the source file has it (a WebVTT/SRT cue, a JSON segment, a "Starting point" paragraph). */
export interface Cue {
  /** The cue identifier when the source has one (WebVTT cue id, SRT counter), else null. */
  id: string | null
  startMs: number
  endMs: number | null
  speaker: string | null
  /** Plain text: markup stripped, entities decoded, inner line breaks folded to spaces. */
  text: string
  /** 1-based line in the source file where the cue starts (for error messages). */
  line: number
}

/** Something the parser had to skip or mend; reported per file, never fatal. */
export interface Repair {
  line: number
  message: string
}

export interface ParsedTranscript {
  format: TranscriptFormat
  cues: Cue[]
  repairs: Repair[]
}

export interface NormalizedSentence {
  startMs: number
  endMs: number | null
  speaker: string | null
  text: string
}

/** A display block: a speaker turn or a source paragraph, with its sentences in order. */
export interface NormalizedSegment {
  startMs: number
  speaker: string | null
  sentences: NormalizedSentence[]
}

export interface NormalizedTranscript extends ParsedTranscript {
  segments: NormalizedSegment[]
  /** Distinct speakers in order of first appearance. */
  speakers: string[]
}

/** A file that cannot be read as a transcript at all. `line` points at the problem when known. */
export class TranscriptParseError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(line == null ? message : `line ${line}: ${message}`)
    this.name = 'TranscriptParseError'
  }
}
