// The comment endpoints of the JSON API (docs/api.md): adapters of lib/comments/operations.ts.
// app/api/**/route.ts files only bind them to paths and to the server's dependencies.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import {
  createComment,
  deleteComment,
  editComment,
  episodeComments,
  reportComment,
  sentenceComments,
} from '@/lib/comments/operations'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'

/** GET /api/episodes/:slug/comments → { commentsEnabled, comments } */
export async function listEpisodeCommentsHandler(deps: ApiDeps, request: Request, slug: string) {
  return toJsonResponse(
    await episodeComments(await requestContext(deps, request), { slug }),
    (value) => value,
  )
}

/** GET /api/sentences/:sentenceId/comments → { comments } */
export async function listSentenceCommentsHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const result = await sentenceComments(await requestContext(deps, request), { sentenceId })
  return toJsonResponse(result, (comments) => ({ comments }))
}

/** POST /api/sentences/:sentenceId/comments — { body, parentId? } → 201 { comment } */
export async function createCommentHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const ctx = await requestContext(deps, request)
  const result = await createComment(ctx, { sentenceId, body: await readJsonBody(request) })
  return toJsonResponse(result, (comment) => ({ comment }), 201)
}

/** PATCH /api/comments/:id — { body } → 200 { comment } */
export async function editCommentHandler(deps: ApiDeps, request: Request, commentId: string) {
  const ctx = await requestContext(deps, request)
  const result = await editComment(ctx, { commentId, body: await readJsonBody(request) })
  return toJsonResponse(result, (comment) => ({ comment }))
}

/** DELETE /api/comments/:id → 204 */
export async function deleteCommentHandler(deps: ApiDeps, request: Request, commentId: string) {
  return toJsonResponse(
    await deleteComment(await requestContext(deps, request), { commentId }),
    () => null,
    204,
  )
}

/** POST /api/comments/:id/reports — { reason? } → 201 (200 when it re-opens the caller's earlier report) */
export async function reportCommentHandler(deps: ApiDeps, request: Request, commentId: string) {
  const ctx = await requestContext(deps, request)
  const result = await reportComment(ctx, { commentId, body: await readJsonBody(request) })
  return toJsonResponse(result, () => ({ reported: true }), result.ok && !result.value.created ? 200 : 201)
}
