// Writing comments and reports: the data layer under lib/comments/operations.ts. Nothing here
// authorizes; every function takes an author or reporter the operation already authorized.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import type { CommentPolicy } from '@/lib/comments/policy'
import { COMMENT_SELECT, toCommentDto, visibleWhere } from '@/lib/comments/threads'
import type { CommentDto, Viewer } from '@/lib/comments/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { hitRateLimits } from '@/lib/rate-limit'
import { fail, ok, type Result } from '@/lib/result'

export interface NewCommentRow {
  episodeId: number
  sentenceId: number
  /** The sentence's text now, kept with the comment as what it was written on. */
  quote: string
  parentId: number | null
  body: string
  /** The client's address, for the per-IP limit. */
  ip: string
}

/**
 * Saves a new comment unless it repeats the author's recent text or passes a rate limit,
 * checked in the same transaction as the insert so two posts cannot both pass.
 */
export async function insertComment(
  db: PrismaClient,
  author: Caller,
  row: NewCommentRow,
  policy: CommentPolicy,
  now: Date,
): Promise<Result<CommentDto>> {
  return db.$transaction(async (tx) => {
    if (policy.duplicateWindowMs > 0) {
      const duplicate = await tx.comment.findFirst({
        where: {
          authorId: author.id,
          body: row.body,
          deletedAt: null,
          createdAt: { gte: new Date(now.getTime() - policy.duplicateWindowMs) },
        },
        select: { id: true },
      })
      if (duplicate) return fail({ error: 'duplicate' })
    }
    const limited = await hitRateLimits(
      tx,
      [
        { key: `comment:user:${author.id}`, rule: policy.accountRule },
        { key: `comment:ip:${row.ip}`, rule: policy.ipRule },
      ],
      now,
    )
    if (!limited.ok)
      return fail({ error: 'rate-limited', action: 'comment', retryAfterMs: limited.retryAfterMs })
    const status = (await mustHold(tx, author, policy)) ? 'held' : 'visible'
    const created = await tx.comment.create({
      data: {
        episodeId: row.episodeId,
        sentenceId: row.sentenceId,
        parentId: row.parentId,
        authorId: author.id,
        quote: row.quote,
        body: row.body,
        status,
        createdAt: now,
      },
      select: COMMENT_SELECT,
    })
    return ok(toCommentDto(created))
  })
}

/** New listeners' first comments wait for review when COMMENT_HOLD_FIRST is set. */
async function mustHold(
  tx: Pick<PrismaClient, 'comment'>,
  author: Caller,
  policy: CommentPolicy,
): Promise<boolean> {
  if (policy.holdFirst === 0 || author.role !== 'listener') return false
  const approved = await tx.comment.count({ where: { authorId: author.id, status: 'visible' } })
  return approved < policy.holdFirst
}

/** The comment's author and episode, or null when it does not exist or was deleted. */
export async function findLiveComment(
  db: PrismaClient,
  commentId: number,
): Promise<{ authorId: string; episodeId: number } | null> {
  const row = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, episodeId: true, deletedAt: true },
  })
  return row && !row.deletedAt ? { authorId: row.authorId, episodeId: row.episodeId } : null
}

export async function updateCommentBody(
  db: PrismaClient,
  commentId: number,
  authorId: string,
  body: string,
  now: Date,
): Promise<CommentDto> {
  // The author is part of the where: an edit never lands on someone else's comment.
  const row = await db.comment.update({
    where: { id: commentId, authorId },
    data: { body, editedAt: now },
    select: COMMENT_SELECT,
  })
  return toCommentDto(row)
}

/** Soft delete: the row stays as a placeholder for replies; its open reports are resolved. */
export async function softDeleteComment(db: PrismaClient, commentId: number, now: Date): Promise<void> {
  await db.$transaction([
    db.comment.update({ where: { id: commentId }, data: { deletedAt: now, body: '' } }),
    db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } }),
  ])
}

/**
 * Records `reporter`'s report on a comment they can see; reporting twice re-opens the report
 * rather than counting the same person twice. Null when there is no such comment for them.
 */
export async function upsertReport(
  db: PrismaClient,
  reporter: Viewer,
  commentId: number,
  reason: string,
): Promise<{ created: boolean } | null> {
  const comment = await db.comment.findFirst({
    where: { AND: [{ id: commentId, deletedAt: null }, visibleWhere(reporter)] },
    select: { id: true },
  })
  if (!comment) return null
  const key = { commentId_reporterId: { commentId, reporterId: reporter.id } }
  const existing = await db.commentReport.findUnique({ where: key, select: { id: true } })
  await db.commentReport.upsert({
    where: key,
    create: { commentId, reporterId: reporter.id, reason },
    update: { resolvedAt: null, ...(reason ? { reason } : {}) },
  })
  return { created: !existing }
}
