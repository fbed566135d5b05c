// Parsing an operation's raw input (path parameters as strings, bodies as unknown) with zod, so
// every adapter passes what it received and the operation decides what is valid.
import type { z } from 'zod'
import type { Caller } from '@/lib/auth/caller'
import { authorize, type Permission } from '@/lib/auth/policy'
import type { OperationContext } from '@/lib/operations/context'
import { IdSchema } from '@/lib/validation'
import { fail, invalid, notFound, ok, type Resource, type Result } from '@/lib/result'

/** Stands for a request body that was not valid JSON; operations answer it with 400. */
export const MALFORMED_BODY: unique symbol = Symbol('malformed body')

export function issuesMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form')
    ;(errors[field] ??= []).push(issue.message)
  }
  return errors
}

/**
 * Whether every string in a parsed body (keys too) is well-formed Unicode. JSON may spell a lone
 * surrogate (`"\ud800"`), which no database column can store; it is refused here, at the edge.
 */
export function isWellFormedDeep(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.isWellFormed()
  if (value === null || typeof value !== 'object') return true
  if (depth > 32) return false
  if (Array.isArray(value)) return value.every((item) => isWellFormedDeep(item, depth + 1))
  return Object.entries(value).every(([key, item]) => key.isWellFormed() && isWellFormedDeep(item, depth + 1))
}

/** A body checked against its schema: 400 with every issue, field by field for forms. */
export function parseInput<T>(schema: z.ZodType<T>, raw: unknown): Result<T> {
  if (raw === MALFORMED_BODY) return invalid('The body is not valid JSON.')
  if (!isWellFormedDeep(raw))
    return invalid('The body holds invalid Unicode (a lone surrogate); send UTF-8 text.')
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return invalid(issuesMessage(parsed.error), fieldErrorsOf(parsed.error))
  return ok(parsed.data)
}

/** A record id from a path or a form: anything but a positive integer names nothing (404). */
export function parseId(raw: unknown, what: Resource): Result<number> {
  if (typeof raw === 'number') raw = String(raw)
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return notFound(what)
  const parsed = IdSchema.safeParse(raw)
  return parsed.success ? ok(parsed.data) : fail({ error: 'not-found', what })
}

export interface RecordInput<T> {
  caller: Caller
  /** The caller's id, as the author of what the write records. */
  authorId: string
  id: number
  body: T
}

/**
 * The start of every write on one record (a comment, a sentence, a revision, a suggestion), in
 * the order the API promises: who may (401/403), which record (404), what (400).
 */
export function recordInput<T>(
  ctx: OperationContext,
  permission: Permission,
  raw: { id: unknown; what: Resource; body: unknown },
  schema: z.ZodType<T>,
): Result<RecordInput<T>> {
  const caller = authorize(ctx.caller, permission)
  if (!caller.ok) return caller
  const id = parseId(raw.id, raw.what)
  if (!id.ok) return id
  const body = parseInput(schema, raw.body)
  if (!body.ok) return body
  return ok({ caller: caller.value, authorId: caller.value.id, id: id.value, body: body.value })
}
