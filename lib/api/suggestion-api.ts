// The suggestion endpoints of the JSON API (docs/api.md): listeners suggest, hosts review;
// adapters over lib/suggestions/operations.ts.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'
import { acceptSuggestion, listSuggestions, rejectSuggestion, suggestFix } from '@/lib/suggestions/operations'

/** POST /api/sentences/:id/suggestions — { text } → 201 { suggestion } */
export async function createSuggestionHandler(deps: ApiDeps, request: Request, sentenceId: string) {
  const ctx = await requestContext(deps, request)
  const result = await suggestFix(ctx, { sentenceId, body: await readJsonBody(request) })
  return toJsonResponse(result, (suggestion) => ({ suggestion }), 201)
}

/** GET /api/suggestions[?mine=1] → { suggestions }: the pending queue for hosts, else your own. */
export async function listSuggestionsHandler(deps: ApiDeps, request: Request) {
  const mine = new URL(request.url).searchParams.get('mine') === '1'
  const result = await listSuggestions(await requestContext(deps, request), { mine })
  return toJsonResponse(result, (suggestions) => ({ suggestions }))
}

/** POST /api/suggestions/:id/accept → 200 { suggestion } (hosts) */
export async function acceptSuggestionHandler(deps: ApiDeps, request: Request, suggestionId: string) {
  const ctx = await requestContext(deps, request)
  const result = await acceptSuggestion(ctx, { suggestionId, body: await readJsonBody(request) })
  return toJsonResponse(result, (suggestion) => ({ suggestion }))
}

/** POST /api/suggestions/:id/reject — { reason } → 200 { suggestion } (hosts) */
export async function rejectSuggestionHandler(deps: ApiDeps, request: Request, suggestionId: string) {
  const ctx = await requestContext(deps, request)
  const result = await rejectSuggestion(ctx, { suggestionId, body: await readJsonBody(request) })
  return toJsonResponse(result, (suggestion) => ({ suggestion }))
}
