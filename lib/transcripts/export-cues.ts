// Shared ground of the transcript exports: one cue per sentence, with an end time every
// player accepts (after the start, not past the next sentence), and clock formatting. One
// sentence per cue is what makes export → import give back the same sentences.

export interface ExportSentence {
  startMs: number
  endMs: number | null
  speaker: string | null
  text: string
}

export interface ExportCue extends ExportSentence {
  endMs: number
}

/** A sentence without an end lasts until the next one (or two seconds, for the last). */
export function exportCues(sentences: readonly ExportSentence[]): ExportCue[] {
  return sentences.map((sentence, index) => {
    const next = sentences[index + 1]
    let endMs = sentence.endMs ?? next?.startMs ?? sentence.startMs + 2000
    if (next && next.startMs > sentence.startMs) endMs = Math.min(endMs, next.startMs)
    return { ...sentence, endMs: Math.max(endMs, sentence.startMs + 1) }
  })
}

/** HH:MM:SS<separator>mmm, as WebVTT ('.') and SRT (',') write times. */
export function clock(ms: number, separator: '.' | ','): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  const hours = Math.floor(ms / 3_600_000)
  const minutes = Math.floor(ms / 60_000) % 60
  const seconds = Math.floor(ms / 1000) % 60
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${separator}${pad(ms % 1000, 3)}`
}

/** "<", ">" and "&" as character references: cue text parsers (VTT, and SRT players) decode them back. */
export function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
