// Reading an episode's history as changes: the revisions each use case wrote, grouped (a
// find/replace over five sentences is one change with five revisions), newest change first,
// filtered by sentence, author and kind. Written by lib/sentences/ (changes.ts); reverted as
// one by lib/sentences/revert-change.ts.
import 'server-only'
import type { ChangeDto, ChangeKind } from '@/lib/corrections/types'
import { REVISION_SELECT, toRevisionDto } from '@/lib/corrections/revisions'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface ChangeFilter {
  sentenceId?: number
  authorId?: string
  kind?: ChangeKind
}

/** The most changes one page lists; older ones are reached with `before`. */
export const CHANGES_PAGE_SIZE = 100

/** Newest first, at most CHANGES_PAGE_SIZE, older than change `before` when given. */
export async function listEpisodeChanges(
  db: PrismaClient,
  episodeId: number,
  filter: ChangeFilter & { before?: number } = {},
): Promise<ChangeDto[]> {
  const rows = await db.revisionChange.findMany({
    where: {
      episodeId,
      ...(filter.kind ? { kind: filter.kind } : {}),
      ...(filter.authorId ? { authorId: filter.authorId } : {}),
      ...(filter.sentenceId ? { revisions: { some: { sentenceId: filter.sentenceId } } } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: 'desc' },
    take: CHANGES_PAGE_SIZE,
    select: {
      id: true,
      episodeId: true,
      kind: true,
      reason: true,
      revertOfId: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      revertedBy: { select: { id: true }, orderBy: { id: 'asc' } },
      revisions: { select: REVISION_SELECT, orderBy: { id: 'asc' } },
    },
  })
  return rows.map((row) => ({
    id: row.id,
    episodeId: row.episodeId,
    kind: row.kind as ChangeKind,
    reason: row.reason,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    revertOfId: row.revertOfId,
    revertedByIds: row.revertedBy.map((change) => change.id),
    revisions: row.revisions.map(toRevisionDto),
  }))
}

/** Everyone who made a change to the episode, for the author filter. */
export async function episodeChangeAuthors(
  db: PrismaClient,
  episodeId: number,
): Promise<{ id: string; name: string }[]> {
  const rows = await db.revisionChange.findMany({
    where: { episodeId },
    distinct: ['authorId'],
    select: { author: { select: { id: true, name: true } } },
  })
  return rows.map((row) => row.author).sort((a, b) => a.name.localeCompare(b.name))
}
