// What `transcript parse` prints: JSON for tools, a short summary for people.
import type { NormalizedTranscript, TranscriptFormat } from './types'

const FORMAT_NAMES: Record<TranscriptFormat, string> = {
  vtt: 'WebVTT',
  srt: 'SRT',
  'podcast-json': 'Podcasting 2.0 JSON',
  'starting-point': '"Starting point is" text',
  html: 'HTML',
  'plain-text': 'plain text',
}
const REPAIRS_SHOWN = 10

/** `{ format, cues: [{ id, startMs, endMs, speaker, text }], sentences: [{ startMs, speaker, text }] }`, 2-space indent. */
export function transcriptJson(transcript: NormalizedTranscript): string {
  const cues = transcript.cues.map(({ id, startMs, endMs, speaker, text }) => ({
    id,
    startMs,
    endMs,
    speaker,
    text,
  }))
  const sentences = transcript.segments.flatMap((segment) =>
    segment.sentences.map(({ startMs, speaker, text }) => ({ startMs, speaker, text })),
  )
  return JSON.stringify({ format: transcript.format, cues, sentences }, null, 2)
}

export function transcriptSummary(file: string, transcript: NormalizedTranscript): string {
  const sentenceCount = transcript.segments.reduce((sum, segment) => sum + segment.sentences.length, 0)
  const { repairs } = transcript
  const lines = [
    `${file}: ${FORMAT_NAMES[transcript.format]}`,
    `  cues:      ${transcript.cues.length}`,
    `  sentences: ${sentenceCount} in ${transcript.segments.length} segments`,
    `  speakers:  ${transcript.speakers.length === 0 ? 'none named' : transcript.speakers.join(', ')}`,
    `  repairs:   ${repairs.length}`,
    ...repairs.slice(0, REPAIRS_SHOWN).map((repair) => `    line ${repair.line}: ${repair.message}`),
  ]
  if (repairs.length > REPAIRS_SHOWN) lines.push(`    … and ${repairs.length - REPAIRS_SHOWN} more`)
  return lines.join('\n')
}
