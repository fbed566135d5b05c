// Fixed-window rate limits for writing comments, counted in SQLite (RateCounter) so that
// every server process and CLI shares one count, and a restart does not reset an abuser.
// A window starts with its first hit; the answer says how long until the window ends.
import 'server-only'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export interface RateRule {
  /** Hits allowed per window; 0 switches the rule off. */
  max: number
  windowMs: number
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number }

type Tx = Prisma.TransactionClient

/** Counts one hit against `key` and says whether it is allowed. */
export async function hitRateLimit(
  db: PrismaClient | Tx,
  key: string,
  rule: RateRule,
  now: Date = new Date(),
): Promise<RateDecision> {
  if (rule.max === 0) return { ok: true }
  const row = await db.rateCounter.findUnique({ where: { key } })
  const windowEndsMs = row ? row.windowStartAt.getTime() + rule.windowMs : 0
  if (!row || windowEndsMs <= now.getTime()) {
    await db.rateCounter.upsert({
      where: { key },
      create: { key, windowStartAt: now, count: 1 },
      update: { windowStartAt: now, count: 1 },
    })
    return { ok: true }
  }
  if (row.count >= rule.max) return { ok: false, retryAfterMs: windowEndsMs - now.getTime() }
  await db.rateCounter.update({ where: { key }, data: { count: { increment: 1 } } })
  return { ok: true }
}

/** Checks every rule; a refused hit is not counted against later rules. */
export async function hitRateLimits(
  db: PrismaClient | Tx,
  checks: Array<{ key: string; rule: RateRule }>,
  now: Date = new Date(),
): Promise<RateDecision> {
  for (const check of checks) {
    const decision = await hitRateLimit(db, check.key, check.rule, now)
    if (!decision.ok) return decision
  }
  return { ok: true }
}
