// Reverting a revision: its "before" state goes back on the sentence as a new revision,
// whatever happened since, so history only grows.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { notFound, unprocessable, type Result } from '@/lib/result'
import { changeSentenceAsItIs, type Applied } from '@/lib/sentences/edit'
import { revisionById } from '@/lib/sentences/sentence-sql'

export function revertRevision(
  db: SqliteDatabase,
  revisionId: number,
  by: { authorId: string; reason: string },
  now: Date,
): Result<Applied> {
  const revision = revisionById(db, revisionId)
  if (!revision) return notFound('revision')
  // A split or merge changed several sentences; undoing one side alone would duplicate or lose words.
  if (revision.kind === 'split' || revision.kind === 'merge')
    return unprocessable('A split or a merge cannot be reverted; split or merge again instead.')
  if (revision.sentenceId === null) return notFound('sentence')
  return changeSentenceAsItIs(
    db,
    revision.sentenceId,
    { text: revision.beforeText, speaker: revision.beforeSpeaker, startMs: revision.beforeStartMs },
    {
      authorId: by.authorId,
      kind: 'revert',
      reason: by.reason || `Revert revision ${revision.id}`,
      revertOfId: revision.id,
    },
    now,
  )
}
