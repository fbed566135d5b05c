// Creating users and changing roles, for the `npm run user` CLI, tests and the admin form.
// Passwords go through better-auth's sign-up, so they are hashed exactly as sign-in expects.
// No 'server-only' marker: the `npm run user` CLI runs this module under tsx.
import type { Auth } from '@/lib/auth/auth'
import type { Role } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface NewUser {
  email: string
  password: string
  name?: string
  role?: Role
}

export type CreateUserResult = { ok: true; userId: string } | { ok: false; error: string }

export async function createUser(
  db: PrismaClient,
  authInstance: Auth,
  input: NewUser,
): Promise<CreateUserResult> {
  const email = input.email.trim().toLowerCase()
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, error: `a user with the email ${email} already exists` }
  }
  try {
    const { user } = await authInstance.api.signUpEmail({
      body: { email, password: input.password, name: input.name ?? email.split('@')[0] ?? email },
    })
    if (input.role && input.role !== 'listener') await setUserRole(db, user.id, input.role)
    return { ok: true, userId: user.id }
  } catch (error) {
    // better-auth answers bad input (short password, invalid email) with an APIError.
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

export async function setUserRole(db: PrismaClient, userId: string, role: Role): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { role } })
}

export async function getUserIdByEmail(db: PrismaClient, email: string): Promise<string | null> {
  const row = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } })
  return row?.id ?? null
}
