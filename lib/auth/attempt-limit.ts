// Sign-in and sign-up attempts, counted per client address and per email by the app's one rate
// limiter (lib/rate-limit.ts), the same one commenting uses, with their own words, backing off
// the same way: a script that hammers an account or from one address slows to a crawl while a
// person who mistypes a few times waits one window.
import 'server-only'
import type { PrismaClient } from '@/lib/generated/prisma/client'
import { hitRateLimitBackingOff, type RateRule } from '@/lib/rate-limit'
import { fail, ok, type Result } from '@/lib/result'

export type AttemptKind = 'sign-in' | 'sign-up'

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
    const decision = await hitRateLimitBackingOff(db, key, rule, now)
    if (!decision.ok)
      return fail({ error: 'rate-limited', action: kind, retryAfterMs: decision.retryAfterMs })
  }
  return ok(undefined)
}
