// The one revision builder: every change of a sentence's text, speaker or start is recorded
// as a revision row (before, after, who, why, the version it produced), in the transaction
// that makes the change. History (lib/corrections/revisions.ts) reads these rows; a revert
// puts a revision's "before" back as a new revision, so history only grows. Every revision
// belongs to a change (lib/sentences/changes.ts): the one its use case opened, or one of its own.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { RevisionKind } from '@/lib/corrections/types'
import { openChange } from '@/lib/sentences/changes'
import { insertRevisionRow } from '@/lib/sentences/sentence-sql'

/** Who made a change and why; `creditedToId` names the listener whose suggestion it was. */
export interface ChangeMeta {
  authorId: string
  kind: RevisionKind
  reason?: string
  creditedToId?: string | null
  revertOfId?: number | null
  /** The change this revision is part of; none: a change of its own (one edit, one suggestion). */
  changeId?: number
}

export interface SentenceState {
  text: string
  speaker: string | null
  startMs: number
}

export function recordRevision(
  db: SqliteDatabase,
  change: {
    episodeId: number
    sentenceId: number
    before: SentenceState
    after: SentenceState
    /** The sentence's version after the change. */
    version: number
    meta: ChangeMeta
    now: Date
  },
): number {
  const { before, after, meta } = change
  const changeId =
    meta.changeId ??
    openChange(
      db,
      { episodeId: change.episodeId, authorId: meta.authorId, kind: meta.kind, reason: meta.reason },
      change.now,
    )
  return insertRevisionRow(db, {
    changeId,
    episodeId: change.episodeId,
    sentenceId: change.sentenceId,
    authorId: meta.authorId,
    creditedToId: meta.creditedToId ?? null,
    kind: meta.kind,
    reason: meta.reason ?? '',
    revertOfId: meta.revertOfId ?? null,
    beforeText: before.text,
    afterText: after.text,
    beforeSpeaker: before.speaker,
    afterSpeaker: after.speaker,
    beforeStartMs: before.startMs,
    afterStartMs: after.startMs,
    version: change.version,
    createdAt: change.now.toISOString(),
  })
}
