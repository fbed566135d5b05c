// Personal API tokens, one operation per use case, for the settings page (a user's own tokens)
// and the `npm run user -- token | revoke-token` CLI (the OPERATOR names a user by email). Both
// go through the same operations: `email` in the input means "that user's", which needs
// manage-users; without it the caller acts on their own tokens. The data layer is
// lib/auth/api-tokens.ts (hashing, lookup, lastUsedAt).
import 'server-only'
import { z } from 'zod'
import { apiTokensOf, createNamedApiToken, revokeApiTokens, type ApiTokenRow } from '@/lib/auth/api-tokens'
import type { Caller } from '@/lib/auth/caller'
import { authorize } from '@/lib/auth/policy'
import { signedIn } from '@/lib/auth/signed-in'
import type { OperationContext } from '@/lib/operations/context'
import { parseId, parseInput } from '@/lib/operations/input'
import { invalid, notFound, ok, type Result } from '@/lib/result'
import { userByEmail, userById } from '@/lib/users/user-store'

export type { ApiTokenRow } from '@/lib/auth/api-tokens'

export const TOKEN_NAME_MAX_LENGTH = 60
/** A settings page lists at most this many tokens (newest first); nobody needs more live ones. */
export const TOKEN_LIST_LIMIT = 100
/** What the CLI names a token when `--name` is not given. */
export const CLI_TOKEN_NAME = 'command line'

const DAY_MS = 24 * 60 * 60 * 1000

const EmailSchema = z.email({ error: 'email must be an email address' })

const NAME_REQUIRED = 'Enter a name for the token.'

const TokenNameSchema = z
  .string({ error: NAME_REQUIRED })
  .trim()
  .min(1, { error: NAME_REQUIRED })
  .max(TOKEN_NAME_MAX_LENGTH, { error: `At most ${TOKEN_NAME_MAX_LENGTH} characters.` })

/** Days until the token stops working; absent or blank: it works until revoked. */
const ExpiresInDaysSchema = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.coerce
    .number({ error: 'expires-in-days must be a number of days' })
    .int({ error: 'expires-in-days must be a whole number of days' })
    .min(1, { error: 'expires-in-days must be at least 1' })
    .max(3650, { error: 'expires-in-days must be at most 3650 (ten years)' })
    .optional(),
)

const NewTokenSchema = z.strictObject({
  /** Whose token: absent means the caller's own. */
  email: EmailSchema.optional(),
  name: TokenNameSchema.optional(),
  expiresInDays: ExpiresInDaysSchema,
})

const RevokeSchema = z.union([
  z.strictObject({ token: z.string({ error: 'token must be a string' }).min(1).max(200) }),
  z.strictObject({ email: EmailSchema }),
])

export interface NewToken {
  /** The token in clear text: shown once, never stored. */
  token: string
  expiresAt: Date | null
  apiToken: ApiTokenRow
}

/**
 * A new personal API token. `body` is `{ name, expiresInDays? }` for the caller's own (the
 * settings page; name required) or `{ email, name?, expiresInDays? }` for that user's (the CLI;
 * admins only; name defaults to "command line"). Banned users cannot make tokens.
 */
export async function createUserToken(ctx: OperationContext, body: unknown): Promise<Result<NewToken>> {
  const owner = tokenOwner(ctx, body)
  if (!owner.ok) return owner
  const input = parseInput(NewTokenSchema, body)
  if (!input.ok) return input
  const { name, expiresInDays, email } = input.value
  // The settings page names every token; the CLI may leave it to the default.
  if (name === undefined && email === undefined) return invalid(NAME_REQUIRED, { name: [NAME_REQUIRED] })
  const userId = await ownerId(ctx, owner.value, email)
  if (!userId.ok) return userId
  const now = ctx.now ?? new Date()
  const expiresAt = expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS)
  const created = await createNamedApiToken(ctx.db, {
    userId: userId.value,
    expiresAt,
    name: name ?? CLI_TOKEN_NAME,
    now,
  })
  return ok({ token: created.token, expiresAt, apiToken: created.row })
}

/** The caller's own tokens, newest first (revoked and expired ones too, marked by their dates). */
export async function listUserTokens(ctx: OperationContext): Promise<Result<ApiTokenRow[]>> {
  const caller = signedIn(ctx.caller)
  if (!caller.ok) return caller
  return ok(await apiTokensOf(ctx.db, caller.value.id, TOKEN_LIST_LIMIT))
}

/**
 * Revokes tokens; a revoked token answers 401 from then on. `{ tokenId }`: one of the caller's
 * own (the settings page; banned users may too, since revoking only takes power away).
 * `{ token }` (its clear text) or `{ email }` (every token of that user): admins only (the CLI).
 * `revoked` counts tokens that were live (0: already revoked).
 */
export async function revokeUserToken(
  ctx: OperationContext,
  body: unknown,
): Promise<Result<{ revoked: number }>> {
  const now = ctx.now ?? new Date()
  if (isObject(body) && 'tokenId' in body) return revokeOwnToken(ctx, body.tokenId, now)
  const admin = authorize(ctx.caller, 'manage-users')
  if (!admin.ok) return admin
  const input = parseInput(RevokeSchema, body)
  if (!input.ok) return input
  if ('token' in input.value) return ok({ revoked: await revokeApiTokens(ctx.db, input.value, now) })
  const user = await userByEmail(ctx.db, input.value.email)
  if (!user) return notFound('user')
  return ok({ revoked: await revokeApiTokens(ctx.db, { userId: user.id }, now) })
}

/** One of the caller's own tokens, by id; someone else's is not there for them, as a missing one. */
async function revokeOwnToken(
  ctx: OperationContext,
  tokenId: unknown,
  now: Date,
): Promise<Result<{ revoked: number }>> {
  const caller = signedIn(ctx.caller)
  if (!caller.ok) return caller
  const id = parseId(tokenId, 'API token')
  if (!id.ok) return id
  const own = await ctx.db.apiToken.findFirst({
    where: { id: id.value, userId: caller.value.id },
    select: { id: true },
  })
  if (!own) return notFound('API token')
  return ok({ revoked: await revokeApiTokens(ctx.db, { userId: caller.value.id, id: own.id }, now) })
}

/** Making a token for another user (`email` given) needs manage-users; one's own, write. */
function tokenOwner(ctx: OperationContext, body: unknown): Result<Caller> {
  const forSomeoneElse = isObject(body) && body.email !== undefined
  return authorize(ctx.caller, forSomeoneElse ? 'manage-users' : 'write')
}

async function ownerId(
  ctx: OperationContext,
  caller: Caller,
  email: string | undefined,
): Promise<Result<string>> {
  // The OPERATOR is no user: the CLI always names one by email.
  const user = email === undefined ? await userById(ctx.db, caller.id) : await userByEmail(ctx.db, email)
  return user ? ok(user.id) : notFound('user')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
