// Plain-text export in the "Starting point is HH:MM:SS" layout, which people read easily and
// lib/transcripts/parse-starting-point.ts reads back. The layout has whole seconds and no
// speakers, so a round trip keeps texts and the second of each start only.
import { type ExportSentence } from './export-cues'

function hms(ms: number): string {
  const total = Math.floor(ms / 1000)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`
}

export function exportText(sentences: readonly ExportSentence[]): string {
  return sentences
    .map((sentence) => `Starting point is ${hms(sentence.startMs)} ${sentence.text}\n`)
    .join('\n')
}
