// What a re-import reports for a sentence a host worked on (docs/decisions/0011-reimport-keeps-host-work.md).
// Plain data, no server code: the CLI, the feed report and host pages all show it.

/** A field of a sentence that a host can own against a re-import. */
export type OwnedField = 'text' | 'speaker'

/**
 * A sentence a host worked on (edit, split, merge, speaker change, accepted suggestion,
 * find/replace) that the new transcript would change: the host's version was kept.
 * `oldText` is what the last import wrote (for a merged sentence: both sentences' texts),
 * `hostText` the host's, `newText` what the new file says.
 */
export interface ReimportConflict {
  sentenceId: number
  /** Position of the sentence in the episode after the re-import (0-based). */
  position: number
  fields: OwnedField[]
  oldText: string
  hostText: string
  newText: string
  oldSpeaker: string | null
  hostSpeaker: string | null
  newSpeaker: string | null
  /** The kinds of the host's revisions since the last import ("edit", "merge", "split", …). */
  hostKinds: string[]
}

/** What a re-import did to an episode's sentences. */
export interface ReimportOutcome {
  /** Sentences whose text, speaker or start the new file changed (each with an 'import' revision). */
  changed: number
  added: number
  /** Sentences the new file no longer has (each with an 'import' revision; comments moved). */
  removed: number
  /** Sentences a host worked on that keep the host's version (not removed, not rewritten). */
  keptForHost: number
  conflicts: ReimportConflict[]
}
