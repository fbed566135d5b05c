// Shared plumbing for the JSON API routes: parse a body or a path id with zod, and turn an
// expected failure into `{ error }` with the right status (and Retry-After for 429). Bad
// input always ends here as a 4xx, never as a 500.
import 'server-only'
import { NextResponse } from 'next/server'
import type { z } from 'zod'
import { failureMessage, failureStatus, retryAfterSeconds } from '@/lib/comments/failures'
import { IdParamSchema } from '@/lib/comments/schemas'
import type { CommentFailure } from '@/lib/comments/types'

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: NextResponse }

export function errorJson(status: number, error: string, headers?: HeadersInit): NextResponse {
  return NextResponse.json({ error }, { status, headers })
}

export function failureResponse(failure: CommentFailure): NextResponse {
  const headers: Record<string, string> = {}
  if (failure.error === 'rate-limited')
    headers['Retry-After'] = String(retryAfterSeconds(failure.retryAfterMs))
  return errorJson(failureStatus(failure), failureMessage(failure), headers)
}

export function issuesMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** Reads a JSON body and validates it; a malformed or invalid body is a 400. An empty body counts as `{}`. */
export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<Parsed<T>> {
  let raw: unknown
  try {
    const text = await request.text()
    raw = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    return { ok: false, response: errorJson(400, 'The body is not valid JSON.') }
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { ok: false, response: errorJson(400, issuesMessage(parsed.error)) }
  return { ok: true, data: parsed.data }
}

/** A positive integer id from the path; anything else is a 404 (no such resource). */
export function parseIdParam(value: string, what: string): Parsed<number> {
  const parsed = IdParamSchema.safeParse(value)
  if (!parsed.success || !/^\d+$/.test(value))
    return { ok: false, response: errorJson(404, `No ${what} ${value}.`) }
  return { ok: true, data: parsed.data }
}

export const UNAUTHENTICATED = (): NextResponse =>
  errorJson(401, 'Sign in, or send Authorization: Bearer <token> (npm run user -- token --email …).')
