// Changes: the revisions one use case wrote, grouped so history lists them and a host reverts
// them as one (a find/replace over five sentences is one change, not five). Every structural
// write opens its change here, inside its write transaction, and passes the id to every
// revision it records (ChangeMeta.changeId); a single-sentence write that passes none gets a
// change of its own from recordRevision. docs/decisions/0015-changes-revert-as-one.md
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { ChangeKind } from '@/lib/corrections/types'
import { statement } from '@/lib/db/statements'
import type { RevisionRow } from '@/lib/sentences/sentence-sql'

export interface ChangeFields {
  episodeId: number
  authorId: string
  kind: ChangeKind
  reason?: string
  /** The change a revert undoes. */
  revertOfId?: number | null
}

export function openChange(db: SqliteDatabase, change: ChangeFields, now: Date): number {
  return Number(
    statement(
      db,
      `INSERT INTO RevisionChange (episodeId, authorId, kind, reason, revertOfId, createdAt) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      change.episodeId,
      change.authorId,
      change.kind,
      change.reason ?? '',
      change.revertOfId ?? null,
      now.toISOString(),
    ).lastInsertRowid,
  )
}

export interface ChangeRow {
  id: number
  episodeId: number
  kind: ChangeKind
  reason: string
  revertOfId: number | null
}

export function changeById(db: SqliteDatabase, id: number): ChangeRow | null {
  const row = statement(
    db,
    `SELECT id, episodeId, kind, reason, revertOfId FROM RevisionChange WHERE id = ?`,
  ).get(id)
  return (row as ChangeRow | undefined) ?? null
}

/** A revision as a revert reads it: the sentence's state before and after. */
export interface ChangeRevisionRow extends RevisionRow {
  afterSpeaker: string | null
  afterStartMs: number
}

/** The change's revisions in the order they were written. */
export function revisionsOfChange(db: SqliteDatabase, changeId: number): ChangeRevisionRow[] {
  return statement(
    db,
    `SELECT id, sentenceId, kind, beforeText, afterText, beforeSpeaker, afterSpeaker, beforeStartMs, afterStartMs
     FROM Revision WHERE changeId = ? ORDER BY id`,
  ).all(changeId) as ChangeRevisionRow[]
}
