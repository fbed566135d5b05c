// Reverting a whole change (lib/sentences/changes.ts) as one new change of kind `revert` that
// points at it, in the caller's write transaction: all of it or nothing.
//
// A change's revisions come in three shapes, and each is undone its own way:
// - in place (text, speaker or start changed): three-way, field by field. A field the change
//   set and nobody touched since goes back; a field already back as it was stays; a field
//   someone changed since is a conflict (409), because reverting would throw that work away.
//   Fields the change did not set are left as they are now (a later speaker fix survives the
//   revert of a text edit).
// - born (before text empty: the second half of a split, a sentence a re-import added): the
//   sentence is taken out again, its comments and suggestions going to the neighbour holding
//   most of their quote (re-anchor.ts's rule; after a split revert that is the first half,
//   which holds every word again). Refused when its text changed since.
// - removed (after text empty: the sentence a merge folded in, one a re-import dropped): the
//   sentence is put back with its old text, speaker and times, right after the sentence it was
//   merged into (or by start time), and comments and suggestions on its neighbours that hold
//   more of their quote in its text than in their own go back to it.
// A revert of a revert is a redo: its revisions have the same three shapes.
// docs/decisions/0015-changes-revert-as-one.md
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { SentenceChange } from '@/lib/corrections/types'
import { fail, notFound, ok, unprocessable, type Result } from '@/lib/result'
import { changeById, openChange, revisionsOfChange, type ChangeRevisionRow } from '@/lib/sentences/changes'
import { changeSentence, toSentenceDto } from '@/lib/sentences/edit'
import { bestAnchorIndex, quoteShare } from '@/lib/sentences/re-anchor'
import { recordRevision, type ChangeMeta, type SentenceState } from '@/lib/sentences/revisions'
import {
  commentsOn,
  deleteSegmentIfEmpty,
  deleteSentenceRow,
  firstSentence,
  insertSentenceRow,
  lastSentenceStartingBy,
  moveComment,
  moveSuggestion,
  neighbourOf,
  sentenceById,
  setSentenceEnd,
  shiftPositionsAfter,
  suggestionsOn,
  type SentenceRow,
} from '@/lib/sentences/sentence-sql'

export interface RevertedChange {
  /** The new change of kind revert. */
  changeId: number
  revertOfId: number
  /** Sentences the revert changed, took out or put back. */
  sentences: number
}

/** A sentence a change removed, to put back. */
interface Removed {
  state: SentenceState
  /** The sentence it was merged into, which it goes back after; null: placed by start time. */
  after: number | null
}

export function revertChange(
  db: SqliteDatabase,
  changeId: number,
  by: { authorId: string; reason: string },
  now: Date,
): Result<RevertedChange> {
  if (!db.inTransaction) throw new Error('revertChange runs inside inWriteTransaction')
  const change = changeById(db, changeId)
  if (!change) return notFound('change')
  const revisions = revisionsOfChange(db, change.id)
  const inPlace = revisions.filter((revision) => revision.beforeText !== '' && revision.afterText !== '')
  const born = revisions.filter((revision) => revision.beforeText === '')
  const removed = removedBy(db, change.kind, revisions, inPlace)
  const reason = by.reason || `Revert change ${change.id}`
  const revertId = openChange(
    db,
    { episodeId: change.episodeId, authorId: by.authorId, kind: 'revert', reason, revertOfId: change.id },
    now,
  )
  const meta: ChangeMeta = { authorId: by.authorId, kind: 'revert', reason, changeId: revertId }
  let sentences = 0
  // Newest first, so a sentence changed twice by one change ends as it was before the first.
  for (const revision of [...inPlace].reverse()) {
    const restored = restoreFields(db, revision, change.id, meta, now)
    if (!restored.ok) return restored
    if (restored.value) sentences++
  }
  for (const revision of [...born].reverse()) {
    const taken = takeOut(db, revision, change.id, meta, now)
    if (!taken.ok) return taken
    if (taken.value) sentences++
  }
  for (const sentence of removed) {
    const put = putBack(db, change.episodeId, sentence, meta, now)
    if (!put.ok) return put
    sentences++
  }
  if (sentences === 0)
    return unprocessable(
      `Nothing to revert: every sentence of change ${change.id} is already as it was before it.`,
    )
  return ok({ changeId: revertId, revertOfId: change.id, sentences })
}

