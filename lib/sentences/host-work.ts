// Which sentences a host worked on since the last import, read from their revisions: any
// revision not written by an import (kind 'import') after the sentence's last import revision
// (or, when an import never changed it, after the first import). The state before the first
// such revision is what the last import wrote: the baseline a re-import compares with. A field
// is the host's when it differs from the baseline (an edit reverted back is nobody's).
// docs/decisions/0011-reimport-keeps-host-work.md
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { SentenceState } from '@/lib/sentences/revisions'
import type { SentenceRow } from '@/lib/sentences/sentence-sql'
import { statement } from '@/lib/db/statements'

export interface HostWork {
  /** The sentence as the last import wrote it. */
  baseline: SentenceState
  /**
   * The text of the file this sentence stands for: the baseline, plus the text of every
   * sentence a host merged into it. A re-import aligns on it, so a merged sentence still
   * matches the file's two sentences.
   */
  importedText: string
  textOwned: boolean
  speakerOwned: boolean
  startOwned: boolean
  /** Kinds of the host's revisions, in order, each once. */
  kinds: string[]
}

interface RevisionLine {
  sentenceId: number
  kind: string
  beforeText: string
  afterText: string
  beforeSpeaker: string | null
  beforeStartMs: number
}

/** Host work per sentence id, for the sentences of an episode a host touched since their last import. */
export function hostWorkOf(
  db: SqliteDatabase,
  episodeId: number,
  sentences: readonly SentenceRow[],
): Map<number, HostWork> {
  const lines = statement(
    db,
    `SELECT sentenceId, kind, beforeText, afterText, beforeSpeaker, beforeStartMs FROM Revision
     WHERE episodeId = ? AND sentenceId IS NOT NULL ORDER BY id`,
  ).all(episodeId) as RevisionLine[]
  const bySentence = new Map<number, RevisionLine[]>()
  for (const line of lines) {
    // An import revision closes what came before: only host work after it counts.
    if (line.kind === 'import') bySentence.set(line.sentenceId, [])
    else bySentence.set(line.sentenceId, [...(bySentence.get(line.sentenceId) ?? []), line])
  }
  const work = new Map<number, HostWork>()
  for (const sentence of sentences) {
    const since = bySentence.get(sentence.id)
    if (!since || since.length === 0) continue
    const first = since[0]!
    const baseline = { text: first.beforeText, speaker: first.beforeSpeaker, startMs: first.beforeStartMs }
    const merged = since.filter((line) => line.kind === 'merge').map(mergedAwayText)
    const owned = {
      textOwned: sentence.text !== baseline.text,
      speakerOwned: sentence.speaker !== baseline.speaker,
      startOwned: sentence.startMs !== baseline.startMs,
    }
    if (!owned.textOwned && !owned.speakerOwned && !owned.startOwned) continue
    work.set(sentence.id, {
      baseline,
      importedText: [baseline.text, ...merged].filter(Boolean).join(' '),
      ...owned,
      kinds: [...new Set(since.map((line) => line.kind))],
    })
  }
  return work
}

/** A merge revision's after text is `before + ' ' + next`: the part that came from the next sentence. */
function mergedAwayText(line: RevisionLine): string {
  return line.afterText.startsWith(line.beforeText)
    ? line.afterText.slice(line.beforeText.length).trim()
    : line.afterText
}

/**
 * Speaker labels a host renamed across the episode: X → Y when every sentence the last import
 * gave speaker X now says Y. A re-import puts Y on the file's sentences labelled X too.
 */
export function speakerRenames(
  sentences: readonly SentenceRow[],
  work: ReadonlyMap<number, HostWork>,
): Map<string, string> {
  const targets = new Map<string, Set<string | null>>()
  for (const sentence of sentences) {
    const baseline = work.get(sentence.id)?.baseline.speaker ?? sentence.speaker
    if (baseline == null) continue
    const seen = targets.get(baseline) ?? new Set()
    seen.add(sentence.speaker)
    targets.set(baseline, seen)
  }
  const renames = new Map<string, string>()
  for (const [from, to] of targets) {
    const [only] = [...to]
    if (to.size === 1 && only != null && only !== from) renames.set(from, only)
  }
  return renames
}
