// The data layer of moderation: the queue of held and reported comments, a host's action on
// one comment, and an episode's comments switch. Nothing here authorizes;
// lib/moderation/operations.ts does, through lib/auth/policy.ts.
import 'server-only'
import type { ModerationAction } from '@/lib/comments/schemas'
import { COMMENT_SELECT, toCommentDto } from '@/lib/comments/threads'
import type { CommentDto } from '@/lib/comments/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface QueueItem {
  comment: CommentDto
  episodeSlug: string
  openReports: number
  reasons: string[]
  authorBanned: boolean
}

/** Held comments and comments with open reports, oldest first. */
export async function moderationQueue(db: PrismaClient): Promise<QueueItem[]> {
  const rows = await db.comment.findMany({
    where: { deletedAt: null, OR: [{ status: 'held' }, { reports: { some: { resolvedAt: null } } }] },
    select: {
      ...COMMENT_SELECT,
      episode: { select: { slug: true } },
      author: { select: { id: true, name: true, bannedAt: true } },
      reports: { where: { resolvedAt: null }, select: { reason: true } },
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  })
  return rows.map((row) => ({
    comment: toCommentDto({ ...row, author: { id: row.author.id, name: row.author.name } }),
    episodeSlug: row.episode.slug,
    openReports: row.reports.length,
    reasons: row.reports.map((report) => report.reason).filter(Boolean),
    authorBanned: row.author.bannedAt !== null,
  }))
}

/**
 * Hides, shows again (unhide, approve), deletes or only dismisses the reports of a comment;
 * every action resolves the open reports. Null when the comment does not exist.
 */
export async function applyModeration(
  db: PrismaClient,
  commentId: number,
  action: ModerationAction,
  now: Date,
): Promise<{ episodeId: number } | null> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { episodeId: true } })
  if (!comment) return null
  const data =
    action === 'hide'
      ? { status: 'hidden' }
      : action === 'unhide' || action === 'approve'
        ? { status: 'visible' }
        : action === 'delete'
          ? { deletedAt: now, body: '' }
          : {}
  await db.$transaction([
    db.comment.update({ where: { id: commentId }, data }),
    db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } }),
  ])
  return { episodeId: comment.episodeId }
}

export async function updateCommentsEnabled(
  db: PrismaClient,
  episodeId: number,
  enabled: boolean,
): Promise<void> {
  await db.episode.update({ where: { id: episodeId }, data: { commentsEnabled: enabled } })
}
