// The plan of a re-import, before anything is written: which stored sentence each new one
// continues, which stored sentences a host worked on keep the host's version, which new
// sentences a host's merge already holds, which stored ones go, and where the file disagrees
// with the host. Pure (no database), so the rules are tested on their own.
// docs/decisions/0011-reimport-keeps-host-work.md
import { alignSentences } from '@/lib/sentences/align'
import type { HostWork } from '@/lib/sentences/host-work'
import type { OwnedField } from '@/lib/sentences/reimport-conflict'
import { sharedWordCount, wordsOf } from '@/lib/sentences/re-anchor'

/** A new sentence whose words are at least this share of a host-merged sentence's leftover words is already in it. */
export const ABSORBED_SHARE = 0.5

export interface PlannedStored {
  text: string
  speaker: string | null
  work: HostWork | null
}

export interface PlannedIncoming {
  text: string
  speaker: string | null
}

export type PlanEntry =
  /** A stored sentence continued by a new one (and, for a host's merge, by the new ones it absorbed). */
  | { kind: 'matched'; old: number; new: number; absorbed: number[] }
  /** A new sentence, inserted. */
  | { kind: 'inserted'; new: number }
  /** A stored sentence a host worked on that the new file has no counterpart for: kept as it is. */
  | { kind: 'kept'; old: number }

export interface PlannedConflict {
  /** Index into `entries`. */
  entry: number
  old: number
  fields: OwnedField[]
  newText: string
  newSpeaker: string | null
}

export interface ReimportPlan {
  /** The sentences after the re-import, in order. */
  entries: PlanEntry[]
  /** Stored sentences that go (indexes into stored). */
  removed: number[]
  conflicts: PlannedConflict[]
}

export function planReimport(
  stored: readonly PlannedStored[],
  incoming: readonly PlannedIncoming[],
): ReimportPlan {
  // A host's text is aligned as the file text it stands for, so an edit or a merge still matches.
  const matches = alignSentences(
    stored.map((s) => (s.work?.textOwned ? s.work.importedText : s.text)),
    incoming.map((s) => s.text),
  )
  const matchedOld = new Set(matches.filter((m): m is number => m != null))
  // Unmatched stored sentences carrying host work (text, speaker or start) stay, right after the
  // matched one before them: a re-import never deletes a host's work; it keeps it and says so.
  const keptAfter = new Map<number, number[]>()
  const removed: number[] = []
  let previousMatched = -1
  stored.forEach((s, index) => {
    if (matchedOld.has(index)) previousMatched = index
    else if (s.work) keptAfter.set(previousMatched, [...(keptAfter.get(previousMatched) ?? []), index])
    else removed.push(index)
  })

  const draft: Array<PlanEntry & { absorbedInto?: number }> = (keptAfter.get(-1) ?? []).map((old) => ({
    kind: 'kept' as const,
    old,
  }))
  matches.forEach((old, index) => {
    if (old == null) {
      draft.push({ kind: 'inserted', new: index })
      return
    }
    draft.push({ kind: 'matched', old, new: index, absorbed: [] })
    for (const kept of keptAfter.get(old) ?? []) draft.push({ kind: 'kept', old: kept })
  })
  absorbIntoHostMerges(draft, stored, incoming)
  const entries = draft
    .filter((entry) => entry.absorbedInto === undefined)
    .map(({ absorbedInto, ...entry }) => {
      void absorbedInto
      return entry as PlanEntry
    })
  return { entries, removed, conflicts: conflictsOf(entries, stored, incoming) }
}

/**
 * A new sentence next to a stored one whose host text holds more of the file than its match
 * (a host's merge of two sentences) is not inserted again: its words are in the host's sentence.
 */
function absorbIntoHostMerges(
  draft: Array<PlanEntry & { absorbedInto?: number }>,
  stored: readonly PlannedStored[],
  incoming: readonly PlannedIncoming[],
): void {
  const leftover = new Map<number, string[]>()
  const leftoverOf = (entry: Extract<PlanEntry, { kind: 'matched' }>): string[] => {
    let words = leftover.get(entry.old)
    if (!words) {
      words = remove(wordsOf(stored[entry.old]!.work!.importedText), wordsOf(incoming[entry.new]!.text))
      leftover.set(entry.old, words)
    }
    return words
  }
  draft.forEach((entry, index) => {
    if (entry.kind !== 'inserted') return
    const words = wordsOf(incoming[entry.new]!.text)
    if (words.length === 0) return
    for (const neighbour of [draft[index - 1], draft[index + 1]]) {
      if (neighbour?.kind !== 'matched' || neighbour.absorbedInto !== undefined) continue
      if (!stored[neighbour.old]!.work?.textOwned) continue
      const available = leftoverOf(neighbour)
      if (sharedWordCount(words, available) / words.length < ABSORBED_SHARE) continue
      neighbour.absorbed.push(entry.new)
      leftover.set(neighbour.old, remove(available, words))
      entry.absorbedInto = neighbour.old
      return
    }
  })
}

function conflictsOf(
  entries: readonly PlanEntry[],
  stored: readonly PlannedStored[],
  incoming: readonly PlannedIncoming[],
): PlannedConflict[] {
  const conflicts: PlannedConflict[] = []
  entries.forEach((entry, index) => {
    // A sentence the host edited that the new file no longer has: kept, and said so.
    if (entry.kind === 'kept') {
      // (The second half of a host's split, born from empty text, is no sentence the file had.)
      if (stored[entry.old]!.work?.baseline.text)
        conflicts.push({ entry: index, old: entry.old, fields: ['text'], newText: '', newSpeaker: null })
      return
    }
    if (entry.kind !== 'matched') return
    const work = stored[entry.old]!.work
    if (!work) return
    const parts = [entry.new, ...entry.absorbed].sort((a, b) => a - b).map((n) => incoming[n]!)
    const newText = parts.map((part) => part.text).join(' ')
    const newSpeaker = incoming[entry.new]!.speaker
    const fields: PlannedConflict['fields'] = []
    // The file now saying what the host wrote is no conflict.
    if (
      work.textOwned &&
      normalized(newText) !== normalized(work.importedText) &&
      normalized(newText) !== normalized(stored[entry.old]!.text)
    )
      fields.push('text')
    if (work.speakerOwned && newSpeaker !== work.baseline.speaker) fields.push('speaker')
    if (fields.length > 0) conflicts.push({ entry: index, old: entry.old, fields, newText, newSpeaker })
  })
  return conflicts
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** `from` without one occurrence of each word of `words` (multisets). */
function remove(from: readonly string[], words: readonly string[]): string[] {
  const left = [...from]
  for (const word of words) {
    const at = left.indexOf(word)
    if (at >= 0) left.splice(at, 1)
  }
  return left
}
