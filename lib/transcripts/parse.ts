// The entry points: any supported transcript, as bytes or text, to cues (and on to sentences).
import { decodeTranscriptBytes } from './decode'
import { detectFormat } from './detect-format'
import { checkCues, checkTranscriptSize } from './limits'
import { normalizeTranscript } from './normalize'
import { parseHtmlTranscript } from './parse-html'
import { parsePlainTextTranscript } from './parse-plain-text'
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
  html: parseHtmlTranscript,
  'plain-text': parsePlainTextTranscript,
}

/**
 * Parses a transcript in any supported format, detected from its content unless `format` says
 * (a feed's MIME type: plain text has no layout to detect). Bytes must be UTF-8 (a BOM is
 * allowed). Throws TranscriptParseError when the file is not a usable transcript or passes a
 * limit of lib/transcripts/limits.ts (size, cues, timestamps).
 */
export function parseTranscript(content: string | Uint8Array, format?: TranscriptFormat): ParsedTranscript {
  checkTranscriptSize(content)
  const text = typeof content === 'string' ? content : decodeTranscriptBytes(content)
  const parsed = PARSERS[format ?? detectFormat(text)](text)
  checkCues(parsed.cues)
  return parsed
}

/** parseTranscript, then normalizeTranscript: sentences and segments ready to store. */
export function readTranscript(
  content: string | Uint8Array,
  format?: TranscriptFormat,
): NormalizedTranscript {
  return normalizeTranscript(parseTranscript(content, format))
}
