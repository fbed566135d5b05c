// WebVTT export: one cue per sentence, the speaker as a voice span (<v Name>), text escaped so
// "<", ">" and "&" survive (lib/transcripts/parse-vtt.ts decodes them back).
import { clock, escapeCueText, exportCues, type ExportSentence } from './export-cues'

// A voice annotation ends at ">" and its name cannot hold one.
function voiceName(speaker: string): string {
  return speaker.replace(/[<>&]/g, ' ').trim()
}

export function exportVtt(sentences: readonly ExportSentence[], title?: string): string {
  const header = title ? `WEBVTT - ${title.replace(/[\r\n]+/g, ' ')}` : 'WEBVTT'
  const cues = exportCues(sentences).map((cue, index) => {
    const text = escapeCueText(cue.text)
    const body = cue.speaker ? `<v ${voiceName(cue.speaker)}>${text}</v>` : text
    return `${index + 1}\n${clock(cue.startMs, '.')} --> ${clock(cue.endMs, '.')}\n${body}`
  })
  return `${[header, ...cues].join('\n\n')}\n`
}
