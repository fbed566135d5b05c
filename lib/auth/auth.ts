// Accounts and sessions through better-auth: email + password (scrypt hashes), sessions in
// SQLite behind an httpOnly, SameSite=Lax cookie (Secure when the public URL is https), and
// sign-in/sign-up attempts limited by the app's own limiter. See docs/decisions/0005.
import 'server-only'
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api'
import { nextCookies } from 'better-auth/next-js'
import { limitAttempt, type AttemptKind } from '@/lib/auth/attempt-limit'
import { clientIp } from '@/lib/auth/request-caller'
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/schemas'
import { authSecret } from '@/lib/auth/secret'
import { prisma } from '@/lib/db/client'
import { engine, env, publicUrl } from '@/lib/env'
import { localDatabaseFile } from '@/lib/db/engine'
import { failureMessage, retryAfterSeconds } from '@/lib/failures'
import { CLIENT_ADDRESS_HEADER } from '@/lib/http/client-address'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 14
const SESSION_UPDATE_AGE_S = 60 * 60 * 24

export interface AuthConfig {
  secret: string
  baseURL: string
  /** Sign-in (and, separately, sign-up) attempts per client address and per email per window. */
  signInRateMax: number
  signInRateWindowMs: number
}

const ATTEMPTS: Record<string, AttemptKind> = { '/sign-in/email': 'sign-in', '/sign-up/email': 'sign-up' }

/** better-auth's endpoints that change who the user appears to be: a banned user may not. */
const PROFILE_CHANGES = new Set(['/update-user', '/change-email', '/delete-user'])

/** A ban makes an account read-only, its name and email included (403, the app's words). */
async function refuseBannedProfileChange(
  db: PrismaClient,
  ctx: Parameters<typeof getSessionFromCtx>[0],
): Promise<void> {
  const session = await getSessionFromCtx(ctx)
  if (!session) return
  const user = await db.user.findUnique({ where: { id: session.user.id }, select: { bannedAt: true } })
  if (!user?.bannedAt) return
  throw new APIError('FORBIDDEN', { code: 'BANNED', message: failureMessage({ error: 'banned' }) })
}

export function createAuth(db: PrismaClient, config: AuthConfig) {
  const attemptRule = { max: config.signInRateMax, windowMs: config.signInRateWindowMs }
  return betterAuth({
    appName: 'Hearsay',
    secret: config.secret,
    baseURL: config.baseURL,
    database: prismaAdapter(db, { provider: 'sqlite' }),
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      // Sign-up signs nobody in: better-auth then answers an existing email exactly as a new
      // one (200, token null, a user-shaped body) instead of 422 USER_ALREADY_EXISTS, so the
      // sign-up form and /api/auth/sign-up/email do not tell strangers who has an account.
      // docs/decisions/0005-auth-and-comments.md
      autoSignIn: false,
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_UPDATE_AGE_S },
    user: {
      additionalFields: {
        // input: false — nobody can sign up as a host; roles change only through lib/users/operations.ts.
        role: { type: 'string', required: false, defaultValue: 'listener', input: false },
        bannedAt: { type: 'date', required: false, input: false },
      },
    },
    // better-auth takes any display name through /api/auth/*; keep it as short as the form's.
    databaseHooks: {
      user: {
        create: { before: async (user) => ({ data: { ...user, name: displayName(user.name) } }) },
        update: {
          before: async (user) => ({
            data: user.name === undefined ? user : { ...user, name: displayName(user.name) },
          }),
        },
      },
    },
    // One limiter for sign-in and sign-up: the app's (lib/rate-limit.ts, one atomic upsert per
    // hit, shared by every server process), not better-auth's. better-auth's counts only
    // requests to its HTTP handler, so the pages' server actions (which call auth.api directly)
    // would need a second count; a before hook runs for both, with the app's words.
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (PROFILE_CHANGES.has(ctx.path)) return refuseBannedProfileChange(db, ctx)
        const kind = ATTEMPTS[ctx.path]
        // No headers: a call from our own code (the user CLI, tests), not a client's attempt.
        if (!kind || !ctx.headers) return
        const body = ctx.body as { email?: unknown } | undefined
        const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : ''
        const limited = await limitAttempt(db, kind, { ip: clientIp(ctx.headers), email }, attemptRule)
        if (limited.ok || limited.failure.error !== 'rate-limited') return
        const { retryAfterMs } = limited.failure
        throw new APIError(
          'TOO_MANY_REQUESTS',
          { code: 'RATE_LIMITED', message: failureMessage(limited.failure), retryAfterMs },
          { 'Retry-After': String(retryAfterSeconds(retryAfterMs)) },
        )
      }),
    },
    advanced: {
      // The address the web server resolved (lib/http/client-address.ts), as the app's limits
      // use it; better-auth records it on sessions. Never X-Forwarded-For, which clients write.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: config.baseURL.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
    },
    // Sets the session cookie from server actions; must stay the last plugin.
    plugins: [nextCookies()],
  })
}

function displayName(name: string): string {
  return name.trim().slice(0, DISPLAY_NAME_MAX_LENGTH) || 'listener'
}

export type Auth = ReturnType<typeof createAuth>

const holder = globalThis as typeof globalThis & { __hearsayAuth?: Auth }

/** The server process's auth instance, over the one Prisma client. */
export function auth(): Auth {
  holder.__hearsayAuth ??= createAuth(prisma(), {
    secret: authSecret(env.BETTER_AUTH_SECRET, localDatabaseFile(engine)),
    baseURL: publicUrl(env),
    signInRateMax: env.SIGN_IN_RATE_MAX,
    signInRateWindowMs: env.SIGN_IN_RATE_WINDOW_MS,
  })
  return holder.__hearsayAuth
}
