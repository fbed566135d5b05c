// Accounts and sessions through better-auth: email + password (scrypt hashes), sessions in
// SQLite behind an httpOnly, SameSite=Lax cookie (Secure when the public URL is https), and
// its sign-in/sign-up rate limiter with counters in SQLite. See docs/decisions/0005.
// No 'server-only' marker: the `npm run user` CLI runs this module under tsx.
import { betterAuth } from 'better-auth'
import { prismaAdapter } from 'better-auth/adapters/prisma'
import { nextCookies } from 'better-auth/next-js'
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/schemas'
import { authSecret } from '@/lib/auth/secret'
import { prisma } from '@/lib/db/client'
import { databasePath, env } from '@/lib/env'
import type { PrismaClient } from '@/lib/generated/prisma/client'

const SESSION_EXPIRES_IN_S = 60 * 60 * 24 * 14
const SESSION_UPDATE_AGE_S = 60 * 60 * 24

export interface AuthConfig {
  secret: string
  baseURL: string
  signInRateMax: number
  signInRateWindowMs: number
}

export function createAuth(db: PrismaClient, config: AuthConfig) {
  const windowS = Math.ceil(config.signInRateWindowMs / 1000)
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
      autoSignIn: true,
    },
    session: { expiresIn: SESSION_EXPIRES_IN_S, updateAge: SESSION_UPDATE_AGE_S },
    user: {
      additionalFields: {
        // input: false — nobody can sign up as a host; roles change only through lib/auth/users.ts.
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
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: windowS,
      max: 100,
      customRules: {
        '/sign-in/email': { window: windowS, max: config.signInRateMax },
        '/sign-up/email': { window: windowS, max: config.signInRateMax },
      },
    },
    advanced: {
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
    secret: authSecret(env.BETTER_AUTH_SECRET, databasePath(env.DATABASE_URL)),
    baseURL: env.BETTER_AUTH_URL ?? `http://${env.HOST}:${env.PORT}`,
    signInRateMax: env.SIGN_IN_RATE_MAX,
    signInRateWindowMs: env.SIGN_IN_RATE_WINDOW_MS,
  })
  return holder.__hearsayAuth
}