function stateOf(row: SentenceRow): SentenceState {
  return { text: row.text, speaker: row.speaker, startMs: row.startMs }
}

/** The sentence a revision is on, while it exists. */
function sentenceOf(db: SqliteDatabase, revision: ChangeRevisionRow): SentenceRow | null {
  return revision.sentenceId === null ? null : sentenceById(db, revision.sentenceId)
}

function quoted(text: string): string {
  return text.length > 80 ? `“${text.slice(0, 77)}…”` : `“${text}”`
}

function changedSince(current: SentenceRow, changeId: number, detail: string, yours: SentenceChange) {
  return fail({
    error: 'conflict',
    current: toSentenceDto(current),
    yours: { ...yours, version: current.version },
    message:
      `Sentence ${current.id} changed after change ${changeId}: it now reads ${quoted(current.text)}${detail}. ` +
      `Revert the later change first, or correct the sentence by hand.`,
  })
}

/** Puts back every field the change set that nobody changed since; a field changed since is a conflict. */
function restoreFields(
  db: SqliteDatabase,
  revision: ChangeRevisionRow,
  changeId: number,
  meta: ChangeMeta,
  now: Date,
): Result<boolean> {
  const current = sentenceOf(db, revision)
  if (!current)
    return unprocessable(
      `A sentence of change ${changeId} is gone since (merged away or dropped by a re-import): revert that later change first.`,
    )
  const target: SentenceChange = {}
  const fields = [
    ['text', revision.beforeText, revision.afterText, current.text],
    ['speaker', revision.beforeSpeaker, revision.afterSpeaker, current.speaker],
    ['startMs', revision.beforeStartMs, revision.afterStartMs, current.startMs],
  ] as const
  for (const [field, before, after, value] of fields) {
    if (before === after || value === before) continue
    const wanted = {
      text: revision.beforeText,
      speaker: revision.beforeSpeaker,
      startMs: revision.beforeStartMs,
    }
    if (value !== after) {
      const detail =
        field === 'speaker'
          ? ` (speaker ${current.speaker ?? 'none'})`
          : field === 'startMs'
            ? ' (its start moved)'
            : ''
      return changedSince(current, changeId, detail, wanted)
    }
    Object.assign(target, { [field]: before })
  }
  if (Object.keys(target).length === 0) return ok(false)
  const applied = changeSentence(db, current.id, { ...target, version: current.version }, meta, now)
  return applied.ok ? ok(applied.value.revisionId !== null) : applied
}

/** Takes out a sentence the change added; its comments go to the neighbour holding most of their quote. */
function takeOut(
  db: SqliteDatabase,
  revision: ChangeRevisionRow,
  changeId: number,
  meta: ChangeMeta,
  now: Date,
): Result<boolean> {
  const sentence = sentenceOf(db, revision)
  // Already gone (a later merge took it): the later change's own revert is where it comes back.
  if (!sentence) return ok(false)
  if (sentence.text !== revision.afterText) return changedSince(sentence, changeId, '', { text: '' })
  const previous = neighbourOf(db, sentence, -1)
  const next = neighbourOf(db, sentence, 1)
  const heirs = [previous, next].filter((row): row is SentenceRow => row !== null)
  if (heirs.length === 0)
    return unprocessable(`Sentence ${sentence.id} is the episode's only sentence: it cannot be taken out.`)
  const texts = heirs.map((heir) => heir.text)
  recordRevision(db, {
    episodeId: sentence.episodeId,
    sentenceId: sentence.id,
    before: stateOf(sentence),
    after: { ...stateOf(sentence), text: '' },
    version: sentence.version,
    meta,
    now,
  })
  for (const comment of commentsOn(db, sentence.id))
    moveComment(db, comment.id, heirs[bestAnchorIndex(comment.quote, texts)]!.id)
  for (const suggestion of suggestionsOn(db, sentence.id))
    moveSuggestion(db, suggestion.id, heirs[bestAnchorIndex(suggestion.baseText, texts)]!.id)
  // The sentence before it ends where the taken-out one ended (a split's first half gets its end back).
  if (previous) setSentenceEnd(db, previous.id, sentence.endMs)
  deleteSentenceRow(db, sentence.id)
  shiftPositionsAfter(db, sentence.episodeId, sentence.position, -1)
  deleteSegmentIfEmpty(db, sentence.segmentId)
  return ok(true)
}

