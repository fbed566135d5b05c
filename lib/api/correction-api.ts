// The sentence, revision and split/merge endpoints of the JSON API (docs/api.md), as plain
// functions of a Request; app/api/**/route.ts files only bind them to paths. Each is an
// adapter over one operation (lib/corrections/operations.ts).
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import {
  editSentence,
  episodeHistory,
  getSentence,
  mergeSentence,
  revertRevision,
  sentenceHistory,
  splitSentence,
} from '@/lib/corrections/operations'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'

/** GET /api/sentences/:id → { sentence } */
export async function getSentenceHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const result = await getSentence(await requestContext(deps, request), { sentenceId })
  return toJsonResponse(result, (sentence) => ({ sentence }))
}

/** PATCH /api/sentences/:id — { text?, speaker?, startMs?, version, reason? } → 200 { sentence, revisionId } | 409 */
export async function editSentenceHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const ctx = await requestContext(deps, request)
  const result = await editSentence(ctx, { sentenceId, body: await readJsonBody(request) })
  return toJsonResponse(result, (applied) => applied)
}

/** GET /api/sentences/:id/revisions → { revisions } (newest first) */
export async function sentenceRevisionsHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const result = await sentenceHistory(await requestContext(deps, request), { sentenceId })
  return toJsonResponse(result, (revisions) => ({ revisions }))
}

/** GET /api/episodes/:slug/revisions → { revisions } (newest first, at most 200) */
export async function episodeRevisionsHandler(deps: ApiDeps, request: Request, slug: string) {
  const result = await episodeHistory(await requestContext(deps, request), { slug })
  return toJsonResponse(result, ({ revisions }) => ({ revisions }))
}

/** POST /api/revisions/:id/revert — { reason? } → 200 { sentence, revisionId } */
export async function revertRevisionHandler(deps: ApiDeps, request: Request, revisionId: string) {
  const ctx = await requestContext(deps, request)
  const result = await revertRevision(ctx, { revisionId, body: await readJsonBody(request) })
  return toJsonResponse(result, (applied) => applied)
}

/** POST /api/sentences/:id/split — { at, version } → 201 { first, second } */
export async function splitSentenceHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const ctx = await requestContext(deps, request)
  const result = await splitSentence(ctx, { sentenceId, body: await readJsonBody(request) })
  return toJsonResponse(result, (halves) => halves, 201)
}

/** POST /api/sentences/:id/merge — { version } → 200 { sentence } (the next sentence is merged into it) */
export async function mergeSentenceHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const ctx = await requestContext(deps, request)
  const result = await mergeSentence(ctx, { sentenceId, body: await readJsonBody(request) })
  return toJsonResponse(result, (merged) => merged)
}
