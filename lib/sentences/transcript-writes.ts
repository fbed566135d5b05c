// Writing a whole transcript: a first import inserts it; a re-import (import --replace, a feed
// refresh, an upload) of a transcript people already use aligns the old sentences with the new
// ones (align.ts) instead of deleting and re-inserting, which would cut comments loose.
// Matched sentences are rewritten in place and keep their ids (and with them comments,
// permalinks and history; the version rule of updateSentenceRow applies); new ones are
// inserted; comments and suggestions of removed sentences move by the one re-anchoring rule
// (re-anchor.ts). A re-import never silently discards a host's work: a sentence a host edited,
// split, merged, gave another speaker or accepted a suggestion for keeps the host's version,
// and where the new file disagrees the conflict is reported and kept (ImportConflict); every
// sentence the re-import changes or removes gets a revision of kind 'import'
// (docs/decisions/0011-reimport-keeps-host-work.md), and each sentence it inserts one born from
// empty text; all of them are one change (lib/sentences/changes.ts), reverted as one
// (docs/decisions/0015-changes-revert-as-one.md). Runs inside the import's write transaction
// (lib/import/import-transcript.ts).
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { NormalizedTranscript } from '@/lib/transcripts/types'
import { openChange } from '@/lib/sentences/changes'
import { hostWorkOf, speakerRenames, type HostWork } from '@/lib/sentences/host-work'
import { ensureImportAuthor, recordImportConflict } from '@/lib/sentences/import-revisions'
import type { ReimportConflict, ReimportOutcome } from '@/lib/sentences/reimport-conflict'
import { planReimport } from '@/lib/sentences/reimport-plan'
import { bestAnchorAmongWords, wordsOf } from '@/lib/sentences/re-anchor'
import { recordRevision, type SentenceState } from '@/lib/sentences/revisions'
import {
  commentsOn,
  deleteSegmentIfEmpty,
  deleteSentenceRow,
  deleteTranscriptRows,
  episodeSegmentIds,
  episodeSentences,
  insertSegmentRow,
  insertSentenceRow,
  moveComment,
  moveSuggestions,
  updateSentenceRow,
  type SentenceFields,
  type SentenceRow,
} from '@/lib/sentences/sentence-sql'
import { cleanSentenceText } from '@/lib/sentences/sentence-text'

/** Removes an episode's sentences and segments (an episode row left without a transcript). */
export function clearTranscript(db: SqliteDatabase, episodeId: number): void {
  deleteTranscriptRows(db, episodeId)
}

/** Inserts the transcript's segments and their sentences, numbered in order. */
export function insertTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
): void {
  for (const fields of insertSegments(db, episodeId, transcript, now)) insertSentenceRow(db, fields)
}

/** Comments of a changed sentence may move to a neighbour within this many places that holds more of their quote. */
const NEIGHBOUR_WINDOW = 5

/**
 * Rewrites an episode's transcript in place, keeping the ids of sentences that continue and
 * every host's work. `source` names the new file (a file name, a transcript URL) in revisions.
 */
