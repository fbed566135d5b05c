// Episode-wide corrections for hosts (docs/api.md): find and replace (preview, then apply)
// and renaming a speaker; adapters over lib/corrections/episode-operations.ts.
import 'server-only'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { findAndReplace, renameSpeaker } from '@/lib/corrections/episode-operations'
import { readJsonBody, toJsonResponse } from '@/lib/http/json-response'

/** POST /api/episodes/:slug/replace — { find, replace, matchCase?, wholeWord?, scope?, apply? } → 200 { changes, applied } */
export async function replaceHandler(deps: ApiDeps, request: Request, slug: string) {
  const ctx = await requestContext(deps, request)
  const result = await findAndReplace(ctx, { slug, body: await readJsonBody(request) })
  return toJsonResponse(result, (outcome) => outcome)
}

/** POST /api/episodes/:slug/speakers — { from, to } → 200 { changed } */
export async function renameSpeakerHandler(deps: ApiDeps, request: Request, slug: string) {
  const ctx = await requestContext(deps, request)
  const result = await renameSpeaker(ctx, { slug, body: await readJsonBody(request) })
  return toJsonResponse(result, (renamed) => renamed)
}
