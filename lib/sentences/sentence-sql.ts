// The raw SQL of transcript structure: sentence and segment rows, the revisions that record
// their changes, and the comments and suggestions that move with them. Only the structural
// writes of lib/sentences/ call these, inside one write transaction; the FTS5 index follows
// through its triggers. Statements take plain parameters, never string-built input.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { RevisionKind } from '@/lib/corrections/types'
import { statement } from '@/lib/db/statements'

/** A sentence row as the structural writes store it (version and id are the database's). */
export interface SentenceFields {
  episodeId: number
  segmentId: number
  position: number
  startMs: number
  endMs: number | null
  speaker: string | null
  text: string
  updatedAt: string
}

export interface SentenceRow extends Omit<SentenceFields, 'updatedAt'> {
  id: number
  version: number
}

const SENTENCE_COLUMNS = `id, episodeId, segmentId, position, startMs, endMs, speaker, text, version`

export function sentenceById(db: SqliteDatabase, id: number): SentenceRow | null {
  const row = statement(db, `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE id = ?`).get(id)
  return (row as SentenceRow | undefined) ?? null
}

/** The sentence right before (`-1`) or after (`1`) a position in the episode. */
export function neighbourOf(db: SqliteDatabase, sentence: SentenceRow, side: -1 | 1): SentenceRow | null {
  const sql =
    side === 1
      ? `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? AND position > ? ORDER BY position ASC LIMIT 1`
      : `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? AND position < ? ORDER BY position DESC LIMIT 1`
  const row = statement(db, sql).get(sentence.episodeId, sentence.position)
  return (row as SentenceRow | undefined) ?? null
}

/** The last sentence of the episode starting at or before `startMs` (null: it would come first). */
export function lastSentenceStartingBy(
  db: SqliteDatabase,
  episodeId: number,
  startMs: number,
): SentenceRow | null {
  const row = statement(
    db,
    `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? AND startMs <= ? ORDER BY position DESC LIMIT 1`,
  ).get(episodeId, startMs)
  return (row as SentenceRow | undefined) ?? null
}

/** The first sentence of an episode. */
export function firstSentence(db: SqliteDatabase, episodeId: number): SentenceRow | null {
  const row = statement(
    db,
    `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? ORDER BY position ASC LIMIT 1`,
  ).get(episodeId)
  return (row as SentenceRow | undefined) ?? null
}

export function episodeSentences(db: SqliteDatabase, episodeId: number): SentenceRow[] {
  return statement(
    db,
    `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? ORDER BY position, id`,
  ).all(episodeId) as SentenceRow[]
}

export function sentencesBySpeaker(db: SqliteDatabase, episodeId: number, speaker: string): SentenceRow[] {
  return statement(
    db,
    `SELECT ${SENTENCE_COLUMNS} FROM Sentence WHERE episodeId = ? AND speaker = ? ORDER BY position`,
  ).all(episodeId, speaker) as SentenceRow[]
}

export function insertSentenceRow(db: SqliteDatabase, fields: SentenceFields): number {
  return Number(
    statement(
      db,
      `INSERT INTO Sentence (episodeId, segmentId, position, startMs, endMs, speaker, text, version, updatedAt)
       VALUES (@episodeId, @segmentId, @position, @startMs, @endMs, @speaker, @text, 1, @updatedAt)`,
    ).run(fields).lastInsertRowid,
  )
}

/**
 * Rewrites a sentence row. The one version rule: the version goes up by one when the text,
 * the speaker or the start changed, and only then (SET expressions read the old values).
 */
export function updateSentenceRow(
  db: SqliteDatabase,
  id: number,
  fields: Omit<SentenceFields, 'episodeId'>,
): void {
  statement(
    db,
    `UPDATE Sentence SET segmentId = @segmentId, position = @position, startMs = @startMs, endMs = @endMs,
       speaker = @speaker, text = @text, updatedAt = @updatedAt,
       version = version + (CASE WHEN text IS NOT @text OR startMs IS NOT @startMs OR speaker IS NOT @speaker THEN 1 ELSE 0 END)
     WHERE id = @id`,
  ).run({ ...fields, id })
}

export function deleteSentenceRow(db: SqliteDatabase, id: number): void {
  statement(db, `DELETE FROM Sentence WHERE id = ?`).run(id)
}

/** Moves every sentence after `position` by `delta` places, to open or close a gap. */
export function shiftPositionsAfter(
  db: SqliteDatabase,
  episodeId: number,
  position: number,
  delta: number,
): void {
  statement(db, `UPDATE Sentence SET position = position + ? WHERE episodeId = ? AND position > ?`).run(
    delta,
    episodeId,
    position,
  )
}

export interface SegmentFields {
  episodeId: number
  position: number
  startMs: number
  speaker: string | null
}

