// The suggestion endpoints of the JSON API (docs/api.md): listeners suggest, hosts review.
import 'server-only'
import { NextResponse } from 'next/server'
import { correctionFailureResponse, parseEditorRequest } from '@/lib/api/correction-responses'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { parseIdParam, parseJsonBody } from '@/lib/api/responses'
import { AcceptSchema, RejectSchema, SuggestSchema } from '@/lib/corrections/schemas'
import {
  acceptSuggestion,
  createSuggestion,
  listSuggestions,
  rejectSuggestion,
} from '@/lib/corrections/suggestions'

/** POST /api/sentences/:id/suggestions — { text } → 201 { suggestion } */
export async function createSuggestionHandler(deps: ApiDeps, request: Request, idParam: string) {
  const { caller } = await requestContext(deps, request.headers)
  if (!caller) return correctionFailureResponse({ error: 'unauthenticated' })
  const id = parseIdParam(idParam, 'sentence')
  if (!id.ok) return id.response
  const body = await parseJsonBody(request, SuggestSchema)
  if (!body.ok) return body.response
  const result = await createSuggestion(deps.db, caller, id.data, body.data.text)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ suggestion: result.suggestion }, { status: 201 })
}

/** GET /api/suggestions[?mine=1] → { suggestions }: the pending queue for hosts, else your own. */
export async function listSuggestionsHandler(deps: ApiDeps, request: Request) {
  const { caller } = await requestContext(deps, request.headers)
  const mine = new URL(request.url).searchParams.get('mine') === '1'
  const result = await listSuggestions(deps.db, caller, { mine })
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ suggestions: result.suggestions })
}

/** POST /api/suggestions/:id/accept → 200 { suggestion } (hosts) */
export async function acceptSuggestionHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'suggestion', AcceptSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id } = parsed.data
  const result = await acceptSuggestion(deps.db, caller, id)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ suggestion: result.suggestion })
}

/** POST /api/suggestions/:id/reject — { reason } → 200 { suggestion } (hosts) */
export async function rejectSuggestionHandler(deps: ApiDeps, request: Request, idParam: string) {
  const parsed = await parseEditorRequest(deps, request, idParam, 'suggestion', RejectSchema)
  if (!parsed.ok) return parsed.response
  const { caller, id, body } = parsed.data
  const result = await rejectSuggestion(deps.db, caller, id, body.reason)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ suggestion: result.suggestion })
}
