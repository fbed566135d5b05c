// Cue text laid end to end per speaker, and the time at any character of it.
import type { Cue } from './types'

/** Where one cue's text sits inside its run's text. */
export interface CueSpan {
  cueIndex: number
  offset: number
  length: number
}

/** Consecutive cues of one speaker, their texts joined by single spaces. */
export interface SpeakerRun {
  speaker: string | null
  text: string
  spans: CueSpan[]
}

/** Cue texts must be trimmed and non-empty (normalize ensures it). */
export function speakerRuns(cues: Cue[]): SpeakerRun[] {
  const runs: SpeakerRun[] = []
  let run: SpeakerRun | null = null
  cues.forEach((cue, cueIndex) => {
    if (run == null || run.speaker !== cue.speaker) {
      run = { speaker: cue.speaker, text: '', spans: [] }
      runs.push(run)
    } else {
      run.text += ' '
    }
    run.spans.push({ cueIndex, offset: run.text.length, length: cue.text.length })
    run.text += cue.text
  })
  return runs
}

export interface CueClock {
  /** Time at a character offset inside cue `cueIndex` (its start when its end is unknown). */
  startAt(cueIndex: number, charOffset: number): number
  /** Time at a character offset, or null when the cue's end is unknown. */
  endAt(cueIndex: number, charOffset: number): number | null
}

/**
 * Interpolates linearly by character position: startMs + (endMs - startMs) * offset / length,
 * rounded. A cue without endMs ends where the next cue starts; the last such cue has no end.
 */
export function cueClock(cues: Cue[]): CueClock {
  const endOf = (index: number): number | null => {
    const cue = cues[index]
    if (cue == null) return null
    if (cue.endMs != null) return cue.endMs
    const nextStart = cues[index + 1]?.startMs
    return nextStart != null && nextStart >= cue.startMs ? nextStart : null
  }
  const endAt = (cueIndex: number, charOffset: number): number | null => {
    const cue = cues[cueIndex]
    const endMs = endOf(cueIndex)
    if (cue == null || endMs == null) return null
    const length = Math.max(cue.text.length, 1)
    return cue.startMs + Math.round(((endMs - cue.startMs) * charOffset) / length)
  }
  return {
    startAt: (cueIndex, charOffset) => endAt(cueIndex, charOffset) ?? cues[cueIndex]?.startMs ?? 0,
    endAt,
  }
}