export function insertSegmentRow(db: SqliteDatabase, fields: SegmentFields): number {
  return Number(
    statement(
      db,
      `INSERT INTO Segment (episodeId, position, startMs, speaker) VALUES (@episodeId, @position, @startMs, @speaker)`,
    ).run(fields).lastInsertRowid,
  )
}

export function episodeSegmentIds(db: SqliteDatabase, episodeId: number): number[] {
  const rows = statement(db, `SELECT id FROM Segment WHERE episodeId = ?`).all(episodeId) as { id: number }[]
  return rows.map((row) => row.id)
}

/** Deletes a segment once no sentence is left in it. */
export function deleteSegmentIfEmpty(db: SqliteDatabase, segmentId: number): void {
  statement(
    db,
    `DELETE FROM Segment WHERE id = ? AND NOT EXISTS (SELECT 1 FROM Sentence WHERE segmentId = Segment.id)`,
  ).run(segmentId)
}

export function renameSegmentSpeaker(db: SqliteDatabase, episodeId: number, from: string, to: string): void {
  statement(db, `UPDATE Segment SET speaker = ? WHERE episodeId = ? AND speaker = ?`).run(to, episodeId, from)
}

/** Removes an episode's transcript (triggers update the index; comments keep their rows). */
export function deleteTranscriptRows(db: SqliteDatabase, episodeId: number): void {
  statement(db, `DELETE FROM Sentence WHERE episodeId = ?`).run(episodeId)
  statement(db, `DELETE FROM Segment WHERE episodeId = ?`).run(episodeId)
}

export function commentsOn(db: SqliteDatabase, sentenceId: number): { id: number; quote: string }[] {
  return statement(db, `SELECT id, quote FROM Comment WHERE sentenceId = ? ORDER BY id`).all(sentenceId) as {
    id: number
    quote: string
  }[]
}

export function moveComment(db: SqliteDatabase, commentId: number, sentenceId: number): void {
  statement(db, `UPDATE Comment SET sentenceId = ? WHERE id = ?`).run(sentenceId, commentId)
}

export function moveAllComments(db: SqliteDatabase, fromSentenceId: number, toSentenceId: number): void {
  statement(db, `UPDATE Comment SET sentenceId = ? WHERE sentenceId = ?`).run(toSentenceId, fromSentenceId)
}

export function suggestionsOn(db: SqliteDatabase, sentenceId: number): { id: number; baseText: string }[] {
  return statement(db, `SELECT id, baseText FROM Suggestion WHERE sentenceId = ? ORDER BY id`).all(
    sentenceId,
  ) as {
    id: number
    baseText: string
  }[]
}

export function moveSuggestion(db: SqliteDatabase, suggestionId: number, sentenceId: number): void {
  statement(db, `UPDATE Suggestion SET sentenceId = ? WHERE id = ?`).run(sentenceId, suggestionId)
}

/** Where a sentence ends: split, merge and their reverts move it; it is not versioned (no text, speaker or start). */
export function setSentenceEnd(db: SqliteDatabase, id: number, endMs: number | null): void {
  statement(db, `UPDATE Sentence SET endMs = ? WHERE id = ?`).run(endMs, id)
}

export function moveSuggestions(db: SqliteDatabase, fromSentenceId: number, toSentenceId: number): void {
  statement(db, `UPDATE Suggestion SET sentenceId = ? WHERE sentenceId = ?`).run(toSentenceId, fromSentenceId)
}

export interface RevisionFields {
  changeId: number
  episodeId: number
  sentenceId: number
  authorId: string
  creditedToId: string | null
  kind: RevisionKind
  reason: string
  revertOfId: number | null
  beforeText: string
  afterText: string
  beforeSpeaker: string | null
  afterSpeaker: string | null
  beforeStartMs: number
  afterStartMs: number
  version: number
  createdAt: string
}

export function insertRevisionRow(db: SqliteDatabase, fields: RevisionFields): number {
  return Number(
    statement(
      db,
      `INSERT INTO Revision (changeId, episodeId, sentenceId, authorId, creditedToId, kind, reason, revertOfId,
         beforeText, afterText, beforeSpeaker, afterSpeaker, beforeStartMs, afterStartMs, version, createdAt)
       VALUES (@changeId, @episodeId, @sentenceId, @authorId, @creditedToId, @kind, @reason, @revertOfId,
         @beforeText, @afterText, @beforeSpeaker, @afterSpeaker, @beforeStartMs, @afterStartMs, @version, @createdAt)`,
    ).run(fields).lastInsertRowid,
  )
}

export interface RevisionRow {
  id: number
  sentenceId: number | null
  kind: RevisionKind
  beforeText: string
  afterText: string
  beforeSpeaker: string | null
  beforeStartMs: number
}

export function revisionById(db: SqliteDatabase, id: number): RevisionRow | null {
  const row = statement(
    db,
    `SELECT id, sentenceId, kind, beforeText, afterText, beforeSpeaker, beforeStartMs FROM Revision WHERE id = ?`,
  ).get(id)
  return (row as RevisionRow | undefined) ?? null
}
