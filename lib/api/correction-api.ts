// The sentence, revision and split/merge endpoints of the JSON API (docs/api.md), as plain
// functions of a Request; app/api/**/route.ts files only bind them to paths.
import 'server-only'
import { NextResponse } from 'next/server'
import { correctionFailureResponse, parseEditorRequest } from '@/lib/api/correction-responses'
import type { ApiDeps } from '@/lib/api/deps'
import { errorJson, parseIdParam } from '@/lib/api/responses'
import { editSentence, getSentence } from '@/lib/corrections/edits'
import { listEpisodeRevisions, listSentenceRevisions, revertRevision } from '@/lib/corrections/revisions'
import { EditSentenceSchema, MergeSchema, RevertSchema, SplitSchema } from '@/lib/corrections/schemas'
import { mergeWithNext, splitSentence } from '@/lib/corrections/split-merge'

/** GET /api/sentences/:id → { sentence } */
export async function getSentenceHandler(deps: ApiDeps, _request: Request, idParam: string) {
  const id = parseIdParam(idParam, 'sentence')
  if (!id.ok) return id.response
  const sentence = await getSentence(deps.db, id.data)
  return sentence ? NextResponse.json({ sentence }) : errorJson(404, `No sentence ${idParam}.`)
}

/** PATCH /api/sentences/:id — { text?, speaker?, startMs?, version, reason? } → 200 { sentence, revisionId } | 409 */
export async function editSentenceHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'sentence', EditSentenceSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id, body } = parsed.data
  const result = await editSentence(deps.db, caller, id, body)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ sentence: result.sentence, revisionId: result.revisionId })
}

/** GET /api/sentences/:id/revisions → { revisions } (newest first) */
export async function sentenceRevisionsHandler(deps: ApiDeps, _request: Request, idParam: string) {
  const id = parseIdParam(idParam, 'sentence')
  if (!id.ok) return id.response
  if (!(await getSentence(deps.db, id.data))) return errorJson(404, `No sentence ${idParam}.`)
  return NextResponse.json({ revisions: await listSentenceRevisions(deps.db, id.data) })
}

/** GET /api/episodes/:slug/revisions → { revisions } (newest first, at most 200) */
export async function episodeRevisionsHandler(deps: ApiDeps, _request: Request, slug: string) {
  const episode = await deps.db.episode.findUnique({ where: { slug }, select: { id: true } })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  return NextResponse.json({ revisions: await listEpisodeRevisions(deps.db, episode.id) })
}

/** POST /api/revisions/:id/revert — { reason? } → 200 { sentence, revisionId } */
export async function revertRevisionHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'revision', RevertSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id, body } = parsed.data
  const result = await revertRevision(deps.db, caller, id, body.reason)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ sentence: result.sentence, revisionId: result.revisionId })
}

/** POST /api/sentences/:id/split — { at, version } → 201 { first, second } */
export async function splitSentenceHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'sentence', SplitSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id, body } = parsed.data
  const result = await splitSentence(deps.db, caller, id, body)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ first: result.first, second: result.second }, { status: 201 })
}

/** POST /api/sentences/:id/merge — { version } → 200 { sentence } (the next sentence is merged into it) */
export async function mergeSentenceHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'sentence', MergeSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id, body } = parsed.data
  const result = await mergeWithNext(deps.db, caller, id, body.version)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ sentence: result.sentence })
}
