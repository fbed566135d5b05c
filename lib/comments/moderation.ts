// Reports and moderation: anyone signed in reports a comment; hosts and admins work the
// queue (reported or held comments), hide, unhide/approve, delete, ban, and switch an
// episode's comments off. Each function checks the caller's role itself.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { canModerate, parseRole } from '@/lib/auth/roles'
import type { ModerationAction } from '@/lib/comments/schemas'
import { COMMENT_SELECT, toCommentDto, visibleWhere } from '@/lib/comments/threads'
import type { CommentDto, CommentResult } from '@/lib/comments/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export async function reportComment(
  db: PrismaClient,
  caller: Caller,
  commentId: number,
  reason: string,
): Promise<CommentResult<{ created: boolean }>> {
  if (caller.bannedAt) return { ok: false, error: 'banned' }
  const comment = await db.comment.findFirst({
    where: { AND: [{ id: commentId, deletedAt: null }, visibleWhere(caller)] },
    select: { id: true },
  })
  if (!comment) return { ok: false, error: 'not-found' }
  const key = { commentId_reporterId: { commentId, reporterId: caller.id } }
  const existing = await db.commentReport.findUnique({ where: key, select: { id: true } })
  // Reporting twice re-opens the report rather than counting the same person twice.
  await db.commentReport.upsert({
    where: key,
    create: { commentId, reporterId: caller.id, reason },
    update: { resolvedAt: null, ...(reason ? { reason } : {}) },
  })
  return { ok: true, created: !existing }
}

export async function moderateComment(
  db: PrismaClient,
  caller: Caller,
  commentId: number,
  action: ModerationAction,
  now: Date = new Date(),
): Promise<CommentResult<{ episodeId: number }>> {
  if (!canModerate(caller.role)) return { ok: false, error: 'forbidden' }
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { episodeId: true } })
  if (!comment) return { ok: false, error: 'not-found' }
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
  return { ok: true, episodeId: comment.episodeId }
}

export interface QueueItem {
  comment: CommentDto
  episodeSlug: string
  openReports: number
  reasons: string[]
  authorBanned: boolean
}

/** Held comments and comments with open reports, oldest first. */
export async function listModerationQueue(
  db: PrismaClient,
  caller: Caller,
): Promise<CommentResult<{ items: QueueItem[] }>> {
  if (!canModerate(caller.role)) return { ok: false, error: 'forbidden' }
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
  const items = rows.map((row) => ({
    comment: toCommentDto({ ...row, author: { id: row.author.id, name: row.author.name } }),
    episodeSlug: row.episode.slug,
    openReports: row.reports.length,
    reasons: row.reports.map((report) => report.reason).filter(Boolean),
    authorBanned: row.author.bannedAt !== null,
  }))
  return { ok: true, items }
}

/** Bans (or unbans) a user. Hosts may ban listeners; only admins may ban hosts; nobody bans an admin. */
export async function setUserBanned(
  db: PrismaClient,
  caller: Caller,
  userId: string,
  banned: boolean,
  now: Date = new Date(),
): Promise<CommentResult<object>> {
  if (!canModerate(caller.role)) return { ok: false, error: 'forbidden' }
  const target = await db.user.findUnique({ where: { id: userId }, select: { role: true } })
  if (!target) return { ok: false, error: 'not-found' }
  const targetRole = parseRole(target.role)
  if (targetRole === 'admin' || (targetRole === 'host' && caller.role !== 'admin') || userId === caller.id) {
    return { ok: false, error: 'forbidden' }
  }
  await db.user.update({ where: { id: userId }, data: { bannedAt: banned ? now : null } })
  return { ok: true }
}

export async function setCommentsEnabled(
  db: PrismaClient,
  caller: Caller,
  episodeId: number,
  enabled: boolean,
): Promise<CommentResult<object>> {
  if (!canModerate(caller.role)) return { ok: false, error: 'forbidden' }
  const updated = await db.episode.updateMany({
    where: { id: episodeId },
    data: { commentsEnabled: enabled },
  })
  return updated.count === 1 ? { ok: true } : { ok: false, error: 'not-found' }
}
