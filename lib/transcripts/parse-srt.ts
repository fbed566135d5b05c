// SubRip (SRT): blocks of a counter line, a timing line and text lines, separated by blank lines.
import { decodeCharacterReferences } from './character-references'
import { requireCues } from './require-cues'
import { findSpeakerNames, splitBySpeakerPrefix } from './speaker-prefix'
import { resolveSpeakers, splitCueByVoice } from './speakers'
import { parseSrtTiming } from './srt-timing'
import { stripBom, splitLines } from './text'
import type { ParsedTranscript, Repair } from './types'

interface SrtBlock {
  line: number
  lines: string[]
}

interface SrtCue {
  id: string | null
  startMs: number
  endMs: number
  line: number
  textLines: string[]
}

const COUNTER = /^\s*\d+\s*$/
// HTML-like tags (<i>, <b>, <u>, <font color="…">) and ASS overrides ({\an8}); "a < b" is left alone.
const MARKUP = /<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?>|\{\\[^}]*\}/g

/** Parses SRT. Speakers come from conservative "Name: text" prefixes (see speaker-prefix.ts). */
export function parseSrt(input: string): ParsedTranscript {
  const repairs: Repair[] = []
  const srtCues: SrtCue[] = []
  for (const block of collectSrtBlocks(splitLines(stripBom(input)))) readBlock(block, srtCues, repairs)
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
      previous.textLines.push(...block.lines)
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
  } else if (timing.endMs < timing.startMs) {
    repairs.push({
      line: timingLineNumber,
      message: `cue skipped: it ends before it starts ("${timingLine.trim()}")`,
    })
  } else {
    const id = hasCounter ? (block.lines[0] ?? '').trim() : null
    cues.push({
      id,
      startMs: timing.startMs,
      endMs: timing.endMs,
      line: block.line,
      textLines: block.lines.slice(timingIndex + 1),
    })
  }
}
