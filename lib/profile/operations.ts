// A user's own profile, from the settings page: the display name shown on their comments and
// suggestions. Accounts made by the user CLI without --name get the e-mail's local part, so
// this is where a user makes it theirs. A banned user cannot change it (as with every write;
// lib/auth/auth.ts refuses better-auth's own profile endpoint to them likewise).
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import { SignUpSchema } from '@/lib/auth/schemas'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { notFound, ok, type Result } from '@/lib/result'

/** The sign-up form's rule for a display name: trimmed, 1 to 60 characters. */
const DisplayNameSchema = z.strictObject({ name: SignUpSchema.shape.name })

/** `body` is `{ name }`; answers the name as stored. */
export async function setDisplayName(
  ctx: OperationContext,
  body: unknown,
): Promise<Result<{ name: string }>> {
  const caller = authorize(ctx.caller, 'write')
  if (!caller.ok) return caller
  const input = parseInput(DisplayNameSchema, body)
  if (!input.ok) return input
  const { count } = await ctx.db.user.updateMany({
    where: { id: caller.value.id },
    data: { name: input.value.name },
  })
  return count === 1 ? ok({ name: input.value.name }) : notFound('user')
}
