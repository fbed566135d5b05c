// Reading history (per sentence, per episode) and reverting a revision. A revert puts the
// revision's "before" state back on the sentence as a new revision, so history only grows.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { editorFailure } from '@/lib/corrections/access'
import { applyChange } from '@/lib/corrections/edits'
import type { CorrectionResult, RevisionDto, RevisionKind, SentenceDto } from '@/lib/corrections/types'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

const REVISION_SELECT = {
  id: true,
  episodeId: true,
  sentenceId: true,
  kind: true,
  reason: true,
  revertOfId: true,
  beforeText: true,
  afterText: true,
  beforeSpeaker: true,
  afterSpeaker: true,
  beforeStartMs: true,
  afterStartMs: true,
  version: true,
  createdAt: true,
  author: { select: { id: true, name: true } },
  creditedTo: { select: { id: true, name: true } },
} as const

type RevisionRow = Prisma.RevisionGetPayload<{ select: typeof REVISION_SELECT }>

function toRevisionDto(row: RevisionRow): RevisionDto {
  return {
    id: row.id,
    episodeId: row.episodeId,
    sentenceId: row.sentenceId,
    kind: row.kind as RevisionKind,
    reason: row.reason,
    revertOfId: row.revertOfId,
    before: { text: row.beforeText, speaker: row.beforeSpeaker, startMs: row.beforeStartMs },
    after: { text: row.afterText, speaker: row.afterSpeaker, startMs: row.afterStartMs },
    version: row.version,
    author: row.author,
    creditedTo: row.creditedTo,
    createdAt: row.createdAt.toISOString(),
  }
}

/** Newest first. */
export async function listSentenceRevisions(db: PrismaClient, sentenceId: number): Promise<RevisionDto[]> {
  const rows = await db.revision.findMany({
    where: { sentenceId },
    orderBy: { id: 'desc' },
    select: REVISION_SELECT,
  })
  return rows.map(toRevisionDto)
}

/** Newest first, at most `limit`. */
export async function listEpisodeRevisions(
  db: PrismaClient,
  episodeId: number,
  limit = 200,
): Promise<RevisionDto[]> {
  const rows = await db.revision.findMany({
    where: { episodeId },
    orderBy: { id: 'desc' },
    take: limit,
    select: REVISION_SELECT,
  })
  return rows.map(toRevisionDto)
}

/** Restores the sentence to the state before `revisionId`, whatever happened since. */
export async function revertRevision(
  db: PrismaClient,
  caller: Caller | null,
  revisionId: number,
  reason = '',
): Promise<CorrectionResult<{ sentence: SentenceDto; revisionId: number | null }>> {
  const refused = editorFailure(caller)
  if (refused || !caller) return { ok: false, ...(refused ?? { error: 'unauthenticated' }) }
  return db.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({ where: { id: revisionId } })
    if (!revision) return { ok: false as const, error: 'not-found' as const, what: 'revision' as const }
    // A split or merge changed several sentences; undoing one side alone would duplicate or lose words.
    if (revision.kind === 'split' || revision.kind === 'merge')
      return {
        ok: false as const,
        error: 'invalid' as const,
        message: 'A split or a merge cannot be reverted; split or merge again instead.',
      }
    if (revision.sentenceId === null)
      return { ok: false as const, error: 'not-found' as const, what: 'sentence' as const }
    const current = await tx.sentence.findUnique({
      where: { id: revision.sentenceId },
      select: { version: true },
    })
    if (!current) return { ok: false as const, error: 'not-found' as const, what: 'sentence' as const }
    return applyChange(
      tx,
      revision.sentenceId,
      {
        text: revision.beforeText,
        speaker: revision.beforeSpeaker,
        startMs: revision.beforeStartMs,
        version: current.version,
      },
      {
        authorId: caller.id,
        kind: 'revert',
        reason: reason || `Revert revision ${revision.id}`,
        revertOfId: revision.id,
      },
    )
  })
}
