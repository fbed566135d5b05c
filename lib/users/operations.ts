// User administration, in one place: creating users, roles and bans (API tokens: lib/tokens/operations.ts). Called by
// the `npm run user` CLI (as the OPERATOR), the moderation page's server actions and
// POST /api/users/:id/ban. Who may do what is decided by lib/auth/policy.ts.
import 'server-only'
import { z } from 'zod'
import type { Auth } from '@/lib/auth/auth'
import { authorize, canBan } from '@/lib/auth/policy'
import { RoleSchema, type Role } from '@/lib/auth/roles'
import type { OperationContext } from '@/lib/operations/context'
import { parseInput } from '@/lib/operations/input'
import { fail, notFound, ok, type Result } from '@/lib/result'
import {
  bannedUsers,
  createUserAccount,
  updateBan,
  updateRole,
  userByEmail,
  userById,
  type BannedUser,
} from '@/lib/users/user-store'

/** Creating accounts needs better-auth (it hashes the password). */
export interface UserAdminContext extends OperationContext {
  auth: Auth
}

const EmailSchema = z.email({ error: 'email must be an email address' })

const NewUserSchema = z.strictObject({
  email: EmailSchema,
  password: z.string({ error: 'password must be a string' }).min(1, { error: 'password is required' }),
  name: z.string().trim().min(1).optional(),
  role: RoleSchema.optional(),
})

const RoleChangeSchema = z.object({
  email: EmailSchema,
  role: RoleSchema,
})

const BanSchema = z.strictObject({ banned: z.boolean({ error: 'banned must be true or false' }) })

/** `body` is `{ email, password, name?, role? }`; admins only (the CLI acts as one). */
export async function createUser(
  ctx: UserAdminContext,
  body: unknown,
): Promise<Result<{ userId: string; role: Role }>> {
  const caller = authorize(ctx.caller, 'manage-users')
  if (!caller.ok) return caller
  const input = parseInput(NewUserSchema, body)
  if (!input.ok) return input
  const created = await createUserAccount(ctx.db, ctx.auth, input.value)
  return created.ok ? ok({ userId: created.value.userId, role: input.value.role ?? 'listener' }) : created
}

/** `body` is `{ email, role }`; admins only, and not their own role (an admin cannot demote themselves by accident). */
export async function setUserRole(
  ctx: OperationContext,
  body: unknown,
): Promise<Result<{ userId: string; role: Role }>> {
  const caller = authorize(ctx.caller, 'manage-users')
  if (!caller.ok) return caller
  const input = parseInput(RoleChangeSchema, body)
  if (!input.ok) return input
  const user = await userByEmail(ctx.db, input.value.email)
  if (!user) return notFound('user')
  if (user.id === caller.value.id)
    return fail({ error: 'forbidden', message: 'You cannot change your own role.' })
  await updateRole(ctx.db, user.id, input.value.role)
  return ok({ userId: user.id, role: input.value.role })
}

/** Bans or unbans a user; `body` is `{ banned: boolean }`. Hosts ban listeners, admins also hosts. */
export async function banUser(
  ctx: OperationContext,
  input: { userId: unknown; body: unknown },
): Promise<Result<{ banned: boolean }>> {
  const caller = authorize(ctx.caller, 'moderate')
  if (!caller.ok) return caller
  const body = parseInput(BanSchema, input.body)
  if (!body.ok) return body
  const userId = input.userId
  // Ids are short; a huge path never reaches the database.
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 200) return notFound('user')
  const target = await userById(ctx.db, userId)
  if (!target) return notFound('user')
  if (!canBan(caller.value, target.role, target.id)) {
    return fail({
      error: 'forbidden',
      message: 'Hosts can ban listeners and admins can ban hosts; nobody can ban an admin or themselves.',
    })
  }
  await updateBan(ctx.db, target.id, body.value.banned ? (ctx.now ?? new Date()) : null)
  return ok({ banned: body.value.banned })
}

/** The banned accounts, for hosts and admins to review and unban (the moderation page). */
export async function listBannedUsers(ctx: OperationContext): Promise<Result<BannedUser[]>> {
  const caller = authorize(ctx.caller, 'moderate')
  if (!caller.ok) return caller
  return ok(await bannedUsers(ctx.db))
}
