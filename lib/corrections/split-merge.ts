// Splitting a sentence in two and merging a sentence with the next one, as revisions. Ids
// stay stable: a split keeps the first half on the old id and inserts the second; a merge
// keeps the first id and deletes the next sentence. Comments follow their quoted words
// (re-anchor.ts), and a merge moves every comment of the removed sentence, so none is lost.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { editorFailure } from '@/lib/corrections/access'
import { applyChange, SENTENCE_SELECT, type Tx } from '@/lib/corrections/edits'
import { bestAnchorIndex } from '@/lib/corrections/re-anchor'
import type { CorrectionResult, SentenceDto } from '@/lib/corrections/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

type Split = CorrectionResult<{ first: SentenceDto; second: SentenceDto }>

export async function splitSentence(
  db: PrismaClient,
  caller: Caller | null,
  sentenceId: number,
  input: { at: number; version: number },
): Promise<Split> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  return db.$transaction(async (tx): Promise<Split> => {
    const s = await tx.sentence.findUnique({ where: { id: sentenceId } })
    if (!s) return { ok: false, error: 'not-found', what: 'sentence' }
    const firstText = s.text.slice(0, input.at).trim()
    const secondText = s.text.slice(input.at).trim()
    if (!firstText || !secondText)
      return { ok: false, error: 'invalid', message: 'Split inside the text: both sentences need words.' }
    const next = await nextSentence(tx, s.episodeId, s.position)
    // The second half starts where its first character would be spoken, by character position.
    const endMs = next?.startMs ?? s.endMs ?? s.startMs + s.text.length * 60
    const secondStartMs = s.startMs + Math.round(((endMs - s.startMs) * input.at) / s.text.length)
    const first = await applyChange(
      tx,
      s.id,
      { text: firstText, version: input.version },
      { authorId: caller.id, kind: 'split' },
    )
    if (!first.ok) return first
    await tx.sentence.updateMany({
      where: { episodeId: s.episodeId, position: { gt: s.position } },
      data: { position: { increment: 1 } },
    })
    await tx.sentence.update({ where: { id: s.id }, data: { endMs: secondStartMs } })
    const second = await tx.sentence.create({
      data: {
        episodeId: s.episodeId,
        segmentId: s.segmentId,
        position: s.position + 1,
        startMs: secondStartMs,
        endMs: s.endMs,
        speaker: s.speaker,
        text: secondText,
      },
      select: SENTENCE_SELECT,
    })
    await tx.revision.create({
      data: {
        episodeId: s.episodeId,
        sentenceId: second.id,
        authorId: caller.id,
        kind: 'split',
        reason: `Split from sentence ${s.id}`,
        beforeText: '',
        afterText: secondText,
        beforeSpeaker: s.speaker,
        afterSpeaker: s.speaker,
        beforeStartMs: secondStartMs,
        afterStartMs: secondStartMs,
        version: 1,
      },
    })
    const comments = await tx.comment.findMany({
      where: { sentenceId: s.id },
      select: { id: true, quote: true },
    })
    const moving = comments.filter((c) => bestAnchorIndex(c.quote, [firstText, secondText]) === 1)
    if (moving.length > 0)
      await tx.comment.updateMany({
        where: { id: { in: moving.map((c) => c.id) } },
        data: { sentenceId: second.id },
      })
    return { ok: true, first: first.sentence, second }
  })
}

type Merged = CorrectionResult<{ sentence: SentenceDto }>

export async function mergeWithNext(
  db: PrismaClient,
  caller: Caller | null,
  sentenceId: number,
  version: number,
): Promise<Merged> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  return db.$transaction(async (tx): Promise<Merged> => {
    const s = await tx.sentence.findUnique({ where: { id: sentenceId } })
    if (!s) return { ok: false, error: 'not-found', what: 'sentence' }
    const next = await nextSentence(tx, s.episodeId, s.position)
    if (!next)
      return { ok: false, error: 'invalid', message: 'This is the last sentence: there is nothing to merge.' }
    const merged = await applyChange(
      tx,
      s.id,
      { text: `${s.text} ${next.text}`, version },
      { authorId: caller.id, kind: 'merge', reason: `Merged sentence ${next.id} into it` },
    )
    if (!merged.ok) return merged
    // The merged sentence holds every word of both, so all comments of the next one move.
    await tx.comment.updateMany({ where: { sentenceId: next.id }, data: { sentenceId: s.id } })
    await tx.suggestion.updateMany({ where: { sentenceId: next.id }, data: { sentenceId: s.id } })
    await tx.sentence.update({ where: { id: s.id }, data: { endMs: next.endMs } })
    await tx.sentence.delete({ where: { id: next.id } })
    await tx.sentence.updateMany({
      where: { episodeId: s.episodeId, position: { gt: next.position } },
      data: { position: { decrement: 1 } },
    })
    if ((await tx.sentence.count({ where: { segmentId: next.segmentId } })) === 0)
      await tx.segment.delete({ where: { id: next.segmentId } })
    return { ok: true, sentence: merged.sentence }
  })
}

function nextSentence(tx: Tx, episodeId: number, position: number) {
  return tx.sentence.findFirst({
    where: { episodeId, position: { gt: position } },
    orderBy: { position: 'asc' },
  })
}
