// Episode-wide corrections for hosts (docs/api.md): find and replace (preview, then apply)
// and renaming a speaker. Both answer 403 to anyone but hosts and admins.
import 'server-only'
import { NextResponse } from 'next/server'
import { correctionFailureResponse } from '@/lib/api/correction-responses'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { errorJson, parseJsonBody } from '@/lib/api/responses'
import { editorFailure } from '@/lib/corrections/access'
import { applyReplace, previewReplace } from '@/lib/corrections/find-replace'
import { RenameSpeakerSchema, ReplaceSchema } from '@/lib/corrections/schemas'
import { renameSpeaker } from '@/lib/corrections/speakers'

/** POST /api/episodes/:slug/replace — { find, replace, matchCase?, wholeWord?, scope?, apply? } → 200 { changes, applied } */
export async function replaceHandler(deps: ApiDeps, request: Request, slug: string) {
  const { caller } = await requestContext(deps, request.headers)
  const refused = editorFailure(caller)
  if (refused) return correctionFailureResponse(refused)
  const body = await parseJsonBody(request, ReplaceSchema)
  if (!body.ok) return body.response
  const episode = await deps.db.episode.findUnique({ where: { slug }, select: { id: true } })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  const { apply, ...replace } = body.data
  const changes = await previewReplace(deps.db, episode.id, replace)
  if (!apply) return NextResponse.json({ changes, applied: false })
  const result = await applyReplace(deps.db, caller, changes, replace)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ changes, applied: true })
}

/** POST /api/episodes/:slug/speakers — { from, to } → 200 { changed } */
export async function renameSpeakerHandler(deps: ApiDeps, request: Request, slug: string) {
  const { caller } = await requestContext(deps, request.headers)
  const refused = editorFailure(caller)
  if (refused) return correctionFailureResponse(refused)
  const body = await parseJsonBody(request, RenameSpeakerSchema)
  if (!body.ok) return body.response
  const episode = await deps.db.episode.findUnique({ where: { slug }, select: { id: true } })
  if (!episode) return errorJson(404, `No episode ${slug}.`)
  const result = await renameSpeaker(deps.db, caller, episode.id, body.data.from, body.data.to)
  if (!result.ok) return correctionFailureResponse(result)
  return NextResponse.json({ changed: result.changed })
}
