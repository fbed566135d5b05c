// The "Starting point is HH:MM:SS <text>" layout: each block opens with that phrase and its text
// runs on, over any following lines, until the next one. Blocks carry no end time and no speaker.
import { requireCues } from './require-cues'
import { foldWhitespace, stripBom, splitLines } from './text'
import type { Cue, ParsedTranscript, Repair } from './types'

interface Block {
  startMs: number
  line: number
  text: string[]
}

/** A line that opens a block: the phrase, then something that starts like a time. */
export const STARTING_POINT_LINE = /^\s*Starting point is\s+(?=\d)/
const TIME = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/

function parseTime(token: string): number | null {
  const match = TIME.exec(token)
  if (match == null) return null
  const [, hours, minutes = '', seconds = ''] = match
  // Without hours, "75:30" is a long episode's minutes; with hours, minutes stop at 59.
  if ((hours !== undefined && Number(minutes) > 59) || Number(seconds) > 59) return null
  return (Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000
}

/**
 * Parses the layout. Text before the first block is skipped (a Repair). A block whose time does not
 * parse, or goes back before the previous block, keeps its text as part of the previous block
 * (a Repair), so no words are lost and block starts never decrease. Empty blocks are left out.
 */
export function parseStartingPoint(input: string): ParsedTranscript {
  const repairs: Repair[] = []
  const blocks: Block[] = []
  splitLines(stripBom(input)).forEach((line, index) => {
    const opener = STARTING_POINT_LINE.exec(line)
    const previous = blocks.at(-1)
    if (opener == null) {
      if (previous != null) previous.text.push(line)
      else if (line.trim() !== '')
        repairs.push({ line: index + 1, message: 'text before the first "Starting point is" skipped' })
      return
    }
    const rest = line.slice(opener[0].length)
    const token = /^[0-9:]*/.exec(rest)?.[0] ?? ''
    const text = rest.slice(token.length)
    const startMs = parseTime(token)
    if (startMs != null && (previous == null || startMs >= previous.startMs)) {
      blocks.push({ startMs, line: index + 1, text: [text] })
      return
    }
    const problem = startMs == null ? `invalid time "${token}"` : `time ${token} is before the previous block`
    if (previous == null) repairs.push({ line: index + 1, message: `block skipped: ${problem}` })
    else {
      previous.text.push(text)
      repairs.push({ line: index + 1, message: `${problem}; its text joined to the block before it` })
    }
  })
  return { format: 'starting-point', cues: requireCues(toCues(blocks), repairs), repairs }
}

function toCues(blocks: Block[]): Cue[] {
  const cues: Cue[] = []
  blocks.forEach((block, index) => {
    const text = foldWhitespace(block.text.join('\n'))
    const endMs = blocks[index + 1]?.startMs ?? null
    if (text !== '')
      cues.push({ id: null, startMs: block.startMs, endMs, speaker: null, text, line: block.line })
  })
  return cues
}
