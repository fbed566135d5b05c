// Podcasting 2.0 JSON transcript export (https://podcasting2.org, "application/json"
// transcripts): { version, segments: [{ speaker, startTime, endTime, body }] }, times in seconds.
import { exportCues, type ExportSentence } from './export-cues'

export function exportPodcastJson(sentences: readonly ExportSentence[]): string {
  const segments = exportCues(sentences).map((cue) => ({
    ...(cue.speaker ? { speaker: cue.speaker } : {}),
    startTime: cue.startMs / 1000,
    endTime: cue.endMs / 1000,
    body: cue.text,
  }))
  return `${JSON.stringify({ version: '1.0.0', segments }, null, 2)}\n`
}
