// Turning an expected correction failure into JSON with the right status. A conflict (409)
// carries both versions, so a script (or the editor) can show them and nothing is lost.
import 'server-only'
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import type { Caller } from '@/lib/auth/caller'
import { requestContext, type ApiDeps } from '@/lib/api/deps'
import { parseIdParam, parseJsonBody, type Parsed } from '@/lib/api/responses'
import { editorFailure } from '@/lib/corrections/access'
import { correctionMessage, correctionStatus } from '@/lib/corrections/failures'
import type { CorrectionFailure } from '@/lib/corrections/types'

export function correctionFailureResponse(failure: CorrectionFailure): NextResponse {
  const body: Record<string, unknown> = { error: correctionMessage(failure) }
  if (failure.error === 'conflict') {
    body.current = failure.current
    body.yours = failure.yours
  }
  return NextResponse.json(body, { status: correctionStatus(failure) })
}

/**
 * The common start of a host-only endpoint on one record, in this order: the caller may edit
 * transcripts, the id names a record, the body matches its schema.
 */
export async function parseEditorRequest<T>(
  deps: ApiDeps,
  request: Request,
  idParam: string,
  what: string,
  schema: z.ZodType<T>,
): Promise<Parsed<{ caller: Caller; id: number; body: T }>> {
  const { caller } = await requestContext(deps, request.headers)
  const refused = editorFailure(caller)
  if (refused || !caller)
    return { ok: false, response: correctionFailureResponse(refused ?? { error: 'unauthenticated' }) }
  const id = parseIdParam(idParam, what)
  if (!id.ok) return id
  const body = await parseJsonBody(request, schema)
  if (!body.ok) return body
  return { ok: true, data: { caller, id: id.data, body: body.data } }
}
