// Which layout a transcript uses, judged from its content (a ".txt" file is often WebVTT).
import { STARTING_POINT_LINE } from './parse-starting-point'
import { isSrtTimingLine } from './srt-timing'
import { stripBom, splitLines } from './text'
import { TranscriptParseError, type TranscriptFormat } from './types'

const MAX_CONTROL_RATIO = 0.01
// Lines looked at to find the first cue or block; enough for a title or notes above it.
const LINES_TO_SNIFF = 20

/**
 * Detects the format of decoded text. Throws TranscriptParseError for an empty, whitespace-only
 * or binary-looking file, and for a layout it does not know.
 */
export function detectFormat(input: string): TranscriptFormat {
  const text = stripBom(input)
  rejectUnreadable(text)
  if (/^WEBVTT(?:$|[ \t\r\n])/.test(text)) return 'vtt'
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{')) return 'podcast-json'
  if (trimmed.startsWith('[')) {
    throw new TranscriptParseError(
      'JSON array is not a Podcasting 2.0 transcript (expected an object with "segments")',
      1,
    )
  }
  // The Podcasting 2.0 HTML transcript (<cite>, <time>, <p>); an HTML page is the only text
  // transcript that opens with markup.
  if (trimmed.startsWith('<')) return 'html'
  const lines = splitLines(text).slice(0, LINES_TO_SNIFF)
  const filled = lines.filter((line) => line.trim() !== '')
  const [first = '', second = ''] = filled
  if (isSrtTimingLine(first) || (/^\s*\d+\s*$/.test(first) && isSrtTimingLine(second))) return 'srt'
  if (filled.some((line) => STARTING_POINT_LINE.test(line))) return 'starting-point'
  if (/^\s*WEBVTT/.test(text))
    throw new TranscriptParseError('"WEBVTT" must be the very first line of a WebVTT file', 1)
  throw new TranscriptParseError(
    'unknown transcript format (expected a WEBVTT header, SRT cues, Podcasting 2.0 JSON or "Starting point is" blocks)',
    1,
  )
}

function rejectUnreadable(text: string): void {
  if (text.length === 0) throw new TranscriptParseError('file is empty')
  if (text.trim() === '') throw new TranscriptParseError('file contains only whitespace')
  const nul = text.indexOf('\0')
  if (nul !== -1) throw new TranscriptParseError('binary file: it contains NUL characters', lineAt(text, nul))
  const controls = countControlCharacters(text)
  if (controls > text.length * MAX_CONTROL_RATIO) {
    throw new TranscriptParseError(`binary file: ${controls} control characters in ${text.length}`)
  }
}

/** C0 controls other than tab, LF, FF and CR, plus DEL: text has next to none of them. */
function countControlCharacters(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f)
      count++
  }
  return count
}

function lineAt(text: string, index: number): number {
  return splitLines(text.slice(0, index)).length
}
