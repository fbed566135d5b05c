// A host's answer to an import conflict (docs/decisions/0011-reimport-keeps-host-work.md): keep
// their version, or take the new transcript's. Taking it changes the sentence through
// changeSentence like every text write, as a revision of kind `import` authored by the host:
// an `import` revision closes the host's work for the next re-import (lib/sentences/host-work.ts),
// so the sentence counts as the file's again, which it now is. The conflict is marked resolved
// in the same transaction. Runs inside inWriteTransaction (the caller's).
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { statement } from '@/lib/db/statements'
import { notFound, ok, unprocessable, type Result } from '@/lib/result'
import { changeSentenceAsItIs } from '@/lib/sentences/edit'

export type ConflictResolution = 'kept' | 'took-new'

interface ConflictRow {
  id: number
  episodeId: number
  sentenceId: number | null
  source: string
  fields: string
  newText: string
  newSpeaker: string | null
  resolvedAt: string | null
}

/** The conflict's episode, for the operation's per-show check; null when there is no such conflict. */
export function importConflictEpisodeId(db: SqliteDatabase, conflictId: number): number | null {
  const row = statement(db, `SELECT episodeId FROM ImportConflict WHERE id = ?`).get(conflictId) as
    { episodeId: number } | undefined
  return row?.episodeId ?? null
}

export function resolveImportConflictRow(
  db: SqliteDatabase,
  conflictId: number,
  answer: { resolution: ConflictResolution; hostId: string },
  now: Date,
): Result<{ sentenceId: number | null; revisionId: number | null }> {
  if (!db.inTransaction) throw new Error('resolveImportConflictRow runs inside inWriteTransaction')
  const conflict = statement(
    db,
    `SELECT id, episodeId, sentenceId, source, fields, newText, newSpeaker, resolvedAt FROM ImportConflict WHERE id = ?`,
  ).get(conflictId) as ConflictRow | undefined
  if (!conflict) return notFound('import conflict')
  if (conflict.resolvedAt !== null) return unprocessable('That conflict was already resolved.')
  let revisionId: number | null = null
  if (answer.resolution === 'took-new') {
    const taken = takeNewText(db, conflict, answer.hostId, now)
    if (!taken.ok) return taken
    revisionId = taken.value
  }
  statement(db, `UPDATE ImportConflict SET resolvedAt = ?, resolution = ? WHERE id = ?`).run(
    now.toISOString(),
    answer.resolution,
    conflict.id,
  )
  return ok({ sentenceId: conflict.sentenceId, revisionId })
}

/** The new transcript's fields the conflict names, on top of the sentence as it is now. */
function takeNewText(
  db: SqliteDatabase,
  conflict: ConflictRow,
  hostId: string,
  now: Date,
): Result<number | null> {
  if (conflict.sentenceId === null)
    return unprocessable('The sentence is gone since (merged away); keep yours to close the conflict.')
  const fields = conflict.fields.split(',')
  const takesText = fields.includes('text')
  // An empty new text is the file dropping the sentence; a host removes a sentence by merging it.
  if (takesText && conflict.newText.trim() === '')
    return unprocessable('The new transcript drops this sentence: merge it into a neighbour to remove it.')
  const applied = changeSentenceAsItIs(
    db,
    conflict.sentenceId,
    {
      ...(takesText ? { text: conflict.newText } : {}),
      ...(fields.includes('speaker') ? { speaker: conflict.newSpeaker } : {}),
    },
    { authorId: hostId, kind: 'import', reason: `Took the new text of ${conflict.source}` },
    now,
  )
  return applied.ok ? ok(applied.value.revisionId) : applied
}
