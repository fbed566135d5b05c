// The data layer of user administration: creating accounts, roles, bans. Nothing here
// authorizes; lib/users/operations.ts does. Passwords go through better-auth's sign-up, so
// they are hashed exactly as sign-in expects.
import 'server-only'
import type { Auth } from '@/lib/auth/auth'
import { parseRole, type Role } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { fail, ok, unprocessable, type Result } from '@/lib/result'

export interface NewUser {
  email: string
  password: string
  name?: string
  role?: Role
}

export interface UserRef {
  id: string
  email: string
  role: Role
}

const USER_REF_SELECT = { id: true, email: true, role: true } as const

/** A new account with a hashed password; refused (422) when the email is taken or better-auth refuses the input. */
export async function createUserAccount(
  db: PrismaClient,
  authInstance: Auth,
  input: NewUser,
): Promise<Result<{ userId: string }>> {
  const email = input.email.trim().toLowerCase()
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return unprocessable(`A user with the email ${email} already exists.`)
  }
  try {
    const { user } = await authInstance.api.signUpEmail({
      body: { email, password: input.password, name: input.name ?? email.split('@')[0] ?? email },
    })
    // A sign-up for a taken email answers with a made-up user (lib/auth/auth.ts: sign-up does
    // not reveal accounts); one that raced in after the check above ends here.
    if (!(await userById(db, user.id))) return unprocessable(`A user with the email ${email} already exists.`)
    if (input.role && input.role !== 'listener') await updateRole(db, user.id, input.role)
    return ok({ userId: user.id })
  } catch (error) {
    // better-auth answers bad input (short password, invalid email) with an APIError.
    if (error instanceof Error) return fail({ error: 'unprocessable', message: error.message })
    throw error
  }
}

export async function userById(db: PrismaClient, id: string): Promise<UserRef | null> {
  const row = await db.user.findUnique({ where: { id }, select: USER_REF_SELECT })
  return row ? { ...row, role: parseRole(row.role) } : null
}

export async function userByEmail(db: PrismaClient, email: string): Promise<UserRef | null> {
  const row = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: USER_REF_SELECT,
  })
  return row ? { ...row, role: parseRole(row.role) } : null
}

/**
 * Sets a user's role. Show grants belong to hosts only: a host who becomes a listener or an admin
 * loses them (docs/decisions/0014-hosts-per-show.md), so becoming a host again starts from none.
 */
export async function updateRole(db: PrismaClient, userId: string, role: Role): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { role } }),
    ...(role === 'host' ? [] : [db.showHost.deleteMany({ where: { userId } })]),
  ])
}

export async function updateBan(db: PrismaClient, userId: string, bannedAt: Date | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { bannedAt } })
}

export interface BannedUser {
  id: string
  name: string
  role: Role
  bannedAt: Date
}

/** Banned accounts, most recently banned first (no email: hosts see names, as on comments). */
export async function bannedUsers(db: PrismaClient): Promise<BannedUser[]> {
  const rows = await db.user.findMany({
    where: { bannedAt: { not: null } },
    select: { id: true, name: true, role: true, bannedAt: true },
    orderBy: [{ bannedAt: 'desc' }, { id: 'asc' }],
    take: 500,
  })
  return rows.map((row) => ({ ...row, role: parseRole(row.role), bannedAt: row.bannedAt ?? new Date(0) }))
}
