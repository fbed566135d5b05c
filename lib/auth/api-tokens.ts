// Personal API tokens for `Authorization: Bearer <token>`. The token is 32 random bytes shown
// once; only its sha256 is stored, so a copy of the database (or of the replica bucket) does
// not hand out working tokens. sha256 without salt is enough here: the input is random and
// long, not a password, and an exact-match lookup needs a deterministic hash. A token may
// carry an expiry and can be revoked; either way it then authenticates nobody.
import 'server-only'
import { createHash, randomBytes } from 'node:crypto'
import { CALLER_SELECT, type Caller } from '@/lib/auth/caller'
import { parseRole } from '@/lib/auth/roles'
import { ignorePrimaryUnavailable } from '@/lib/db/primary-unavailable'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const TOKEN_PREFIX = 'hs_'

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** lastUsedAt is written at most this often per token: a busy script does not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000

/**
 * Creates a token for the user and returns it in clear text (the only time it exists) with its
 * row's id; expiresAt null: never expires. `name` is the owner's label for it.
 */
export async function createApiToken(
  db: PrismaClient,
  userId: string,
  expiresAt: Date | null = null,
  name = '',
  now: Date = new Date(),
): Promise<string> {
  return (await createNamedApiToken(db, { userId, expiresAt, name, now })).token
}

export async function createNamedApiToken(
  db: PrismaClient,
  fields: { userId: string; expiresAt: Date | null; name: string; now: Date },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
  const row = await db.apiToken.create({
    data: {
      userId: fields.userId,
      tokenHash: hashApiToken(token),
      expiresAt: fields.expiresAt,
      name: fields.name,
      createdAt: fields.now,
    },
    select: API_TOKEN_ROW_SELECT,
  })
  return { token, row }
}

/** A token as its owner sees it: never the hash, never the token. */
export interface ApiTokenRow {
  id: number
  name: string
  createdAt: Date
  lastUsedAt: Date | null
  expiresAt: Date | null
  revokedAt: Date | null
}

const API_TOKEN_ROW_SELECT = {
  id: true,
  name: true,
  createdAt: true,
  lastUsedAt: true,
  expiresAt: true,
  revokedAt: true,
} as const

/** A user's tokens, newest first, at most `limit` (revoked ones too: the list says when). */
export async function apiTokensOf(db: PrismaClient, userId: string, limit: number): Promise<ApiTokenRow[]> {
  return db.apiToken.findMany({
    where: { userId },
    select: API_TOKEN_ROW_SELECT,
    orderBy: { id: 'desc' },
    take: limit,
  })
}

/** The user a bearer token belongs to, or null for an unknown, expired or revoked token (401). */
export async function getCallerByApiToken(
  db: PrismaClient,
  token: string,
  now: Date = new Date(),
): Promise<Caller | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: CALLER_SELECT } },
  })
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS)
    // Bookkeeping on a read: an embedded-replica node whose primary is away still serves the read.
    await db.apiToken
      .update({ where: { id: row.id }, data: { lastUsedAt: now } })
      .catch(ignorePrimaryUnavailable)
  return { ...row.user, role: parseRole(row.user.role) }
}

/**
 * Revokes tokens: the one whose clear text is `token`, or the one with `id`, or every live
 * token of `userId`. Answers how many were revoked (already revoked ones are not counted).
 */
export async function revokeApiTokens(
  db: PrismaClient,
  which: { token: string } | { userId: string; id?: number },
  now: Date = new Date(),
): Promise<number> {
  const where =
    'token' in which
      ? { tokenHash: hashApiToken(which.token) }
      : { userId: which.userId, ...(which.id === undefined ? {} : { id: which.id }) }
  const { count } = await db.apiToken.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: now },
  })
  return count
}