export function realignTranscript(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
  source: string,
): ReimportOutcome {
  const stored = episodeSentences(db, episodeId)
  const work = hostWorkOf(db, episodeId, stored)
  const renames = speakerRenames(stored, work)
  const oldSegments = episodeSegmentIds(db, episodeId)
  const fileSpeakers = transcript.segments.flatMap((segment) => segment.sentences.map((s) => s.speaker))
  const incoming = insertSegments(db, episodeId, transcript, now, renames)
  const plan = planReimport(
    stored.map((row) => ({ text: row.text, speaker: row.speaker, work: work.get(row.id) ?? null })),
    incoming.map((row, index) => ({ text: row.text, speaker: fileSpeakers[index] ?? null })),
  )
  const outcome: ReimportOutcome = { changed: 0, added: 0, removed: 0, keptForHost: 0, conflicts: [] }
  const meta = { kind: 'import' as const, reason: `Re-imported from ${source}` }
  // The import's author and its one change, made when the first revision needs them.
  let importChange: { authorId: string; changeId: number } | null = null
  const changeMeta = () => {
    if (!importChange) {
      const authorId = ensureImportAuthor(db, now)
      importChange = { authorId, changeId: openChange(db, { episodeId, authorId, ...meta }, new Date(now)) }
    }
    return { ...meta, ...importChange }
  }
  const importRevision = (sentenceId: number, before: SentenceState, after: SentenceState, version: number) =>
    recordRevision(db, {
      episodeId,
      sentenceId,
      before,
      after,
      version,
      meta: changeMeta(),
      now: new Date(now),
    })
  const stateOf = (row: { text: string; speaker: string | null; startMs: number }): SentenceState => ({
    text: row.text,
    speaker: row.speaker,
    startMs: row.startMs,
  })

  const finalIds: number[] = []
  const finalTexts: string[] = []
  const rewritten: number[] = []
  let segmentId = incoming[0]?.segmentId ?? 0
  plan.entries.forEach((entry, position) => {
    if (entry.kind === 'inserted') {
      const inserted = { ...incoming[entry.new]!, position }
      segmentId = inserted.segmentId
      const insertedId = insertSentenceRow(db, inserted)
      // Born from empty text: a revert of this re-import knows to take it out again.
      importRevision(insertedId, { ...stateOf(inserted), text: '' }, stateOf(inserted), 1)
      finalIds.push(insertedId)
      finalTexts.push(inserted.text)
      outcome.added++
      return
    }
    const row = stored[entry.old]!
    const hostWork = work.get(row.id)
    if (hostWork) outcome.keptForHost++
    const fields =
      entry.kind === 'kept'
        ? { ...row, segmentId, position, updatedAt: now }
        : keepHostFields(row, hostWork, { ...incoming[entry.new]!, position })
    segmentId = fields.segmentId
    const changed =
      fields.text !== row.text || fields.speaker !== row.speaker || fields.startMs !== row.startMs
    updateSentenceRow(db, row.id, fields)
    if (changed) {
      importRevision(row.id, stateOf(row), stateOf(fields), row.version + 1)
      outcome.changed++
      if (fields.text !== row.text) rewritten.push(position)
    }
    finalIds.push(row.id)
    finalTexts.push(fields.text)
  })

  // Tokenized once: every moved comment is scored against the new sentences.
  const finalWords = finalTexts.map(wordsOf)
  for (const oldIndex of plan.removed) {
    const row = stored[oldIndex]!
    // Where the removed sentence would sit in the new transcript, to break ties by nearness.
    const near = Math.round((oldIndex / Math.max(1, stored.length)) * finalIds.length)
    const heir = (quote: string) => finalIds[bestAnchorAmongWords(wordsOf(quote), finalWords, near)]
    for (const comment of commentsOn(db, row.id)) {
      const destination = heir(comment.quote)
      if (destination !== undefined) moveComment(db, comment.id, destination)
    }
    const to = heir(row.text)
    if (to !== undefined) moveSuggestions(db, row.id, to)
    importRevision(row.id, stateOf(row), { ...stateOf(row), text: '' }, row.version)
    deleteSentenceRow(db, row.id)
    outcome.removed++
  }
  // A rewritten sentence may now hold less of a comment's quote than a neighbour does (the
  // file split it): the comment follows its words.
  for (const position of rewritten) {
    const from = Math.max(0, position - NEIGHBOUR_WINDOW)
    const window = finalWords.slice(from, position + NEIGHBOUR_WINDOW + 1)
    for (const comment of commentsOn(db, finalIds[position]!)) {
      const best = from + bestAnchorAmongWords(wordsOf(comment.quote), window, position - from)
      if (best !== position) moveComment(db, comment.id, finalIds[best]!)
    }
  }
  for (const id of [...oldSegments, ...new Set(incoming.map((row) => row.segmentId))])
    deleteSegmentIfEmpty(db, id)

  for (const planned of plan.conflicts) {
    const row = stored[planned.old]!
    const hostWork = work.get(row.id)!
    const conflict: ReimportConflict = {
      sentenceId: row.id,
      position: planned.entry,
      fields: planned.fields,
      oldText: hostWork.importedText,
      hostText: row.text,
      newText: planned.newText,
      oldSpeaker: hostWork.baseline.speaker,
      hostSpeaker: row.speaker,
      newSpeaker: planned.newSpeaker,
      hostKinds: hostWork.kinds,
    }
    recordImportConflict(db, episodeId, conflict, source, now)
    outcome.conflicts.push(conflict)
  }
  return outcome
}

/** The new file's fields, except those a host owns. */
function keepHostFields(
  row: SentenceRow,
  work: HostWork | undefined,
  fields: SentenceFields,
): SentenceFields {
  if (!work) return fields
  return {
    ...fields,
    text: work.textOwned ? row.text : fields.text,
    // A host's split or merge moved where the sentence ends too.
    endMs: work.textOwned ? row.endMs : fields.endMs,
    speaker: work.speakerOwned ? row.speaker : fields.speaker,
    startMs: work.startOwned ? row.startMs : fields.startMs,
  }
}

/** Inserts the segments; returns every sentence's row fields, positions numbered 0…n-1. */
function insertSegments(
  db: SqliteDatabase,
  episodeId: number,
  transcript: NormalizedTranscript,
  now: string,
  renames: ReadonlyMap<string, string> = new Map(),
): SentenceFields[] {
  const renamed = (speaker: string | null) => (speaker == null ? null : (renames.get(speaker) ?? speaker))
  let position = 0
  return transcript.segments.flatMap((segment, segmentPosition) => {
    const segmentId = insertSegmentRow(db, {
      episodeId,
      position: segmentPosition,
      startMs: segment.startMs,
      speaker: renamed(segment.speaker),
    })
    return segment.sentences.map((sentence) => ({
      episodeId,
      segmentId,
      position: position++,
      startMs: sentence.startMs,
      endMs: sentence.endMs,
      speaker: renamed(sentence.speaker),
      text: cleanSentenceText(sentence.text),
      updatedAt: now,
    }))
  })
}
