// Editing one sentence under optimistic concurrency: the caller says which version it read;
// the update only happens WHERE version still matches, so of two concurrent saves exactly one
// wins and the other gets a conflict with both versions. Every change writes a revision in the
// same transaction. Updating `text` fires the FTS5 trigger, so search follows at once.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { editorFailure } from '@/lib/corrections/access'
import type { CorrectionResult, RevisionKind, SentenceChange, SentenceDto } from '@/lib/corrections/types'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export type Tx = Prisma.TransactionClient

export const SENTENCE_SELECT = { id: true, text: true, speaker: true, startMs: true, version: true } as const

export interface ChangeMeta {
  authorId: string
  kind: RevisionKind
  reason?: string
  creditedToId?: string | null
  revertOfId?: number | null
}

type Applied = CorrectionResult<{ sentence: SentenceDto; revisionId: number | null }>

/**
 * Applies a change to a sentence read at `version`, inside the caller's transaction. A change
 * that changes nothing writes no revision (and keeps the version).
 */
export async function applyChange(
  tx: Tx,
  sentenceId: number,
  change: SentenceChange & { version: number },
  meta: ChangeMeta,
): Promise<Applied> {
  const current = await tx.sentence.findUnique({
    where: { id: sentenceId },
    select: { ...SENTENCE_SELECT, episodeId: true, position: true },
  })
  if (!current) return { ok: false, error: 'not-found', what: 'sentence' }
  const { episodeId, position, ...before } = current
  if (before.version !== change.version)
    return { ok: false, error: 'conflict', current: before, yours: change }
  const after = {
    text: change.text ?? before.text,
    speaker: change.speaker !== undefined ? change.speaker : before.speaker,
    startMs: change.startMs ?? before.startMs,
  }
  if (after.startMs !== before.startMs) {
    const outOfOrder = await startOutOfOrder(tx, episodeId, position, after.startMs)
    if (outOfOrder) return { ok: false, error: 'invalid', message: outOfOrder }
  }
  if (after.text === before.text && after.speaker === before.speaker && after.startMs === before.startMs)
    return { ok: true, sentence: before, revisionId: null }
  const updated = await tx.sentence.updateMany({
    where: { id: sentenceId, version: change.version },
    // Only a changed text is written, so the FTS trigger (UPDATE OF text) fires only then.
    data: {
      ...(after.text !== before.text ? { text: after.text } : {}),
      speaker: after.speaker,
      startMs: after.startMs,
      version: { increment: 1 },
    },
  })
  if (updated.count === 0) return { ok: false, error: 'conflict', current: before, yours: change }
  const revision = await tx.revision.create({
    data: {
      episodeId,
      sentenceId,
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
      version: before.version + 1,
    },
    select: { id: true },
  })
  return {
    ok: true,
    sentence: { id: sentenceId, ...after, version: before.version + 1 },
    revisionId: revision.id,
  }
}

/**
 * Sentences stay in time order: players and the importer expect starts that never go back,
 * so a new start must lie between the neighbours' starts. Returns the reason, or null.
 */
async function startOutOfOrder(
  tx: Tx,
  episodeId: number,
  position: number,
  startMs: number,
): Promise<string | null> {
  const [previous, next] = await Promise.all([
    tx.sentence.findFirst({
      where: { episodeId, position: { lt: position } },
      orderBy: { position: 'desc' },
    }),
    tx.sentence.findFirst({ where: { episodeId, position: { gt: position } }, orderBy: { position: 'asc' } }),
  ])
  if (previous && startMs < previous.startMs)
    return `startMs must not be before the previous sentence's start (${previous.startMs}).`
  if (next && startMs > next.startMs)
    return `startMs must not be after the next sentence's start (${next.startMs}).`
  return null
}

/** PATCH /api/sentences/:id and the inline editor: a host's edit of one sentence. */
export async function editSentence(
  db: PrismaClient,
  caller: Caller | null,
  sentenceId: number,
  change: SentenceChange & { version: number; reason?: string },
): Promise<Applied> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  const { reason, ...fields } = change
  return db.$transaction((tx) =>
    applyChange(tx, sentenceId, fields, { authorId: caller.id, kind: 'edit', reason }),
  )
}

export async function getSentence(db: PrismaClient, sentenceId: number): Promise<SentenceDto | null> {
  return db.sentence.findUnique({ where: { id: sentenceId }, select: SENTENCE_SELECT })
}
