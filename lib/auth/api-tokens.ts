// Personal API tokens for `Authorization: Bearer <token>`. The token is 32 random bytes shown
// once; only its sha256 is stored, so a copy of the database (or of the replica bucket) does
// not hand out working tokens. sha256 without salt is enough here: the input is random and
// long, not a password, and an exact-match lookup needs a deterministic hash.
// No 'server-only' marker: the `npm run user` CLI runs this module under tsx.
import { createHash, randomBytes } from 'node:crypto'
import { CALLER_SELECT, type Caller } from '@/lib/auth/caller'
import { parseRole } from '@/lib/auth/roles'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const TOKEN_PREFIX = 'hs_'

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** Creates a token for the user and returns it in clear text (the only time it exists). */
export async function createApiToken(db: PrismaClient, userId: string): Promise<string> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  await db.apiToken.create({ data: { userId, tokenHash: hashApiToken(token) } })
  return token
}

/** The user a bearer token belongs to, or null for an unknown token. */
export async function getCallerByApiToken(db: PrismaClient, token: string): Promise<Caller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, user: { select: CALLER_SELECT } },
  })
  if (!row) return null
  await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } })
  return { ...row.user, role: parseRole(row.user.role) }
}
