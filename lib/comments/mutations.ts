// Creating, editing and deleting one's own comments. Every function takes the caller as
// resolved for this request and re-checks what it may do; ownership is part of the query.
import 'server-only'
import type { Caller } from '@/lib/auth/caller'
import { canModerate } from '@/lib/auth/roles'
import { awaitDurable } from '@/lib/comments/durability'
import type { CommentPolicy } from '@/lib/comments/policy'
import { hitRateLimits } from '@/lib/comments/rate-limit'
import { COMMENT_SELECT, toCommentDto } from '@/lib/comments/threads'
import type { CommentDto, CommentResult } from '@/lib/comments/types'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface CreateCommentInput {
  sentenceId: number
  body: string
  parentId?: number | null
  /** The client's address, for the per-IP limit. */
  ip: string
}

export async function createComment(
  db: PrismaClient,
  caller: Caller,
  input: CreateCommentInput,
  policy: CommentPolicy,
  now: Date = new Date(),
): Promise<CommentResult<{ comment: CommentDto }>> {
  if (caller.bannedAt) return { ok: false, error: 'banned' }
  const sentence = await db.sentence.findUnique({
    where: { id: input.sentenceId },
    select: { id: true, episodeId: true, text: true, episode: { select: { commentsEnabled: true } } },
  })
  if (!sentence) return { ok: false, error: 'sentence-missing' }
  if (!sentence.episode.commentsEnabled && !canModerate(caller.role))
    return { ok: false, error: 'comments-off' }
  if (input.parentId != null) {
    const parent = await db.comment.findUnique({
      where: { id: input.parentId },
      select: { sentenceId: true, deletedAt: true },
    })
    if (!parent || parent.sentenceId !== sentence.id || parent.deletedAt)
      return { ok: false, error: 'parent-invalid' }
  }
  const outcome = await db.$transaction(async (tx) => {
    if (policy.duplicateWindowMs > 0) {
      const duplicate = await tx.comment.findFirst({
        where: {
          authorId: caller.id,
          body: input.body,
          deletedAt: null,
          createdAt: { gte: new Date(now.getTime() - policy.duplicateWindowMs) },
        },
        select: { id: true },
      })
      if (duplicate) return { ok: false as const, error: 'duplicate' as const }
    }
    const limited = await hitRateLimits(
      tx,
      [
        { key: `comment:user:${caller.id}`, rule: policy.accountRule },
        { key: `comment:ip:${input.ip}`, rule: policy.ipRule },
      ],
      now,
    )
    if (!limited.ok)
      return { ok: false as const, error: 'rate-limited' as const, retryAfterMs: limited.retryAfterMs }
    const status = (await mustHold(tx, caller, policy)) ? 'held' : 'visible'
    const row = await tx.comment.create({
      data: {
        episodeId: sentence.episodeId,
        sentenceId: sentence.id,
        parentId: input.parentId ?? null,
        authorId: caller.id,
        quote: sentence.text,
        body: input.body,
        status,
        createdAt: now,
      },
      select: COMMENT_SELECT,
    })
    return { ok: true as const, comment: toCommentDto(row) }
  })
  if (!outcome.ok) return outcome
  const durable = await awaitDurable()
  if (!durable.ok)
    return { ok: false, error: 'not-durable', waitedMs: durable.waitedMs, commentId: outcome.comment.id }
  return outcome
}

/** New listeners' first comments wait for review when COMMENT_HOLD_FIRST is set. */
async function mustHold(
  tx: Pick<PrismaClient, 'comment'>,
  caller: Caller,
  policy: CommentPolicy,
): Promise<boolean> {
  if (policy.holdFirst === 0 || caller.role !== 'listener') return false
  const approved = await tx.comment.count({ where: { authorId: caller.id, status: 'visible' } })
  return approved < policy.holdFirst
}

export async function editComment(
  db: PrismaClient,
  caller: Caller,
  commentId: number,
  body: string,
  now: Date = new Date(),
): Promise<CommentResult<{ comment: CommentDto }>> {
  if (caller.bannedAt) return { ok: false, error: 'banned' }
  const existing = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, deletedAt: true },
  })
  if (!existing || existing.deletedAt) return { ok: false, error: 'not-found' }
  if (existing.authorId !== caller.id) return { ok: false, error: 'forbidden' }
  const row = await db.comment.update({
    where: { id: commentId, authorId: caller.id },
    data: { body, editedAt: now },
    select: COMMENT_SELECT,
  })
  return { ok: true, comment: toCommentDto(row) }
}

/** Soft delete by the author (or a moderator): the row stays as a placeholder for replies. */
export async function deleteComment(
  db: PrismaClient,
  caller: Caller,
  commentId: number,
  now: Date = new Date(),
): Promise<CommentResult<{ episodeId: number }>> {
  const existing = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, deletedAt: true, episodeId: true },
  })
  if (!existing || existing.deletedAt) return { ok: false, error: 'not-found' }
  const isAuthor = existing.authorId === caller.id
  if (!isAuthor && !canModerate(caller.role)) return { ok: false, error: 'forbidden' }
  if (isAuthor && caller.bannedAt) return { ok: false, error: 'banned' }
  await db.$transaction([
    db.comment.update({ where: { id: commentId }, data: { deletedAt: now, body: '' } }),
    db.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } }),
  ])
  return { ok: true, episodeId: existing.episodeId }
}
