// The entry points: any supported transcript, as bytes or text, to cues (and on to sentences).
import { decodeTranscriptBytes } from './decode'
import { detectFormat } from './detect-format'
import { normalizeTranscript } from './normalize'
import { parsePodcastJson } from './parse-podcast-json'
import { parseSrt } from './parse-srt'
import { parseStartingPoint } from './parse-starting-point'
import { parseVtt } from './parse-vtt'
import type { NormalizedTranscript, ParsedTranscript, TranscriptFormat } from './types'

const PARSERS: Record<TranscriptFormat, (text: string) => ParsedTranscript> = {
  vtt: parseVtt,
  srt: parseSrt,
  'podcast-json': parsePodcastJson,
  'starting-point': parseStartingPoint,
}

/**
 * Parses a transcript in any supported format, detected from its content. Bytes must be UTF-8
 * (a BOM is allowed). Throws TranscriptParseError when the file is not a usable transcript.
 */
export function parseTranscript(content: string | Uint8Array): ParsedTranscript {
  const text = typeof content === 'string' ? content : decodeTranscriptBytes(content)
  return PARSERS[detectFormat(text)](text)
}

/** parseTranscript, then normalizeTranscript: sentences and segments ready to store. */
export function readTranscript(content: string | Uint8Array): NormalizedTranscript {
  return normalizeTranscript(parseTranscript(content))
}
