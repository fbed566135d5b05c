// SRT export: one numbered cue per sentence; the speaker as a "Name: " prefix, the SRT
// convention lib/transcripts/speaker-prefix.ts reads back. Players strip <tags> and decode
// character references in SRT, so "<", ">" and "&" are written as references.
import { clock, exportCues, type ExportSentence } from './export-cues'

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

export function exportSrt(sentences: readonly ExportSentence[]): string {
  const cues = exportCues(sentences).map((cue, index) => {
    const text = escapeText(cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text)
    return `${index + 1}\n${clock(cue.startMs, ',')} --> ${clock(cue.endMs, ',')}\n${text}`
  })
  return `${cues.join('\n\n')}\n`
}
