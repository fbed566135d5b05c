// The start of every write on one record (edit, revert, split, merge, suggest, accept,
// reject), in the order the API promises: who may (401/403), which record (404), what (400).
// A candidate for lib/operations/input.ts: other features' operations share this shape.
import type { z } from 'zod'
import { authorize, type Permission } from '@/lib/auth/policy'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput } from '@/lib/operations/input'
import { ok, type Resource, type Result } from '@/lib/result'

export interface RecordInput<T> {
  authorId: string
  id: number
  body: T
}

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
  return ok({ authorId: caller.value.id, id: id.value, body: body.value })
}
