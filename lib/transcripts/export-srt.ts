// SRT export: one numbered cue per sentence; the speaker as a "Name: " prefix, the SRT
// convention lib/transcripts/speaker-prefix.ts reads back. Players strip <tags> and decode
// character references in SRT, so "<", ">" and "&" are written as references.
import { clock, escapeCueText, exportCues, type ExportSentence } from './export-cues'

export function exportSrt(sentences: readonly ExportSentence[]): string {
  const cues = exportCues(sentences).map((cue, index) => {
    const text = escapeCueText(cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text)
    return `${index + 1}\n${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}\n${text}`
  })
  return `${cues.join('\n\n')}\n`
}
