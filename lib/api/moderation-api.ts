// The moderation endpoints of the JSON API (docs/api.md): hosts and admins only (403 for
// anyone else, 401 when signed out). The same DAL functions back the /moderation page.
import 'server-only'
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { errorJson, failureResponse, parseIdParam, parseJsonBody, UNAUTHENTICATED } from '@/lib/api/responses'
import {
  listModerationQueue,
  moderateComment,
  setCommentsEnabled,
  setUserBanned,
} from '@/lib/comments/moderation'
import { ModerationActionSchema } from '@/lib/comments/schemas'

const BanSchema = z.strictObject({ banned: z.boolean({ error: 'banned must be true or false' }) })
const EpisodeSettingsSchema = z.strictObject({
  commentsEnabled: z.boolean({ error: 'commentsEnabled must be true or false' }),
})

/** GET /api/moderation/queue */
export async function moderationQueueHandler(deps: ApiDeps, request: Request) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const result = await listModerationQueue(deps.db, caller)
  return result.ok ? NextResponse.json({ items: result.items }) : failureResponse(result)
}

/** POST /api/comments/:id/moderation — { action: hide | unhide | approve | delete | dismiss } */
export async function moderateCommentHandler(deps: ApiDeps, request: Request, idParam: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const id = parseIdParam(idParam, 'comment')
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, ModerationActionSchema)
  if (!body.ok) return body.response
  const result = await moderateComment(deps.db, caller, id.data, body.data.action)
  return result.ok ? NextResponse.json({ ok: true }) : failureResponse(result)
}

/** POST /api/users/:id/ban — { banned: boolean } */
export async function banUserHandler(deps: ApiDeps, request: Request, userId: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const body = await parseJsonBody(request, BanSchema)
  if (!body.ok) return body.response
  const result = await setUserBanned(deps.db, caller, userId, body.data.banned)
  return result.ok ? NextResponse.json({ ok: true }) : failureResponse(result)
}

/** PATCH /api/episodes/:slug — { commentsEnabled: boolean } */
export async function episodeSettingsHandler(deps: ApiDeps, request: Request, slug: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const body = await parseJsonBody(request, EpisodeSettingsSchema)
  if (!body.ok) return body.response
  const episode = await deps.db.episode.findUnique({ where: { slug }, select: { id: true } })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  const result = await setCommentsEnabled(deps.db, caller, episode.id, body.data.commentsEnabled)
  return result.ok ? NextResponse.json({ ok: true }) : failureResponse(result)
}
