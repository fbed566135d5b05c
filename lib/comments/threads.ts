// Reading comments: an episode's or a sentence's threads, as the viewer may see them.
// Visibility lives in the query's where: everyone sees visible comments, authors also see
// their own held ones, hosts and admins see everything. A reply keeps its thread when its
// parent is hidden: the parent is shown as a "removed" stub (docs/decisions/0005).
import 'server-only'
import { seesAsModerator } from '@/lib/auth/policy'
import type { CommentDto, CommentStatus, Viewer } from '@/lib/comments/types'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export const COMMENT_SELECT = {
  id: true,
  episodeId: true,
  sentenceId: true,
  parentId: true,
  quote: true,
  body: true,
  status: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} as const satisfies Prisma.CommentSelect

type CommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_SELECT }>

export function toCommentDto(row: CommentRow): CommentDto {
  return {
    id: row.id,
    episodeId: row.episodeId,
    sentenceId: row.sentenceId,
    parentId: row.parentId,
    quote: row.quote,
    body: row.deletedAt ? '' : row.body,
    status: row.status as CommentStatus,
    deleted: row.deletedAt !== null,
    removed: false,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  }
}

export function visibleWhere(viewer: Viewer | null): Prisma.CommentWhereInput {
  if (seesAsModerator(viewer)) return {}
  const own: Prisma.CommentWhereInput[] = viewer ? [{ status: 'held', authorId: viewer.id }] : []
  return { OR: [{ status: 'visible' }, ...own] }
}

export function listEpisodeComments(db: PrismaClient, episodeId: number, viewer: Viewer | null) {
  return listComments(db, { episodeId }, viewer)
}

export function listSentenceComments(db: PrismaClient, sentenceId: number, viewer: Viewer | null) {
  return listComments(db, { sentenceId }, viewer)
}

async function listComments(
  db: PrismaClient,
  where: Prisma.CommentWhereInput,
  viewer: Viewer | null,
): Promise<CommentDto[]> {
  const rows = await db.comment.findMany({
    where: { AND: [where, visibleWhere(viewer)] },
    select: COMMENT_SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const comments = rows.map(toCommentDto)
  if (seesAsModerator(viewer)) return markBannedAuthors(db, pruneDeleted(comments))
  return pruneDeleted(await withRemovedParents(db, comments))
}

/**
 * Adds a stub for every parent (and its parents) the viewer may not read under comments they
 * can: the thread keeps its shape, and the reply is not shown as if it answered the sentence.
 */
async function withRemovedParents(db: PrismaClient, comments: CommentDto[]): Promise<CommentDto[]> {
  const all = [...comments]
  const known = new Set(all.map((comment) => comment.id))
  let missing = missingParents(all, known)
  while (missing.length > 0) {
    const parents = await db.comment.findMany({ where: { id: { in: missing } }, select: COMMENT_SELECT })
    for (const parent of parents) {
      known.add(parent.id)
      all.push(removedStub(toCommentDto(parent)))
    }
    missing = missingParents(parents.map(toCommentDto), known)
  }
  // Parents were written before their replies: creation order puts each stub above its thread.
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
}

function missingParents(comments: CommentDto[], known: Set<number>): number[] {
  const ids = comments.flatMap((comment) => (comment.parentId === null ? [] : [comment.parentId]))
  return [...new Set(ids.filter((id) => !known.has(id)))]
}

function removedStub(comment: CommentDto): CommentDto {
  return { ...comment, body: '', author: { id: '', name: '' }, editedAt: null, removed: true }
}

/** Hosts see whether each author is banned, to offer Ban or Unban author on the comment. */
async function markBannedAuthors(db: PrismaClient, comments: CommentDto[]): Promise<CommentDto[]> {
  const authorIds = [...new Set(comments.map((comment) => comment.author.id))]
  const banned = await db.user.findMany({
    where: { id: { in: authorIds }, bannedAt: { not: null } },
    select: { id: true },
  })
  const bannedIds = new Set(banned.map((user) => user.id))
  return comments.map((comment) => ({ ...comment, authorBanned: bannedIds.has(comment.author.id) }))
}

/** A deleted comment or a removed stub stays only as the parent of replies someone can see. */
function pruneDeleted(comments: CommentDto[]): CommentDto[] {
  const kept = new Set<number>()
  // Children come after parents (ordered by creation), so walk backwards to keep chains.
  for (const comment of [...comments].reverse()) {
    if (!(comment.deleted || comment.removed) || kept.has(comment.id)) {
      kept.add(comment.id)
      if (comment.parentId !== null) kept.add(comment.parentId)
    }
  }
  return comments.filter((comment) => kept.has(comment.id))
}
