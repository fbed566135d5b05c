// Splitting a sentence in two and merging a sentence with the next one, as revisions. Ids
// stay stable: a split keeps the first half on the old id and inserts the second; a merge
// keeps the first id and deletes the next sentence. Comments follow their quoted words by the
// one re-anchoring rule (re-anchor.ts); a merge moves every comment and suggestion of the
// removed sentence, so none is lost. Both run inside the caller's write transaction, as one
// change each (lib/sentences/changes.ts): a split writes a revision on each half (the second
// born from empty text), a merge one on the kept sentence and one on the removed sentence (its
// text to empty), so reverting the change knows both sentences' texts, speakers and times.
import 'server-only'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { SentenceDto } from '@/lib/corrections/types'
import { notFound, ok, unprocessable, type Result } from '@/lib/result'
import { changeSentence, toSentenceDto } from '@/lib/sentences/edit'
import { openChange } from '@/lib/sentences/changes'
import { bestAnchorIndex } from '@/lib/sentences/re-anchor'
import { recordRevision } from '@/lib/sentences/revisions'
import {
  commentsOn,
  deleteSegmentIfEmpty,
  deleteSentenceRow,
  insertSentenceRow,
  moveAllComments,
  moveComment,
  moveSuggestions,
  neighbourOf,
  sentenceById,
  shiftPositionsAfter,
} from '@/lib/sentences/sentence-sql'
import { cleanSentenceText } from '@/lib/sentences/sentence-text'

export function splitSentence(
  db: SqliteDatabase,
  sentenceId: number,
  input: { at: number; version: number },
  authorId: string,
  now: Date,
): Result<{ first: SentenceDto; second: SentenceDto }> {
  const s = sentenceById(db, sentenceId)
  if (!s) return notFound('sentence')
  const firstText = cleanSentenceText(s.text.slice(0, input.at)).trim()
  const secondText = cleanSentenceText(s.text.slice(input.at)).trim()
  if (!firstText || !secondText) return unprocessable('Split inside the text: both sentences need words.')
  const next = neighbourOf(db, s, 1)
  // The second half starts where its first character would be spoken, by character position.
  const endMs = next?.startMs ?? s.endMs ?? s.startMs + s.text.length * 60
  const secondStartMs = s.startMs + Math.round(((endMs - s.startMs) * input.at) / s.text.length)
  const changeId = openChange(db, { episodeId: s.episodeId, authorId, kind: 'split' }, now)
  const first = changeSentence(
    db,
    s.id,
    { text: firstText, version: input.version },
    { authorId, kind: 'split', changeId },
    now,
    { endMs: secondStartMs },
  )
  if (!first.ok) return first
  shiftPositionsAfter(db, s.episodeId, s.position, 1)
  const secondId = insertSentenceRow(db, {
    episodeId: s.episodeId,
    segmentId: s.segmentId,
    position: s.position + 1,
    startMs: secondStartMs,
    endMs: s.endMs,
    speaker: s.speaker,
    text: secondText,
    updatedAt: now.toISOString(),
  })
  const born = { text: secondText, speaker: s.speaker, startMs: secondStartMs }
  recordRevision(db, {
    episodeId: s.episodeId,
    sentenceId: secondId,
    before: { ...born, text: '' },
    after: born,
    version: 1,
    meta: { authorId, kind: 'split', reason: `Split from sentence ${s.id}`, changeId },
    now,
  })
  for (const comment of commentsOn(db, s.id))
    if (bestAnchorIndex(comment.quote, [firstText, secondText]) === 1) moveComment(db, comment.id, secondId)
  return ok({ first: first.value.sentence, second: toSentenceDto(sentenceById(db, secondId)!) })
}

export function mergeWithNext(
  db: SqliteDatabase,
  sentenceId: number,
  version: number,
  authorId: string,
  now: Date,
): Result<{ sentence: SentenceDto }> {
  const s = sentenceById(db, sentenceId)
  if (!s) return notFound('sentence')
  const next = neighbourOf(db, s, 1)
  if (!next) return unprocessable('This is the last sentence: there is nothing to merge.')
  // changeSentence checks the merged text against the edit limit: a merge never makes a
  // sentence nobody could have typed.
  const reason = `Merged sentence ${next.id} into it`
  const changeId = openChange(db, { episodeId: s.episodeId, authorId, kind: 'merge', reason }, now)
  const merged = changeSentence(
    db,
    s.id,
    { text: `${s.text} ${next.text}`, version },
    { authorId, kind: 'merge', reason, changeId },
    now,
    { endMs: next.endMs },
  )
  if (!merged.ok) return merged
  // The removed sentence's own state, for a revert to put it back as it was.
  const removed = { text: next.text, speaker: next.speaker, startMs: next.startMs }
  recordRevision(db, {
    episodeId: s.episodeId,
    sentenceId: next.id,
    before: removed,
    after: { ...removed, text: '' },
    version: next.version,
    meta: { authorId, kind: 'merge', reason: `Merged into sentence ${s.id}`, changeId },
    now,
  })
  // The merged sentence holds every word of both, so all comments of the next one move.
  moveAllComments(db, next.id, s.id)
  moveSuggestions(db, next.id, s.id)
  deleteSentenceRow(db, next.id)
  shiftPositionsAfter(db, s.episodeId, next.position, -1)
  deleteSegmentIfEmpty(db, next.segmentId)
  return ok({ sentence: merged.value.sentence })
}
