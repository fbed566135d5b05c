// Reading history, per sentence and per episode, newest first. The rows are written by the
// one revision builder (lib/sentences/revisions.ts); reverting is lib/sentences/revert.ts.
import 'server-only'
import type { RevisionDto, RevisionKind } from '@/lib/corrections/types'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export const REVISION_SELECT = {
  id: true,
  episodeId: true,
  sentenceId: true,
  kind: true,
  reason: true,
  revertOfId: true,
  changeId: true,
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

export type RevisionRow = Prisma.RevisionGetPayload<{ select: typeof REVISION_SELECT }>

export function toRevisionDto(row: RevisionRow): RevisionDto {
  return {
    id: row.id,
    episodeId: row.episodeId,
    sentenceId: row.sentenceId,
    kind: row.kind as RevisionKind,
    reason: row.reason,
    revertOfId: row.revertOfId,
    changeId: row.changeId,
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
