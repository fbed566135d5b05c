// The history endpoints of the JSON API (docs/api.md): an episode's changes with filters, and
// reverting one change as a whole. Adapters over lib/corrections/change-operations.ts; the
// app/api/**/route.ts files only bind them to paths.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { episodeChanges, revertChange } from '@/lib/corrections/change-operations'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'

/** GET /api/episodes/:slug/changes?sentence=&author=&kind=&before= → { changes } (newest first, at most 100) */
export async function episodeChangesHandler(deps: ApiDeps, request: Request, slug: string) {
  const query = Object.fromEntries(new URL(request.url).searchParams)
  const result = await episodeChanges(await requestContext(deps, request), { slug, query })
  return toJsonResponse(result, ({ changes }) => ({ changes }))
}

/** POST /api/changes/:id/revert — { reason? } → 200 { changeId, revertOfId, sentences } | 409 | 422 */
export async function revertChangeHandler(deps: ApiDeps, request: Request, changeId: string) {
  const ctx = await requestContext(deps, request)
  const result = await revertChange(ctx, { changeId, body: await readJsonBody(request) })
  return toJsonResponse(result, (reverted) => reverted)
}
