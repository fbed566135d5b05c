import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { PrismaClient } from './generated/prisma/client'
import { freshDatabase, freshDatabasePath } from '../tests/support/database'
import { hitRateLimit, hitRateLimits, hitRateLimitsNow } from './rate-limit'

function clientOf(path: string): PrismaClient {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${path}` }) })
  onTestFinished(() => db.$disconnect())
  return db
}

function freshClient(): PrismaClient {
  return clientOf(freshDatabasePath())
}

describe('hitRateLimit', () => {
  it('allows max hits per window, then says how long to wait, then opens a new window', async () => {
    const db = freshClient()
    const rule = { max: 2, windowMs: 10_000 }
    const start = new Date('2026-01-01T00:00:00Z')
    const at = (ms: number) => new Date(start.getTime() + ms)
    expect(await hitRateLimit(db, 'k', rule, at(0))).toEqual({ ok: true })
    expect(await hitRateLimit(db, 'k', rule, at(1_000))).toEqual({ ok: true })
    expect(await hitRateLimit(db, 'k', rule, at(4_000))).toEqual({ ok: false, retryAfterMs: 6_000 })
    expect(await hitRateLimit(db, 'other', rule, at(4_000))).toEqual({ ok: true })
    expect(await hitRateLimit(db, 'k', rule, at(10_000))).toEqual({ ok: true })
  })

  it('is off when max is 0', async () => {
    const db = freshClient()
    for (let i = 0; i < 3; i++)
      expect(await hitRateLimit(db, 'k', { max: 0, windowMs: 1000 })).toEqual({ ok: true })
    expect(await db.rateCounter.count()).toBe(0)
  })

  it('lets no more than max of many concurrent hits through, over several connections', async () => {
    // Three clients stand for three server processes on one file. A read-then-write limiter
    // let all 30 through here: every hit read the empty counter before any wrote it.
    const path = freshDatabasePath()
    const clients = [clientOf(path), clientOf(path), clientOf(path)]
    const rule = { max: 5, windowMs: 60_000 }
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, n) => hitRateLimit(clients[n % clients.length]!, 'sign-in:ip:x', rule)),
    )
    expect(decisions.filter((decision) => decision.ok)).toHaveLength(5)
    for (const refused of decisions.filter((decision) => !decision.ok))
      expect(refused).toEqual({ ok: false, retryAfterMs: expect.any(Number) })
    const row = await clients[0]!.rateCounter.findUniqueOrThrow({ where: { key: 'sign-in:ip:x' } })
    expect(row.windowStartAt).toBeInstanceOf(Date)
    expect(row.count).toBe(30)
  })

  it('counts inside a transaction, and a refused rule stops the later ones', async () => {
    const db = freshClient()
    const rule = { max: 1, windowMs: 60_000 }
    const checks = [
      { key: 'a', rule },
      { key: 'b', rule },
    ]
    expect(await db.$transaction((tx) => hitRateLimits(tx, checks))).toEqual({ ok: true })
    expect(await db.$transaction((tx) => hitRateLimits(tx, checks))).toMatchObject({ ok: false })
    expect((await db.rateCounter.findUniqueOrThrow({ where: { key: 'b' } })).count).toBe(1)
  })
})

describe('hitRateLimitsNow', () => {
  it('backs off whoever keeps posting while refused, and not someone who waits', () => {
    // The comment limiter (lib/comments/mutations.ts) counts on the raw connection.
    const db = freshDatabase()
    const rule = { max: 2, windowMs: 60_000 }
    const start = Date.parse('2026-01-01T00:00:00Z')
    const post = (key: string, ms: number) => hitRateLimitsNow(db, [{ key, rule }], new Date(start + ms))
    expect(post('comment:user:a', 0)).toEqual({ ok: true })
    expect(post('comment:user:a', 1_000)).toEqual({ ok: true })
    expect(post('comment:user:a', 2_000)).toEqual({ ok: false, retryAfterMs: 58_000 })
    expect(post('comment:user:a', 3_000)).toEqual({ ok: false, retryAfterMs: 57_000 })
    // Two refusals (as many as the limit): the next window is twice as long.
    expect(post('comment:user:a', 61_000)).toEqual({ ok: false, retryAfterMs: 59_000 })
    expect(post('comment:user:a', 121_000)).toEqual({ ok: true })
    for (const ms of [0, 1_000, 60_000, 61_000, 120_000])
      expect(post('comment:user:b', ms)).toEqual({ ok: true })
  })
})
