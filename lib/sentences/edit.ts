// Changing one sentence's text, speaker or start under optimistic concurrency: the caller
// says which version it read, and a stale version is a conflict with both versions, so
// nothing is overwritten silently. Runs inside the caller's write transaction (BEGIN
// IMMEDIATE, lib/db/write-transaction.ts), so the version read here cannot change
// before the write. Every edit, revert, accepted suggestion, find/replace, rename, split and
// merge changes text through here: cleaned, checked, versioned and recorded as a revision.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { SentenceChange, SentenceDto } from '@/lib/corrections/types'
import { fail, notFound, ok, unprocessable, type Result } from '@/lib/result'
import { recordRevision, type ChangeMeta } from '@/lib/sentences/revisions'
import { neighbourOf, sentenceById, updateSentenceRow, type SentenceRow } from '@/lib/sentences/sentence-sql'
import { checkDerivedText, cleanSentenceText } from '@/lib/sentences/sentence-text'

export interface Applied {
  sentence: SentenceDto
  /** null when the change changed nothing (no revision, same version). */
  revisionId: number | null
}

export function toSentenceDto(row: SentenceRow): SentenceDto {
  return { id: row.id, text: row.text, speaker: row.speaker, startMs: row.startMs, version: row.version }
}

/**
 * Applies `change` to the sentence read at `change.version`. `endMs` is for split and merge,
 * which also move where the sentence ends.
 */
export function changeSentence(
  db: SqliteDatabase,
  sentenceId: number,
  change: SentenceChange & { version: number },
  meta: ChangeMeta,
  now: Date,
  layout: { endMs?: number | null } = {},
): Result<Applied> {
  // The version read here holds until the write only inside BEGIN IMMEDIATE.
  if (!db.inTransaction) throw new Error('changeSentence runs inside inWriteTransaction')
  const current = sentenceById(db, sentenceId)
  if (!current) return notFound('sentence')
  const before = toSentenceDto(current)
  if (current.version !== change.version) return fail({ error: 'conflict', current: before, yours: change })
  const after = {
    text: change.text !== undefined ? cleanSentenceText(change.text) : current.text,
    speaker: change.speaker !== undefined ? change.speaker : current.speaker,
    startMs: change.startMs ?? current.startMs,
  }
  // A revert restores what was there before, even an imported sentence past today's limit.
  if (after.text !== current.text && meta.kind !== 'revert') {
    const checked = checkDerivedText(after.text)
    if (!checked.ok) return checked
  }
  if (after.startMs !== current.startMs) {
    const outOfOrder = startOutOfOrder(db, current, after.startMs)
    if (outOfOrder) return unprocessable(outOfOrder)
  }
  const endMs = layout.endMs !== undefined ? layout.endMs : current.endMs
  if (
    after.text === current.text &&
    after.speaker === current.speaker &&
    after.startMs === current.startMs &&
    endMs === current.endMs
  )
    return ok({ sentence: before, revisionId: null })
  updateSentenceRow(db, sentenceId, {
    segmentId: current.segmentId,
    position: current.position,
    endMs,
    ...after,
    updatedAt: now.toISOString(),
  })
  const sentence = sentenceById(db, sentenceId)!
  if (sentence.version === current.version) return ok({ sentence: toSentenceDto(sentence), revisionId: null })
  const revisionId = recordRevision(db, {
    episodeId: current.episodeId,
    sentenceId,
    before,
    after,
    version: sentence.version,
    meta,
    now,
  })
  return ok({ sentence: toSentenceDto(sentence), revisionId })
}

/**
 * Sentences stay in time order: players and the importer expect starts that never go back,
 * so a new start must lie between the neighbours' starts. Returns the reason, or null.
 */
function startOutOfOrder(db: SqliteDatabase, sentence: SentenceRow, startMs: number): string | null {
  const previous = neighbourOf(db, sentence, -1)
  const next = neighbourOf(db, sentence, 1)
  if (previous && startMs < previous.startMs)
    return `startMs must not be before the previous sentence's start (${previous.startMs}).`
  if (next && startMs > next.startMs)
    return `startMs must not be after the next sentence's start (${next.startMs}).`
  return null
}

/** Applies `change` on top of the sentence as it is now (a revert, an accepted suggestion). */
export function changeSentenceAsItIs(
  db: SqliteDatabase,
  sentenceId: number,
  change: SentenceChange,
  meta: ChangeMeta,
  now: Date,
): Result<Applied> {
  const current = sentenceById(db, sentenceId)
  if (!current) return notFound('sentence')
  return changeSentence(db, sentenceId, { ...change, version: current.version }, meta, now)
}
