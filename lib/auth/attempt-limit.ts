// Sign-in and sign-up attempts, counted per client address and per email by the app's one rate
// limiter (lib/rate-limit.ts), the same one commenting uses, with their own words. Whoever
// keeps trying while refused backs off: every `max` refusals within an hour double the window
// (up to 16×), so a script that hammers an account or from one address slows to a crawl
// while a person who mistypes a few times waits one window.
import 'server-only'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { hitRateLimit, type RateRule } from '@/lib/rate-limit'
import { fail, ok, type Result } from '@/lib/result'

export type AttemptKind = 'sign-in' | 'sign-up'

/** How long refusals are remembered for the back-off. */
export const REFUSAL_MEMORY_MS = 60 * 60 * 1000
/** The window grows to at most 2^4 = 16 times its length. */
export const MAX_DOUBLINGS = 4

export async function limitAttempt(
  db: PrismaClient,
  kind: AttemptKind,
  who: { ip: string; email: string },
  rule: RateRule,
  now: Date = new Date(),
): Promise<Result<void>> {
  if (rule.max === 0) return ok(undefined)
  // Bounded: the email is part of a key, and a guessed one spreads nothing.
  const keys = [`${kind}:ip:${who.ip}`, `${kind}:email:${who.email.slice(0, 320)}`]
  // In order; a refused hit is not counted against later keys (as hitRateLimits does).
  for (const key of keys) {
    const refusals = await recentRefusals(db, key, now)
    const doublings = Math.min(Math.floor(refusals / rule.max), MAX_DOUBLINGS)
    const decision = await hitRateLimit(
      db,
      key,
      { max: rule.max, windowMs: rule.windowMs * 2 ** doublings },
      now,
    )
    if (decision.ok) continue
    await hitRateLimit(
      db,
      refusalKey(key),
      { max: Number.MAX_SAFE_INTEGER, windowMs: REFUSAL_MEMORY_MS },
      now,
    )
    return fail({ error: 'rate-limited', action: kind, retryAfterMs: decision.retryAfterMs })
  }
  return ok(undefined)
}

function refusalKey(key: string): string {
  return `${key}:refused`
}

async function recentRefusals(db: PrismaClient, key: string, now: Date): Promise<number> {
  const row = await db.rateCounter.findUnique({ where: { key: refusalKey(key) } })
  if (!row || row.windowStartAt.getTime() <= now.getTime() - REFUSAL_MEMORY_MS) return 0
  return row.count
}
