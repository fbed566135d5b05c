// Changes across many sentences of an episode, each sentence recorded as its own revision and
// all of them as one change (lib/sentences/changes.ts), so history lists them together and a
// host reverts them in one go: renaming a speaker, and applying a find/replace at the versions
// its preview read. Run inside the caller's write transaction; a failure on any sentence rolls
// back the whole change.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { ok, unprocessable, type Result } from '@/lib/result'
import { changeSentence } from '@/lib/sentences/edit'
import { openChange } from '@/lib/sentences/changes'
import type { ChangeMeta } from '@/lib/sentences/revisions'
import { renameSegmentSpeaker, sentenceById, sentencesBySpeaker } from '@/lib/sentences/sentence-sql'

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
  const reason = `Renamed speaker “${from}” to “${to}”`
  const changeId = openChange(db, { episodeId, authorId, kind: 'rename', reason }, now)
  const meta: ChangeMeta = { authorId, kind: 'edit', reason, changeId }
  for (const sentence of sentences) {
    const changed = changeSentence(db, sentence.id, { speaker: to, version: sentence.version }, meta, now)
    if (!changed.ok) return changed
  }
  renameSegmentSpeaker(db, episodeId, from, to)
  return ok({ changed: sentences.length })
}

/**
 * New texts for sentences read at `version`; any stale one fails the whole change. One change
 * per episode touched (a show-wide replacement spans episodes; history is per episode).
 */
export function replaceTexts(
  db: SqliteDatabase,
  changes: readonly { sentenceId: number; version: number; after: string }[],
  meta: ChangeMeta,
  now: Date,
): Result<{ changed: number }> {
  const changeIds = new Map<number, number>()
  for (const change of changes) {
    const episodeId = sentenceById(db, change.sentenceId)?.episodeId
    let changeId = meta.changeId
    if (changeId === undefined && episodeId !== undefined) {
      changeId = changeIds.get(episodeId) ?? openChange(db, { episodeId, ...meta }, now)
      changeIds.set(episodeId, changeId)
    }
    const applied = changeSentence(
      db,
      change.sentenceId,
      { text: change.after, version: change.version },
      { ...meta, changeId },
      now,
    )
    if (!applied.ok) return applied
  }
  return ok({ changed: changes.length })
}
