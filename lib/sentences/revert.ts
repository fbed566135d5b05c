// Reverting one revision: its "before" state goes back on the sentence as a new revision (a
// change of its own), whatever happened since, so history only grows. A whole change (a
// find/replace, a split, a merge, a re-import) reverts as one in revert-change.ts.
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
    return unprocessable(
      'One side of a split or a merge cannot be reverted alone; revert the whole change from the episode history.',
    )
  // It added or removed a sentence (a re-import's): only its whole change can undo that.
  if (revision.beforeText === '' || revision.afterText === '')
    return unprocessable(
      'This revision added or removed a sentence; revert the whole change from the episode history.',
    )
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
