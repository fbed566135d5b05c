// The moderation use cases of hosts and admins, each once for the JSON API
// (lib/api/moderation-api.ts) and the server actions (the moderation page, the episode page).
// Banning users is user administration: lib/users/operations.ts.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import { authorizeOnShow, showIdFilter, showsOf } from '@/lib/auth/show-access'
import { ModerationActionSchema } from '@/lib/comments/schemas'
import {
  applyModeration,
  moderationQueue,
  updateCommentsEnabled,
  type QueueItem,
} from '@/lib/moderation/moderation-store'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput } from '@/lib/operations/input'
import { episodeBySlug } from '@/lib/operations/lookups'
import { showOfComment } from '@/lib/operations/show-of'
import { ok, type Result } from '@/lib/result'

export type { QueueItem } from '@/lib/moderation/moderation-store'

const EpisodeSettingsSchema = z.strictObject({
  commentsEnabled: z.boolean({ error: 'commentsEnabled must be true or false' }),
})

/** Held and reported comments on the shows the caller hosts (every show for admins), oldest first. */
export async function listModerationQueue(ctx: OperationContext): Promise<Result<QueueItem[]>> {
  const caller = authorize(ctx.caller, 'moderate')
  if (!caller.ok) return caller
  return ok(await moderationQueue(ctx.db, showIdFilter(await showsOf(ctx.db, caller.value))))
}

/** `body` is `{ action: hide | unhide | approve | delete | dismiss }`. */
export async function moderateComment(
  ctx: OperationContext,
  input: { commentId: unknown; body: unknown },
): Promise<Result<{ episodeId: number }>> {
  const caller = authorize(ctx.caller, 'moderate')
  if (!caller.ok) return caller
  const commentId = parseId(input.commentId, 'comment')
  if (!commentId.ok) return commentId
  // A host moderates the shows they host; a missing comment is the store's 404.
  const showId = await showOfComment(ctx.db, commentId.value)
  if (showId !== null) {
    const onShow = await authorizeOnShow(ctx, 'moderate', showId)
    if (!onShow.ok) return onShow
  }
  const body = parseInput(ModerationActionSchema, input.body)
  if (!body.ok) return body
  return applyModeration(ctx, commentId.value, body.value.action, ctx.now ?? new Date())
}

/** Turns an episode's comments on or off; `body` is `{ commentsEnabled: boolean }`. */
export async function setCommentsEnabled(
  ctx: OperationContext,
  input: { slug: string; body: unknown },
): Promise<Result<{ commentsEnabled: boolean }>> {
  const caller = authorize(ctx.caller, 'moderate')
  if (!caller.ok) return caller
  const episode = await episodeBySlug(ctx.db, input.slug)
  if (!episode.ok) return episode
  const onShow = await authorizeOnShow(ctx, 'moderate', episode.value.showId)
  if (!onShow.ok) return onShow
  const body = parseInput(EpisodeSettingsSchema, input.body)
  if (!body.ok) return body
  await updateCommentsEnabled(ctx.db, episode.value.id, body.value.commentsEnabled)
  return ok({ commentsEnabled: body.value.commentsEnabled })
}
