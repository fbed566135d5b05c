// The JSON adapter: an operation's Result becomes a response. Failures get `{ error }` with the
// status from lib/failures.ts (plus Retry-After for 429 and a busy or unavailable 503, both versions for a 409 conflict).
// Bad input always ends here as a 4xx, never as a 500.
import 'server-only'
import { NextResponse } from 'next/server'
import { failureMessage, failureStatus, retryAfterSeconds } from '@/lib/failures'
import { MALFORMED_BODY } from '@/lib/operations/input'
import type { Failure, Result } from '@/lib/result'

export function errorJson(status: number, error: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error }, { status, headers })
}

export function failureResponse(failure: Failure): NextResponse {
  const headers: Record<string, string> = {}
  if (failure.error === 'rate-limited' || failure.error === 'busy' || failure.error === 'unavailable')
    headers['Retry-After'] = String(retryAfterSeconds(failure.retryAfterMs))
  const body: Record<string, unknown> = { error: failureMessage(failure) }
  if (failure.error === 'conflict') {
    body.current = failure.current
    body.yours = failure.yours
  }
  return NextResponse.json(body, { status: failureStatus(failure), headers })
}

/** 200 with `body(value)` (or `status`), or the failure's response. */
export function toJsonResponse<T>(
  result: Result<T>,
  body: (value: T) => unknown,
  status = 200,
): NextResponse {
  if (!result.ok) return failureResponse(result.failure)
  if (status === 204) return new NextResponse(null, { status })
  return NextResponse.json(body(result.value), { status })
}

/** The request's JSON body; an empty body counts as `{}`, a malformed one as MALFORMED_BODY. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    const text = await request.text()
    return text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return MALFORMED_BODY
  }
}
