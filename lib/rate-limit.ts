// Fixed-window rate limits, counted in SQLite (RateCounter) so that every server process and
// CLI shares one count and a restart does not reset an abuser. Used by commenting
// (lib/comments/operations.ts) and by sign-in and sign-up (lib/auth/attempt-limit.ts).
// A window starts with its first hit; the answer says how long until the window ends.
// Whoever keeps trying while refused backs off: every `max` refusals within an hour double the
// window (up to 16×), so a script that hammers slows to a crawl while a person who overshoots
// once waits one window. Refusals are counted under "<key>:refused".
// Two entry points over one statement: `hitRateLimit(s)` through Prisma (each hit one
// autocommit statement), `hitRateLimitsNow` on the raw connection, synchronously, for a write
// transaction (lib/db/write-transaction.ts) that counts and writes in one go.
import 'server-only'
import { prismaDateTime } from '@/lib/db/datetime'
import type { SqliteDatabase, SqliteStatement } from '@/lib/db/sqlite'
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client'

export interface RateRule {
  /** Hits allowed per window; 0 switches the rule off. */
  max: number
  windowMs: number
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number }

/** A Prisma client or an interactive transaction. */
export type RateStore = PrismaClient | Prisma.TransactionClient

interface CounterRow {
  windowStartAt: string | Date
  count: number | bigint
}

/**
 * One statement: it opens a new window when there is none or the old one ended, else adds one,
 * and returns the row. Plain `?` parameters (both drivers bind them): see hitParameters.
 */
const HIT_SQL = `
    INSERT INTO "RateCounter" ("key", "windowStartAt", "count") VALUES (?, ?, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "windowStartAt" <= ? THEN 1 ELSE "count" + 1 END,
      "windowStartAt" = CASE WHEN "windowStartAt" <= ? THEN ? ELSE "windowStartAt" END
    RETURNING "windowStartAt", "count"`

type HitParameters = [string, string, string, string, string]

/** How long refusals are remembered for the back-off. */
export const REFUSAL_MEMORY_MS = 60 * 60 * 1000
/** The window grows to at most 2^4 = 16 times its length. */
export const MAX_DOUBLINGS = 4

const REFUSALS_SQL = `SELECT "windowStartAt", "count" FROM "RateCounter" WHERE "key" = ?`
const REFUSAL_RULE: RateRule = { max: Number.MAX_SAFE_INTEGER, windowMs: REFUSAL_MEMORY_MS }

function refusalKey(key: string): string {
  return `${key}:refused`
}

/** The rule with its window doubled once per `max` refusals remembered. */
function backedOff(rule: RateRule, refusalRow: CounterRow | undefined, now: Date): RateRule {
  if (!refusalRow || new Date(refusalRow.windowStartAt).getTime() <= now.getTime() - REFUSAL_MEMORY_MS)
    return rule
  const doublings = Math.min(Math.floor(Number(refusalRow.count) / rule.max), MAX_DOUBLINGS)
  return { max: rule.max, windowMs: rule.windowMs * 2 ** doublings }
}

/** The key, the window's start, and (twice) the time before which a window has ended, the start again. */
function hitParameters(key: string, rule: RateRule, now: Date): HitParameters {
  const start = prismaDateTime(now)
  const endedBefore = prismaDateTime(now.getTime() - rule.windowMs)
  return [key, start, endedBefore, endedBefore, start]
}

function decide(key: string, row: CounterRow | undefined, rule: RateRule, now: Date): RateDecision {
  if (!row) throw new Error(`rate counter ${key}: the upsert returned no row`)
  if (Number(row.count) <= rule.max) return { ok: true }
  return { ok: false, retryAfterMs: new Date(row.windowStartAt).getTime() + rule.windowMs - now.getTime() }
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
  const rows = await db.$queryRawUnsafe<CounterRow[]>(HIT_SQL, ...hitParameters(key, rule, now))
  return decide(key, rows[0], rule, now)
}

/** `hitRateLimit`, backing off: the window grows with the refusals this key collected. */
export async function hitRateLimitBackingOff(
  db: RateStore,
  key: string,
  rule: RateRule,
  now: Date = new Date(),
): Promise<RateDecision> {
  if (rule.max === 0) return { ok: true }
  const [refusals] = await db.$queryRawUnsafe<CounterRow[]>(REFUSALS_SQL, refusalKey(key))
  const decision = await hitRateLimit(db, key, backedOff(rule, refusals, now), now)
  if (!decision.ok) await hitRateLimit(db, refusalKey(key), REFUSAL_RULE, now)
  return decision
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

/**
 * `hitRateLimits` on the raw connection, synchronously, backing off like
 * `hitRateLimitBackingOff`: for use inside a write transaction.
 */
export function hitRateLimitsNow(
  db: SqliteDatabase,
  checks: Array<{ key: string; rule: RateRule }>,
  now: Date = new Date(),
): RateDecision {
  const hit = db.prepare(HIT_SQL) as SqliteStatement<HitParameters, CounterRow>
  const refusals = db.prepare(REFUSALS_SQL) as SqliteStatement<[string], CounterRow>
  for (const { key, rule } of checks) {
    if (rule.max === 0) continue
    const effective = backedOff(rule, refusals.get(refusalKey(key)), now)
    const decision = decide(key, hit.get(...hitParameters(key, effective, now)), effective, now)
    if (decision.ok) continue
    hit.get(...hitParameters(refusalKey(key), REFUSAL_RULE, now))
    return decision
  }
  return { ok: true }
}