/**
 * The sentences a change removed. A merge recorded before changes existed wrote no revision for
 * the sentence it folded in: its text is the merged text's tail, its start estimated by length.
 */
function removedBy(
  db: SqliteDatabase,
  kind: string,
  revisions: readonly ChangeRevisionRow[],
  inPlace: readonly ChangeRevisionRow[],
): Removed[] {
  const gone = revisions.filter((revision) => revision.afterText === '' && revision.beforeText !== '')
  const removed = gone.map((revision) => {
    const state = {
      text: revision.beforeText,
      speaker: revision.beforeSpeaker,
      startMs: revision.beforeStartMs,
    }
    // Merged into the sentence whose text, after the change, ends with this one's.
    const into = inPlace.find(
      (other) => other.sentenceId !== null && other.afterText.endsWith(` ${state.text}`),
    )
    return { state, after: into?.sentenceId ?? null }
  })
  if (kind !== 'merge' || gone.length > 0) return removed
  const merge = inPlace[0]
  if (!merge || merge.sentenceId === null || !merge.afterText.startsWith(`${merge.beforeText} `))
    return removed
  const kept = sentenceById(db, merge.sentenceId)
  const text = merge.afterText.slice(merge.beforeText.length + 1)
  const endMs = kept?.endMs ?? merge.afterStartMs + merge.afterText.length * 60
  const startMs =
    merge.afterStartMs +
    Math.round(((endMs - merge.afterStartMs) * (merge.beforeText.length + 1)) / merge.afterText.length)
  return [{ state: { text, speaker: merge.afterSpeaker, startMs }, after: merge.sentenceId }]
}

/** Puts a removed sentence back (a new id) and brings back the comments that hold more of its words. */
function putBack(
  db: SqliteDatabase,
  episodeId: number,
  removed: Removed,
  meta: ChangeMeta,
  now: Date,
): Result<true> {
  const { state } = removed
  const previous =
    removed.after !== null
      ? sentenceById(db, removed.after)
      : lastSentenceStartingBy(db, episodeId, state.startMs)
  const next = previous ? neighbourOf(db, previous, 1) : firstSentence(db, episodeId)
  if ((previous && state.startMs < previous.startMs) || (next && state.startMs > next.startMs))
    return unprocessable(
      `Sentence ${quoted(state.text)} cannot go back: the times around it changed since. Revert the later change first.`,
    )
  // Its speaker's segment, before or after it; else the one it sits in.
  const segmentId =
    [previous, next].find((row) => row && row.speaker === state.speaker)?.segmentId ??
    previous?.segmentId ??
    next?.segmentId
  if (segmentId === undefined)
    return unprocessable('The episode has no transcript to put the sentence back into.')
  const position = previous ? previous.position + 1 : 0
  shiftPositionsAfter(db, episodeId, position - 1, 1)
  const id = insertSentenceRow(db, {
    episodeId,
    segmentId,
    position,
    startMs: state.startMs,
    endMs: previous ? previous.endMs : (next?.startMs ?? null),
    speaker: state.speaker,
    text: state.text,
    updatedAt: now.toISOString(),
  })
  if (previous) setSentenceEnd(db, previous.id, state.startMs)
  recordRevision(db, {
    episodeId,
    sentenceId: id,
    before: { ...state, text: '' },
    after: state,
    version: 1,
    meta,
    now,
  })
  for (const holder of [previous, next]) {
    if (!holder) continue
    const holderText = sentenceById(db, holder.id)!.text
    const holdsMore = (quote: string) => quoteShare(quote, state.text) > quoteShare(quote, holderText)
    for (const comment of commentsOn(db, holder.id))
      if (holdsMore(comment.quote)) moveComment(db, comment.id, id)
    for (const suggestion of suggestionsOn(db, holder.id))
      if (holdsMore(suggestion.baseText)) moveSuggestion(db, suggestion.id, id)
  }
  return ok(true)
}
