// The moderation endpoints of the JSON API (docs/api.md): adapters of lib/moderation/operations.ts
// and, for bans, lib/users/operations.ts. The same operations back the /moderation page.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'
import { listModerationQueue, moderateComment } from '@/lib/moderation/operations'
import { banUser, listBannedUsers } from '@/lib/users/operations'

const OK = () => ({ ok: true })

/** GET /api/moderation/queue → { items } */
export async function moderationQueueHandler(deps: ApiDeps, request: Request) {
  return toJsonResponse(await listModerationQueue(await requestContext(deps, request)), (items) => ({
    items,
  }))
}

/** POST /api/comments/:id/moderation — { action: hide | unhide | approve | delete | dismiss } */
export async function moderateCommentHandler(deps: ApiDeps, request: Request, commentId: string) {
  const ctx = await requestContext(deps, request)
  return toJsonResponse(await moderateComment(ctx, { commentId, body: await readJsonBody(request) }), OK)
}

/** POST /api/users/:id/ban — { banned: boolean } */
export async function banUserHandler(deps: ApiDeps, request: Request, userId: string) {
  const ctx = await requestContext(deps, request)
  return toJsonResponse(await banUser(ctx, { userId, body: await readJsonBody(request) }), OK)
}

/** GET /api/moderation/banned → { users: [{ id, name, role, bannedAt }] } */
export async function bannedUsersHandler(deps: ApiDeps, request: Request) {
  return toJsonResponse(await listBannedUsers(await requestContext(deps, request)), (users) => ({ users }))
}
