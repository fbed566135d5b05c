// Speaker attribution shared by the cue-based parsers (WebVTT voices, SRT "Name:" prefixes, JSON speakers).
import type { Cue } from './types'

/** Text of one cue spoken by one voice; `voice` is null where the source names no speaker. */
export interface VoiceRun {
  voice: string | null
  text: string
}

/** A cue before speaker resolution: `voice` is what the source tagged on this very cue. */
export type TaggedCue = Omit<Cue, 'speaker'> & { voice: string | null }

type CueBase = Omit<Cue, 'speaker' | 'text'>

/**
 * One cue per voice run. A cue that holds two speakers ("<v A>Hi</v> <v B>Hello</v>") becomes two
 * cues sharing the id and line, its time divided in proportion to their text lengths.
 */
export function splitCueByVoice(base: CueBase, runs: VoiceRun[]): TaggedCue[] {
  const only = runs[0]
  if (runs.length === 1 && only) return [taggedCue(base, base.startMs, base.endMs, only)]
  const totalChars = runs.reduce((sum, run) => sum + run.text.length, 0)
  const at = (chars: number) =>
    base.endMs == null
      ? base.startMs
      : base.startMs + Math.round(((base.endMs - base.startMs) * chars) / totalChars)
  let charsBefore = 0
  return runs.map((run) => {
    const startMs = at(charsBefore)
    charsBefore += run.text.length
    return taggedCue(base, startMs, base.endMs == null ? null : at(charsBefore), run)
  })
}

// Written out rather than spread: this runs once per cue, over hundreds of thousands of cues.
function taggedCue(base: CueBase, startMs: number, endMs: number | null, run: VoiceRun): TaggedCue {
  return { id: base.id, startMs, endMs, voice: run.voice, text: run.text, line: base.line }
}

/**
 * Decides what a cue without a speaker tag means, per file:
 * - When the tags mark only changes of speaker (consecutive tagged cues almost never repeat the
 *   same name, at most 1 in 10), an untagged cue continues the last tagged speaker.
 * - When the file tags speakers cue by cue (runs of the same name), an untagged cue really has no
 *   speaker: in the Talk Python corpus those are the theme song and closing credits, not the host.
 */
export function resolveSpeakers(cues: TaggedCue[]): Cue[] {
  const inherit = tagsMarkSpeakerChanges(cues)
  let current: string | null = null
  return cues.map(({ id, startMs, endMs, voice, text, line }) => {
    if (voice != null) current = voice
    return { id, startMs, endMs, speaker: voice ?? (inherit ? current : null), text, line }
  })
}

function tagsMarkSpeakerChanges(cues: TaggedCue[]): boolean {
  let tagged = 0
  let repeats = 0
  let previous: string | null = null
  for (const { voice } of cues) {
    if (voice == null) continue
    if (voice === previous) repeats++
    previous = voice
    tagged++
  }
  const untagged = cues.length - tagged
  return tagged > 0 && untagged > 0 && repeats * 10 <= tagged - 1
}
