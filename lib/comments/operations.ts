// The comment use cases, each once for the JSON API (lib/api/comment-api.ts) and the episode
// page's server actions (app/episodes/[slug]/actions.ts): parse the raw input, authorize
// through lib/auth/policy.ts, call the data layer, answer one Result.
// Order of checks: who is calling (401/403) → the path id (404) → the body (400) → the data.
import 'server-only'
import { authorize, roleAllows } from '@/lib/auth/policy'
import { authorizeOnShow, viewerOnShow } from '@/lib/auth/show-access'
import { awaitDurable } from '@/lib/comments/durability'
import {
  findLiveComment,
  insertComment,
  softDeleteComment,
  updateCommentBody,
  upsertReport,
} from '@/lib/comments/mutations'
import { EditCommentSchema, NewCommentSchema, NewReportSchema } from '@/lib/comments/schemas'
import { listEpisodeComments, listSentenceComments } from '@/lib/comments/threads'
import type { CommentDto } from '@/lib/comments/types'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput, recordInput } from '@/lib/operations/input'
import { episodeBySlug } from '@/lib/operations/lookups'
import { showOfComment } from '@/lib/operations/show-of'
import { fail, notFound, ok, type Result } from '@/lib/result'

/** Every comment of an episode the caller may see, and whether new ones are open. */
export async function episodeComments(
  ctx: OperationContext,
  input: { slug: string },
): Promise<Result<{ commentsEnabled: boolean; comments: CommentDto[] }>> {
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  // A host of other shows reads this one as a listener does (no held or hidden comments).
  const viewer = await viewerOnShow(ctx.db, ctx.caller, episode.value.showId)
  const comments = await listEpisodeComments(ctx.db, episode.value.id, viewer)
  return ok({ commentsEnabled: episode.value.commentsEnabled, comments })
}

/** One sentence's comments the caller may see. */
export async function sentenceComments(
  ctx: OperationContext,
  input: { sentenceId: unknown },
): Promise<Result<CommentDto[]>> {
  const sentenceId = parseId(input.sentenceId, 'sentence')
  if (!sentenceId.ok) return sentenceId
  const sentence = await ctx.db.sentence.findUnique({
    where: { id: sentenceId.value },
    select: { id: true, episode: { select: { showId: true } } },
  })
  if (!sentence) return notFound('sentence')
  const viewer = await viewerOnShow(ctx.db, ctx.caller, sentence.episode.showId)
  return ok(await listSentenceComments(ctx.db, sentence.id, viewer))
}

/** A comment or reply on a sentence; `body` is `{ body, parentId? }` (NewCommentSchema). */
export async function createComment(
  ctx: OperationContext,
  input: { sentenceId: unknown; body: unknown },
): Promise<Result<CommentDto>> {
  const parsed = recordInput(
    ctx,
    'write',
    { id: input.sentenceId, what: 'sentence', body: input.body },
    NewCommentSchema,
  )
  if (!parsed.ok) return parsed
  const { caller, body } = parsed.value
  const sentence = await ctx.db.sentence.findUnique({
    where: { id: parsed.value.id },
    select: {
      id: true,
      episodeId: true,
      text: true,
      episode: { select: { commentsEnabled: true, showId: true } },
    },
  })
  if (!sentence) return notFound('sentence')
  // The show's hosts may still write where they switched comments off (to explain why, say).
  if (
    !sentence.episode.commentsEnabled &&
    !roleAllows((await viewerOnShow(ctx.db, caller, sentence.episode.showId)).role, 'moderate')
  )
    return fail({ error: 'comments-off' })
  const parentId = body.parentId ?? null
  if (parentId !== null) {
    const parent = await ctx.db.comment.findUnique({
      where: { id: parentId },
      select: { sentenceId: true, deletedAt: true },
    })
    if (!parent || parent.sentenceId !== sentence.id || parent.deletedAt)
      return fail({ error: 'parent-invalid' })
  }
  const created = await insertComment(
    ctx.sqlite,
    caller,
    {
      episodeId: sentence.episodeId,
      sentenceId: sentence.id,
      quote: sentence.text,
      parentId,
      body: body.body,
      ip: ctx.ip,
    },
    ctx.policy,
    ctx.now ?? new Date(),
  )
  if (!created.ok) return created
  const durable = await awaitDurable()
  if (!durable.ok)
    return fail({ error: 'not-durable', waitedMs: durable.waitedMs, commentId: created.value.id })
  return created
}

/** The author rewrites their comment; `body` is `{ body }`. */
export async function editComment(
  ctx: OperationContext,
  input: { commentId: unknown; body: unknown },
): Promise<Result<CommentDto>> {
  const parsed = recordInput(
    ctx,
    'write',
    { id: input.commentId, what: 'comment', body: input.body },
    EditCommentSchema,
  )
  if (!parsed.ok) return parsed
  const { authorId, id, body } = parsed.value
  const existing = await findLiveComment(ctx.db, id)
  if (!existing) return notFound('comment')
  if (existing.authorId !== authorId) return fail({ error: 'forbidden' })
  return updateCommentBody(ctx.sqlite, id, authorId, body.body, ctx.now ?? new Date())
}

/** The author, or a host moderating, deletes a comment (kept as a placeholder for replies). */
export async function deleteComment(
  ctx: OperationContext,
  input: { commentId: unknown },
): Promise<Result<{ episodeId: number }>> {
  const caller = authorize(ctx.caller, 'write')
  if (!caller.ok) return caller
  const commentId = parseId(input.commentId, 'comment')
  if (!commentId.ok) return commentId
  const existing = await findLiveComment(ctx.db, commentId.value)
  if (!existing) return notFound('comment')
  if (existing.authorId !== caller.value.id) {
    // Someone else's comment: a host of its show (or an admin) moderating.
    const showId = await showOfComment(ctx.db, commentId.value)
    const moderator = showId === null ? null : await authorizeOnShow(ctx, 'moderate', showId)
    if (!moderator?.ok) return fail({ error: 'forbidden' })
  }
  const deleted = await softDeleteComment(ctx.sqlite, commentId.value, ctx.now ?? new Date())
  return deleted.ok ? ok({ episodeId: existing.episodeId }) : deleted
}

/** Anyone signed in reports a comment they can see; `created` is false when it re-opens theirs. */
export async function reportComment(
  ctx: OperationContext,
  input: { commentId: unknown; body: unknown },
): Promise<Result<{ created: boolean }>> {
  const caller = authorize(ctx.caller, 'write')
  if (!caller.ok) return caller
  const commentId = parseId(input.commentId, 'comment')
  if (!commentId.ok) return commentId
  const body = parseInput(NewReportSchema, input.body)
  if (!body.ok) return body
  return upsertReport(ctx, caller.value, commentId.value, body.value.reason, ctx.now ?? new Date())
}
