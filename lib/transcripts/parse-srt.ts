// SubRip (SRT): blocks of a counter line, a timing line and text lines, separated by blank lines.
// SRT has no spec; this reads what mainstream players read. Like ffmpeg's SubRip demuxer, a timing
// line starts a new cue even without the blank line before it (a number line right before it is
// its counter), and a cue whose end is not after its start keeps its text.
import { decodeCharacterReferences } from './character-references'
import { requireCues } from './require-cues'
import { findSpeakerNames, splitBySpeakerPrefix } from './speaker-prefix'
import { resolveSpeakers, splitCueByVoice } from './speakers'
import { isSrtTimingLine, parseSrtTiming } from './srt-timing'
import { lineBreakRepair, stripBom, splitLines } from './text'
import type { ParsedTranscript, Repair } from './types'

interface SrtBlock {
  line: number
  lines: string[]
}

interface SrtCue {
  id: string | null
  startMs: number
  /** Null for a cue that does not end after it starts: it ends where the next cue starts. */
  endMs: number | null
  line: number
  textLines: string[]
}

const COUNTER = /^\s*\d+\s*$/
// HTML-like tags (<i>, <b>, <u>, <font color="…">) and ASS overrides ({\an8}); "a < b" is left alone.
const MARKUP = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>|\{\\[^}]*\}/g

/** Parses SRT. Speakers come from conservative "Name: text" prefixes (see speaker-prefix.ts). */
export function parseSrt(input: string): ParsedTranscript {
  const repairs: Repair[] = lineBreakRepair(input)
  const srtCues: SrtCue[] = []
  for (const block of collectSrtBlocks(splitLines(stripBom(input)))) {
    for (const cueBlock of splitRunTogetherCues(block, repairs)) readBlock(cueBlock, srtCues, repairs)
  }
  const plainLines = srtCues.map((cue) =>
    cue.textLines.map((line) => decodeCharacterReferences(line.replace(MARKUP, ''))),
  )
  const names = findSpeakerNames(plainLines)
  const tagged = srtCues.flatMap(({ textLines: _text, ...base }, i) => {
    const runs = splitBySpeakerPrefix(plainLines[i] ?? [], names)
    return runs.length === 0 ? [] : splitCueByVoice(base, runs)
  })
  const cues = resolveSpeakers(tagged)
  return { format: 'srt', cues: requireCues(cues, repairs), repairs }
}

function collectSrtBlocks(lines: string[]): SrtBlock[] {
  const blocks: SrtBlock[] = []
  let current: SrtBlock | null = null
  lines.forEach((line, index) => {
    if (line.trim() === '') current = null
    else if (current == null) blocks.push((current = { line: index + 1, lines: [line] }))
    else current.lines.push(line)
  })
  return blocks
}

/**
 * Splits a block where a cue starts without the blank line before it: after the block's timing
 * line, a counter line followed by a timing line, or a timing line alone, begins the next cue.
 */
function splitRunTogetherCues(block: SrtBlock, repairs: Repair[]): SrtBlock[] {
  const pieces: SrtBlock[] = []
  let rest = block
  for (;;) {
    const timingIndex = rest.lines.findIndex((line) => line.includes('-->'))
    const next = timingIndex === -1 ? -1 : nextCueStart(rest.lines, timingIndex + 1)
    if (next === -1) return [...pieces, rest]
    pieces.push({ line: rest.line, lines: rest.lines.slice(0, next) })
    rest = { line: rest.line + next, lines: rest.lines.slice(next) }
    repairs.push({ line: rest.line, message: 'no blank line before this cue: split from the cue before it' })
  }
}

function nextCueStart(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (isSrtTimingLine(line)) return index
    if (COUNTER.test(line) && isSrtTimingLine(lines[index + 1] ?? '')) return index
  }
  return -1
}

function readBlock(block: SrtBlock, cues: SrtCue[], repairs: Repair[]): void {
  const timingIndex = block.lines.findIndex((line) => line.includes('-->'))
  const previous = cues.at(-1)
  if (timingIndex === -1) {
    if (block.lines.length === 1 && COUNTER.test(block.lines[0] ?? '')) {
      repairs.push({
        line: block.line,
        message: 'cue number without a timing line skipped (file cut short?)',
      })
    } else if (previous != null) {
      // A blank line inside cue text is a common authoring slip; keep the words with their cue.
      // A loop, not push(...lines): spreading a block of millions of lines overflows the stack.
      for (const line of block.lines) previous.textLines.push(line)
      repairs.push({ line: block.line, message: 'text after a blank line joined to the cue before it' })
    } else {
      repairs.push({ line: block.line, message: 'text before the first cue skipped' })
    }
    return
  }
  const hasCounter = timingIndex === 1 && COUNTER.test(block.lines[0] ?? '')
  if (timingIndex > 0 && !hasCounter) {
    repairs.push({ line: block.line, message: `${timingIndex} line(s) before the timing line skipped` })
  }
  const timingLineNumber = block.line + timingIndex
  const timingLine = block.lines[timingIndex] ?? ''
  const timing = parseSrtTiming(timingLine)
  if (!timing.ok) {
    repairs.push({
      line: timingLineNumber,
      message: `cue skipped: invalid timing "${timingLine.trim()}" (${timing.reason})`,
    })
  } else {
    let endMs: number | null = timing.endMs
    if (endMs <= timing.startMs) {
      const how = endMs < timing.startMs ? 'ends before it starts' : 'ends as it starts'
      repairs.push({
        line: timingLineNumber,
        message: `cue ${how} ("${timingLine.trim()}"): kept, ending where the next cue starts`,
      })
      endMs = null
    }
    const id = hasCounter ? (block.lines[0] ?? '').trim() : null
    cues.push({
      id,
      startMs: timing.startMs,
      endMs,
      line: block.line,
      textLines: block.lines.slice(timingIndex + 1),
    })
  }
}
