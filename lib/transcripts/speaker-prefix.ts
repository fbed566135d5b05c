// The "Name: text" speaker convention of SRT (and of WebVTT files without voice spans), read
// conservatively: a wrong speaker splits sentences, a missed one only loses a label.
import type { VoiceRun } from './speakers'
import { foldWhitespace } from './text'

const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`
const PARTICLE = String.raw`(?:van|von|der|den|de|da|del|della|di|du|la|le|bin|ibn|al)`
const NUMBERED_LABEL = String.raw`(?:Speaker|Guest|Host|Caller|Interviewer|Participant|SPEAKER|GUEST|HOST)\s+\d{1,2}`
const NAME = String.raw`${NUMBERED_LABEL}|${WORD}(?:\s+(?:${PARTICLE}\s+)?${WORD}){0,3}`
// Optional dialogue dash, the name, a colon, whitespace, then the words spoken.
const PREFIX = new RegExp(String.raw`^(?:[-–—]\s*)?(${NAME}):\s+(\S.*)$`, 'u')
const MAX_NAME_LENGTH = 40

// Capitalised words that start labels, not speakers ("Note: this is…", "Chapter Two: …").
const LABEL_WORDS = new Set(
  (
    'note notes nb ps warning caution important tip hint update edit edited example examples source ' +
    'sources question answer step chapter part section summary recap translation subtitles captions ' +
    'transcript music applause laughter sponsor ad link links url email phone date time location title ' +
    'subject re fwd fyi todo disclaimer spoiler bonus reminder intro outro episode season agenda topic ' +
    'quote definition rule result results error solution problem fact bottom the so and but then well'
  ).split(' '),
)

export interface SpeakerPrefix {
  name: string
  /** The words after the colon. */
  rest: string
  /** Several words, ALL CAPS or "Speaker 2": a name even if it occurs once in the file. */
  strong: boolean
}

export function readSpeakerPrefix(line: string): SpeakerPrefix | null {
  if (!line.includes(':')) return null
  const match = PREFIX.exec(line.trim())
  const name = match?.[1]
  const rest = match?.[2]
  if (name === undefined || rest === undefined || name.length > MAX_NAME_LENGTH) return null
  const firstWord = (name.split(/\s/)[0] ?? '').replace(/\.$/, '').toLowerCase()
  if (LABEL_WORDS.has(firstWord)) return null
  const letters = name.replace(/[^\p{L}]/gu, '')
  // "Q:" and "A:" are interview labels, and one letter is too little to call a name.
  if (letters.length < 2) return null
  const strong = /\s/.test(name) || letters === letters.toUpperCase()
  return { name, rest, strong }
}

/**
 * The names this file really uses as speaker prefixes. A single capitalised word ("Python: …")
 * counts only when it prefixes at least two cues: one occurrence is more likely a heading.
 */
export function findSpeakerNames(cueLines: string[][]): Set<string> {
  const weakCounts = new Map<string, number>()
  const names = new Set<string>()
  for (const lines of cueLines) {
    for (const line of lines) {
      const prefix = readSpeakerPrefix(line)
      if (prefix == null) continue
      if (prefix.strong) names.add(prefix.name)
      else weakCounts.set(prefix.name, (weakCounts.get(prefix.name) ?? 0) + 1)
    }
  }
  for (const [name, count] of weakCounts) if (count >= 2) names.add(name)
  return names
}

/** Cue lines (already plain text) to voice runs: a known "Name:" prefix starts a new run. */
export function splitBySpeakerPrefix(lines: string[], names: ReadonlySet<string>): VoiceRun[] {
  const runs: VoiceRun[] = []
  let current: VoiceRun = { voice: null, text: '' }
  for (const line of lines) {
    const prefix = names.size > 0 ? readSpeakerPrefix(line) : null
    if (prefix != null && names.has(prefix.name)) {
      if (current.text.trim() !== '') runs.push(current)
      current = { voice: prefix.name, text: prefix.rest }
    } else {
      current.text += ' ' + line
    }
  }
  if (current.text.trim() !== '') runs.push(current)
  return runs.map((run) => ({ voice: run.voice, text: foldWhitespace(run.text) }))
}
