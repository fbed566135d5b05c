// A text/plain transcript from a feed: paragraphs (separated by blank lines; one line each when
// the file has no blank line), each optionally opened by
//   - a time:                 "[00:01:23] Marina: text" or "01:23 text"
//   - a speaker-and-time line: "Marina Okafor  0:09" on its own, the words on the lines below
//     (the layout transcription services export)
//   - a "Name:" speaker prefix, read as conservatively as in SRT (speaker-prefix.ts).
// A paragraph without a time starts where the one before it did; a file without any time starts
// every paragraph at 0:00 (a Repair: searchable, but it cannot follow the audio). A file in the
// "Starting point is" layout is read by that parser instead.
import { parseClockTime } from './clock-time'
import { parseStartingPoint, STARTING_POINT_LINE } from './parse-starting-point'
import { requireCues } from './require-cues'
import { findSpeakerNames, splitBySpeakerPrefix } from './speaker-prefix'
import { resolveSpeakers, type TaggedCue } from './speakers'
import { foldWhitespace, splitLines, stripBom } from './text'
import type { ParsedTranscript, Repair } from './types'

const TIME = String.raw`(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`
/** "[00:01:23] rest", "(1:23) rest", "01:23 rest", "01:23 - rest". */
const LEADING_TIME = new RegExp(String.raw`^[[(]?(${TIME})[\])]?(?:\s*[-–—]\s*|\s+)(\S.*)$`)
/** "Marina Okafor  0:09" or "Marina Okafor (00:00:09)": a short name, then a time, nothing else. */
const SPEAKER_TIME_LINE = new RegExp(
  String.raw`^(\p{L}[\p{L}\p{M}'’. -]{0,38}?)\s*[[(]?(${TIME})[\])]?$`,
  'u',
)

interface Paragraph {
  line: number
  lines: string[]
}

export function parsePlainTextTranscript(input: string): ParsedTranscript {
  const text = stripBom(input)
  const allLines = splitLines(text)
  if (allLines.slice(0, 20).some((line) => STARTING_POINT_LINE.test(line))) return parseStartingPoint(text)
  const repairs: Repair[] = []
  const paragraphs = toParagraphs(allLines)
  const openers = paragraphs.map(readOpener)
  const names = findSpeakerNames(openers.map((opener) => opener.lines))
  const tagged: TaggedCue[] = []
  let lastStart = 0
  let timed = false
  paragraphs.forEach((paragraph, index) => {
    const opener = openers[index]!
    let startMs = opener.startMs ?? lastStart
    if (opener.startMs != null) timed = true
    if (startMs < lastStart) {
      repairs.push({
        line: paragraph.line,
        message: 'time goes back before the paragraph above; it starts with that one',
      })
      startMs = lastStart
    }
    lastStart = startMs
    const runs =
      opener.speaker != null
        ? [{ voice: opener.speaker, text: foldWhitespace(opener.lines.join(' ')) }]
        : splitBySpeakerPrefix(opener.lines, names)
    for (const run of runs) {
      if (run.text !== '')
        tagged.push({
          id: null,
          startMs,
          endMs: null,
          voice: run.voice,
          text: run.text,
          line: paragraph.line,
        })
    }
  })
  if (tagged.length > 0 && !timed) {
    repairs.push({ line: 1, message: 'no times in the transcript: every paragraph starts at 0:00' })
  }
  return { format: 'plain-text', cues: requireCues(resolveSpeakers(tagged), repairs), repairs }
}

function toParagraphs(lines: string[]): Paragraph[] {
  const hasBlankLines = lines.some(
    (line, index) => line.trim() === '' && index > 0 && index < lines.length - 1,
  )
  const paragraphs: Paragraph[] = []
  let current: Paragraph | null = null
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      current = null
      return
    }
    if (current == null || !hasBlankLines) {
      current = { line: index + 1, lines: [] }
      paragraphs.push(current)
    }
    current.lines.push(line.trim())
  })
  return paragraphs
}

/** The time and speaker a paragraph opens with, and its remaining lines. */
function readOpener(paragraph: Paragraph): {
  startMs: number | null
  speaker: string | null
  lines: string[]
} {
  const [first = '', ...rest] = paragraph.lines
  const speakerLine = rest.length > 0 ? SPEAKER_TIME_LINE.exec(first) : null
  if (speakerLine?.[1] != null && speakerLine[2] != null) {
    const startMs = parseClockTime(speakerLine[2])
    if (startMs != null) return { startMs, speaker: speakerLine[1].trim(), lines: rest }
  }
  const leading = LEADING_TIME.exec(first)
  if (leading?.[1] != null && leading[2] != null) {
    const startMs = parseClockTime(leading[1])
    if (startMs != null) return { startMs, speaker: null, lines: [leading[2], ...rest] }
  }
  return { startMs: null, speaker: null, lines: paragraph.lines }
}
