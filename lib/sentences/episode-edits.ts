// Changes across many sentences of an episode, each recorded as its own revision (so it shows
// in history and can be reverted one by one): renaming a speaker, and applying a
// find/replace at the versions its preview read. Run inside the caller's write transaction;
// a failure on any sentence rolls back the whole change.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { ok, unprocessable, type Result } from '@/lib/result'
import { changeSentence } from '@/lib/sentences/edit'
import type { ChangeMeta } from '@/lib/sentences/revisions'
import { renameSegmentSpeaker, sentencesBySpeaker } from '@/lib/sentences/sentence-sql'

export function renameSpeaker(
  db: SqliteDatabase,
  episodeId: number,
  names: { from: string; to: string },
  authorId: string,
  now: Date,
): Result<{ changed: number }> {
  const { from, to } = names
  if (from === to) return unprocessable('The new name is the same as the old one.')
  const sentences = sentencesBySpeaker(db, episodeId, from)
  if (sentences.length === 0) return unprocessable(`Nobody called “${from}” speaks in this episode.`)
  const meta: ChangeMeta = { authorId, kind: 'edit', reason: `Renamed speaker “${from}” to “${to}”` }
  for (const sentence of sentences) {
    const changed = changeSentence(db, sentence.id, { speaker: to, version: sentence.version }, meta, now)
    if (!changed.ok) return changed
  }
  renameSegmentSpeaker(db, episodeId, from, to)
  return ok({ changed: sentences.length })
}

/** New texts for sentences read at `version`; any stale one fails the whole change. */
export function replaceTexts(
  db: SqliteDatabase,
  changes: readonly { sentenceId: number; version: number; after: string }[],
  meta: ChangeMeta,
  now: Date,
): Result<{ changed: number }> {
  for (const change of changes) {
    const applied = changeSentence(
      db,
      change.sentenceId,
      { text: change.after, version: change.version },
      meta,
      now,
    )
    if (!applied.ok) return applied
  }
  return ok({ changed: changes.length })
}
