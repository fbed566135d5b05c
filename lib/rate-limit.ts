// Fixed-window rate limits, counted in SQLite (RateCounter) so that every server process and
// CLI shares one count and a restart does not reset an abuser. Used by commenting
// (lib/comments/operations.ts) and by sign-in and sign-up (lib/auth/attempt-limit.ts).
// A window starts with its first hit; the answer says how long until the window ends.
import 'server-only'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export interface RateRule {
  /** Hits allowed per window; 0 switches the rule off. */
  max: number
  windowMs: number
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number }

/** A Prisma client or an interactive transaction: commenting counts inside its transaction. */
export type RateStore = PrismaClient | Prisma.TransactionClient

/**
 * Prisma stores DateTime in SQLite as this fixed-width text, so comparing texts compares
 * times, and rows written here read back through Prisma like any other.
 */
function sqliteTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00')
}

/**
 * Counts one hit against `key` and says whether it is allowed. One statement: it opens a new
 * window when there is none or the old one ended, else adds one, and returns the row, so
 * concurrent attempts (other connections, other processes) cannot both read the same count
 * and slip past the limit, as a read followed by a write could.
 */
export async function hitRateLimit(
  db: RateStore,
  key: string,
  rule: RateRule,
  now: Date = new Date(),
): Promise<RateDecision> {
  if (rule.max === 0) return { ok: true }
  const nowMs = now.getTime()
  const start = sqliteTime(nowMs)
  const endedBefore = sqliteTime(nowMs - rule.windowMs)
  const rows = await db.$queryRaw<Array<{ windowStartAt: string | Date; count: number | bigint }>>`
    INSERT INTO "RateCounter" ("key", "windowStartAt", "count") VALUES (${key}, ${start}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "windowStartAt" <= ${endedBefore} THEN 1 ELSE "count" + 1 END,
      "windowStartAt" = CASE WHEN "windowStartAt" <= ${endedBefore} THEN ${start} ELSE "windowStartAt" END
    RETURNING "windowStartAt", "count"`
  const row = rows[0]
  if (!row) throw new Error(`rate counter ${key}: the upsert returned no row`)
  if (Number(row.count) <= rule.max) return { ok: true }
  return { ok: false, retryAfterMs: new Date(row.windowStartAt).getTime() + rule.windowMs - nowMs }
}

/** Checks every rule in order; a refused hit is not counted against later rules. */
export async function hitRateLimits(
  db: RateStore,
  checks: Array<{ key: string; rule: RateRule }>,
  now: Date = new Date(),
): Promise<RateDecision> {
  for (const check of checks) {
    const decision = await hitRateLimit(db, check.key, check.rule, now)
    if (!decision.ok) return decision
  }
  return { ok: true }
}
