// Hosts per show, administered (docs/decisions/0014-hosts-per-show.md): the admin page's list of
// users with their role, grants and ban, and granting or revoking a show. Admins only
// ('manage-users'); the `npm run user -- grant|revoke` CLI calls these as the OPERATOR, the admin
// page (app/admin/users/) through its server actions.
import 'server-only'
import { z } from 'zod'
import { authorize } from '@/lib/auth/policy'
import type { Role } from '@/lib/auth/roles'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { showBySlug } from '@/lib/operations/lookups'
import { notFound, ok, unprocessable, type Result } from '@/lib/result'
import { deleteGrant, everyShowId, insertGrants } from '@/lib/users/show-hosts'
import { listUsers, type ListedUser, type ShowChoice } from '@/lib/users/user-directory'
import { userByEmail, userById, type UserRef } from '@/lib/users/user-store'
import { SlugSchema } from '@/lib/validation'

export type { ListedUser, ShowChoice } from '@/lib/users/user-directory'

const DirectorySchema = z.strictObject({
  query: z.string({ error: 'query must be text' }).trim().max(200, { error: 'query is too long' }).optional(),
})

/** Users (matching `query` in name or email, when given) with role, ban and grants, and every show to grant. */
export async function userDirectory(
  ctx: OperationContext,
  input: { query?: unknown } = {},
): Promise<Result<{ users: ListedUser[]; shows: ShowChoice[] }>> {
  const caller = authorize(ctx.caller, 'manage-users')
  if (!caller.ok) return caller
  const parsed = parseInput(DirectorySchema, input.query ? { query: input.query } : {})
  if (!parsed.ok) return parsed
  return ok(await listUsers(ctx.db, parsed.value.query || undefined))
}

const UserIdSchema = z.string({ error: 'userId must be text' }).min(1).max(200)
const EmailSchema = z.email({ error: 'email must be an email address' })

/** Who: `email` (the CLI) or `userId` (the admin page); which: `showSlug`, or `everyShow` to grant every show there is. */
const GrantSchema = z
  .strictObject({
    email: EmailSchema.optional(),
    userId: UserIdSchema.optional(),
    showSlug: SlugSchema.optional(),
    everyShow: z.literal(true, { error: 'everyShow must be true when given' }).optional(),
  })
  .refine((body) => (body.email === undefined) !== (body.userId === undefined), {
    error: 'Name the user by email or by userId (one of them).',
    path: ['email'],
  })
  .refine((body) => (body.showSlug === undefined) !== (body.everyShow === undefined), {
    error: 'Name one show (showSlug), or every show.',
    path: ['showSlug'],
  })

const RevokeSchema = z
  .strictObject({ email: EmailSchema.optional(), userId: UserIdSchema.optional(), showSlug: SlugSchema })
  .refine((body) => (body.email === undefined) !== (body.userId === undefined), {
    error: 'Name the user by email or by userId (one of them).',
    path: ['email'],
  })

export interface GrantOutcome {
  userId: string
  email: string
  /** The user's role afterwards: granting a show makes a listener a host. */
  role: Role
  /** How many grants are new (0: they held them all already). */
  granted: number
}

/** Grants a user one show, or every show there is now; admins only, and not to an admin (who needs none). */
export async function grantShow(ctx: OperationContext, body: unknown): Promise<Result<GrantOutcome>> {
  const caller = authorize(ctx.caller, 'manage-users')
  if (!caller.ok) return caller
  const input = parseInput(GrantSchema, body)
  if (!input.ok) return input
  const user = await namedUser(ctx, input.value)
  if (!user.ok) return user
  if (user.value.role === 'admin')
    return unprocessable(`${user.value.email} is an admin: admins act on every show without a grant.`)
  let showIds: number[]
  if (input.value.showSlug !== undefined) {
    const show = await showBySlug(ctx.db, input.value.showSlug)
    if (!show.ok) return show
    showIds = [show.value.id]
  } else {
    showIds = await everyShowId(ctx.db)
  }
  const by = { grantedBy: caller.value.id, grantedAt: ctx.now ?? new Date() }
  const granted = await insertGrants(ctx.sqlite, user.value.id, showIds, by)
  if (!granted.ok) return granted
  const role = user.value.role === 'listener' && showIds.length > 0 ? 'host' : user.value.role
  return ok({ userId: user.value.id, email: user.value.email, role, granted: granted.value })
}

/** Takes a user's grant on one show; `revoked` is false when they held none. Their role stays. */
export async function revokeShow(
  ctx: OperationContext,
  body: unknown,
): Promise<Result<{ userId: string; email: string; revoked: boolean }>> {
  const caller = authorize(ctx.caller, 'manage-users')
  if (!caller.ok) return caller
  const input = parseInput(RevokeSchema, body)
  if (!input.ok) return input
  const user = await namedUser(ctx, input.value)
  if (!user.ok) return user
  const show = await showBySlug(ctx.db, input.value.showSlug)
  if (!show.ok) return show
  const revoked = await deleteGrant(ctx.sqlite, user.value.id, show.value.id)
  if (!revoked.ok) return revoked
  return ok({ userId: user.value.id, email: user.value.email, revoked: revoked.value })
}

async function namedUser(
  ctx: OperationContext,
  which: { email?: string; userId?: string },
): Promise<Result<UserRef>> {
  const user =
    which.email !== undefined ? await userByEmail(ctx.db, which.email) : await userById(ctx.db, which.userId!)
  return user ? ok(user) : notFound('user')
}
