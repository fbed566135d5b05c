// Reading comments: an episode's or a sentence's threads, as the viewer may see them.
// Visibility lives in the query's where: everyone sees visible comments, authors also see
// their own held ones, hosts and admins see everything.
import 'server-only'
import { roleAllows } from '@/lib/auth/policy'
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
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  }
}

export function visibleWhere(viewer: Viewer | null): Prisma.CommentWhereInput {
  if (viewer && roleAllows(viewer.role, 'moderate')) return {}
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
  return pruneDeleted(rows.map(toCommentDto))
}

/** A deleted comment stays only as the placeholder parent of replies someone can see. */
function pruneDeleted(comments: CommentDto[]): CommentDto[] {
  const kept = new Set<number>()
  // Children come after parents (ordered by creation), so walk backwards to keep chains.
  for (const comment of [...comments].reverse()) {
    if (!comment.deleted || kept.has(comment.id)) {
      kept.add(comment.id)
      if (comment.parentId !== null) kept.add(comment.parentId)
    }
  }
  return comments.filter((comment) => kept.has(comment.id))
}
