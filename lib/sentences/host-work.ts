// Which sentences a host worked on since the last import, read from their revisions, per field
// (text, speaker, start): any revision not written by an import (kind 'import') after the last
// import revision that changed that field (or, when an import never changed it, after the first
// import). The field's value before the first such revision is what the last import wrote: the
// baseline a re-import compares with. A field is the host's when it differs from the baseline
// (an edit reverted back is nobody's).
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
  id: number
  sentenceId: number
  kind: string
  beforeText: string
  afterText: string
  beforeSpeaker: string | null
  afterSpeaker: string | null
  beforeStartMs: number
  afterStartMs: number
}

type Field = 'text' | 'speaker' | 'startMs'
const FIELDS: readonly Field[] = ['text', 'speaker', 'startMs']

/** A host's open claim on one field: its value before the claim, and the host's revisions since. */
interface Claim {
  baseline: string | number | null
  lines: RevisionLine[]
}

const beforeOf = (line: RevisionLine, field: Field) =>
  field === 'text' ? line.beforeText : field === 'speaker' ? line.beforeSpeaker : line.beforeStartMs
const afterOf = (line: RevisionLine, field: Field) =>
  field === 'text' ? line.afterText : field === 'speaker' ? line.afterSpeaker : line.afterStartMs

/**
 * The host's open claims of one sentence, per field. An import revision closes the claim only on
 * the fields it changed: a re-import that kept the host's text and took the file's speaker ends
 * the host's claim on the speaker, not on the text (else the next re-import would treat the
 * host's text as the file's, and drop the sentence when that text is far from the file's).
 * A revision born from empty text (an inserted sentence, a revert putting back a removed one)
 * closes every field: it comes back as it was, which is no host's new work.
 */
function claimsOf(lines: readonly RevisionLine[]): Map<Field, Claim> {
  const claims = new Map<Field, Claim>()
  for (const line of lines) {
    if (line.beforeText === '' && (line.kind === 'import' || line.kind === 'revert')) {
      claims.clear()
      continue
    }
    for (const field of FIELDS) {
      if (line.kind === 'import') {
        if (beforeOf(line, field) !== afterOf(line, field)) claims.delete(field)
        continue
      }
      const claim = claims.get(field)
      if (claim) claim.lines.push(line)
      else claims.set(field, { baseline: beforeOf(line, field), lines: [line] })
    }
  }
  return claims
}

/** Host work per sentence id, for the sentences of an episode a host touched since their last import. */
export function hostWorkOf(
  db: SqliteDatabase,
  episodeId: number,
  sentences: readonly SentenceRow[],
): Map<number, HostWork> {
  const lines = statement(
    db,
    `SELECT id, sentenceId, kind, beforeText, afterText, beforeSpeaker, afterSpeaker, beforeStartMs, afterStartMs
     FROM Revision WHERE episodeId = ? AND sentenceId IS NOT NULL ORDER BY id`,
  ).all(episodeId) as RevisionLine[]
  const bySentence = new Map<number, RevisionLine[]>()
  for (const line of lines)
    bySentence.set(line.sentenceId, [...(bySentence.get(line.sentenceId) ?? []), line])
  const work = new Map<number, HostWork>()
  for (const sentence of sentences) {
    const claims = claimsOf(bySentence.get(sentence.id) ?? [])
    if (claims.size === 0) continue
    const text = claims.get('text')
    const speaker = claims.get('speaker')
    const start = claims.get('startMs')
    const baseline: SentenceState = {
      text: text ? (text.baseline as string) : sentence.text,
      speaker: speaker ? (speaker.baseline as string | null) : sentence.speaker,
      startMs: start ? (start.baseline as number) : sentence.startMs,
    }
    const owned = {
      textOwned: sentence.text !== baseline.text,
      speakerOwned: sentence.speaker !== baseline.speaker,
      startOwned: sentence.startMs !== baseline.startMs,
    }
    if (!owned.textOwned && !owned.speakerOwned && !owned.startOwned) continue
    const merged = (text?.lines ?? []).filter((line) => line.kind === 'merge').map(mergedAwayText)
    const hostLines = [
      ...new Map(
        [
          ...(owned.textOwned ? (text?.lines ?? []) : []),
          ...(owned.speakerOwned ? (speaker?.lines ?? []) : []),
          ...(owned.startOwned ? (start?.lines ?? []) : []),
        ].map((line) => [line.id, line]),
      ).values(),
    ].sort((a, b) => a.id - b.id)
    work.set(sentence.id, {
      baseline,
      importedText: [baseline.text, ...merged].filter(Boolean).join(' '),
      ...owned,
      kinds: [...new Set(hostLines.map((line) => line.kind))],
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
