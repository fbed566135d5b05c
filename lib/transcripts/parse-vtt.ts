// WebVTT to cues, following the spec's parser (https://w3c.github.io/webvtt/#file-parsing) where a
// browser would: a block whose timings do not parse is dropped and parsing continues; a cue that
// does not end after it starts is kept, as the parser keeps it (with a Repair).
import { requireCues } from './require-cues'
import { findSpeakerNames, splitBySpeakerPrefix } from './speaker-prefix'
import { resolveSpeakers, splitCueByVoice, type TaggedCue, type VoiceRun } from './speakers'
import { TranscriptParseError, type ParsedTranscript, type Repair } from './types'
import { lineBreakRepair, stripBom, splitLines } from './text'
import { collectVttBlocks, type VttBlock } from './vtt-blocks'
import { parseCueText } from './vtt-cue-text'
import { parseCueTimings } from './vtt-timings'

interface TimedBlock {
  block: VttBlock
  id: string | null
  startMs: number
  /** Null for a cue that does not end after it starts: it ends where the next cue starts. */
  endMs: number | null
  line: number
}

const SIGNATURE = /^WEBVTT(?:$|[ \t])/
// Blocks the spec defines that hold no cue text.
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:$|[ \t])/

/**
 * Parses WebVTT. Cues without text are left out. When no cue has a `<v>` voice span, speakers
 * come from "Name: text" line prefixes instead (some tools write those into WebVTT).
 * Throws TranscriptParseError without the WEBVTT signature or when no cue survives.
 */
export function parseVtt(input: string): ParsedTranscript {
  const lines = splitLines(stripBom(input).replaceAll('\0', '\ufffd'))
  if (!SIGNATURE.test(lines[0] ?? '')) {
    throw new TranscriptParseError(
      'not WebVTT: the first line must be "WEBVTT" (optionally followed by a space and text)',
      1,
    )
  }
  const repairs: Repair[] = lineBreakRepair(input)
  const blocks = collectVttBlocks(lines)
  // A broken timing line that is the file's last line, without its newline, is most likely a cut download.
  const cutShort = (block: VttBlock) =>
    block === blocks.at(-1) && block.lines.length === 0 && !/[\r\n]$/.test(input)
  const timed = blocks.flatMap((block) => timeBlock(block, repairs, cutShort(block)))
  const cues = resolveSpeakers(tagCues(timed))
  return { format: 'vtt', cues: requireCues(cues, repairs), repairs }
}

function timeBlock(block: VttBlock, repairs: Repair[], cutShort: boolean): TimedBlock[] {
  if (block.runOn != null) {
    const id = block.runOn === 'id' ? `, with its id "${block.id ?? ''}"` : ''
    repairs.push({
      line: block.line,
      message: `no blank line before this cue: split from the cue before it${id}`,
    })
  }
  if (block.timing == null) {
    if (!NON_CUE_BLOCK.test(block.lines[0] ?? '')) {
      repairs.push({ line: block.line, message: 'text without a cue timing line skipped' })
    }
    return []
  }
  const { line, text } = block.timing
  const timings = parseCueTimings(text)
  if (!timings.ok) {
    const hint = cutShort ? '; the file looks cut short' : ''
    repairs.push({ line, message: `cue skipped: invalid timing "${text.trim()}" (${timings.reason}${hint})` })
    return []
  }
  let endMs: number | null = timings.endMs
  // The parser keeps such a cue (a browser shows it for an instant, or never); its words are kept
  // too, ending where the next cue starts.
  if (endMs <= timings.startMs) {
    const how = endMs < timings.startMs ? 'ends before it starts' : 'ends as it starts'
    repairs.push({ line, message: `cue ${how} ("${text.trim()}"): kept, ending where the next cue starts` })
    endMs = null
  }
  return [{ block, id: block.id, startMs: timings.startMs, endMs, line: block.line }]
}

function tagCues(timed: TimedBlock[]): TaggedCue[] {
  if (timed.some(({ block }) => block.lines.some((line) => line.includes('<v')))) {
    const voiced = timed.map(({ block }) => parseCueText(block.lines.join('\n')))
    if (voiced.some((runs) => runs.some((run) => run.voice != null)))
      return timed.flatMap((t, i) => toCues(t, voiced[i]))
  }
  // No voice spans anywhere: look for "Name:" prefixes, line by line, on the plain text.
  const plainLines = timed.map(({ block }) => block.lines.map((line) => plainText(parseCueText(line))))
  const names = findSpeakerNames(plainLines)
  return timed.flatMap((t, i) => toCues(t, splitBySpeakerPrefix(plainLines[i] ?? [], names)))
}

function toCues({ id, startMs, endMs, line }: TimedBlock, runs: VoiceRun[] = []): TaggedCue[] {
  return runs.length === 0 ? [] : splitCueByVoice({ id, startMs, endMs, line }, runs)
}

function plainText(runs: VoiceRun[]): string {
  return runs.map((run) => run.text).join(' ')
}
