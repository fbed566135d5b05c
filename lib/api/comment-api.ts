// The comment endpoints of the JSON API (docs/api.md), as plain functions of a Request.
// app/api/**/route.ts files only bind them to paths and to the server's dependencies.
import 'server-only'
import { NextResponse } from 'next/server'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { failureResponse, parseIdParam, parseJsonBody, UNAUTHENTICATED, errorJson } from '@/lib/api/responses'
import { createComment, deleteComment, editComment } from '@/lib/comments/mutations'
import { reportComment } from '@/lib/comments/moderation'
import { EditCommentSchema, NewCommentSchema, NewReportSchema } from '@/lib/comments/schemas'
import { listEpisodeComments, listSentenceComments } from '@/lib/comments/threads'

/** GET /api/episodes/:slug/comments */
export async function listEpisodeCommentsHandler(deps: ApiDeps, request: Request, slug: string) {
  const { caller } = await requestContext(deps, request.headers)
  const episode = await deps.db.episode.findUnique({
    where: { slug },
    select: { id: true, commentsEnabled: true },
  })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  const comments = await listEpisodeComments(deps.db, episode.id, caller)
  return NextResponse.json({ commentsEnabled: episode.commentsEnabled, comments })
}

/** GET /api/sentences/:sentenceId/comments */
export async function listSentenceCommentsHandler(deps: ApiDeps, request: Request, sentenceParam: string) {
  const sentenceId = parseIdParam(sentenceParam, 'sentence')
  if (!sentenceId.ok) return sentenceId.response
  const { caller } = await requestContext(deps, request.headers)
  const sentence = await deps.db.sentence.findUnique({ where: { id: sentenceId.data }, select: { id: true } })
  if (!sentence) return errorJson(404, `No sentence ${sentenceParam}.`)
  return NextResponse.json({ comments: await listSentenceComments(deps.db, sentence.id, caller) })
}

/** POST /api/sentences/:sentenceId/comments — { body, parentId? } → 201 { comment } */
export async function createCommentHandler(deps: ApiDeps, request: Request, sentenceParam: string) {
  const { caller, ip } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const sentenceId = parseIdParam(sentenceParam, 'sentence')
  if (!sentenceId.ok) return sentenceId.response
  const body = await parseJsonBody(request, NewCommentSchema)
  if (!body.ok) return body.response
  const result = await createComment(
    deps.db,
    caller,
    { sentenceId: sentenceId.data, body: body.data.body, parentId: body.data.parentId, ip },
    deps.policy,
  )
  if (!result.ok) return failureResponse(result)
  return NextResponse.json({ comment: result.comment }, { status: 201 })
}

/** PATCH /api/comments/:id — { body } → 200 { comment } */
export async function editCommentHandler(deps: ApiDeps, request: Request, idParam: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const id = parseIdParam(idParam, 'comment')
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, EditCommentSchema)
  if (!body.ok) return body.response
  const result = await editComment(deps.db, caller, id.data, body.data.body)
  return result.ok ? NextResponse.json({ comment: result.comment }) : failureResponse(result)
}

/** DELETE /api/comments/:id → 204 */
export async function deleteCommentHandler(deps: ApiDeps, request: Request, idParam: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const id = parseIdParam(idParam, 'comment')
  if (!id.ok) return id.response
  const result = await deleteComment(deps.db, caller, id.data)
  return result.ok ? new NextResponse(null, { status: 204 }) : failureResponse(result)
}

/** POST /api/comments/:id/reports — { reason? } → 201 (200 when it re-opens the caller's earlier report) */
export async function reportCommentHandler(deps: ApiDeps, request: Request, idParam: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return UNAUTHENTICATED()
  const id = parseIdParam(idParam, 'comment')
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, NewReportSchema)
  if (!body.ok) return body.response
  const result = await reportComment(deps.db, caller, id.data, body.data.reason)
  if (!result.ok) return failureResponse(result)
  return NextResponse.json({ reported: true }, { status: result.created ? 201 : 200 })
}
