import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { PrismaClient } from '../generated/prisma/client'
import { freshDatabasePath } from '../../tests/support/database'
import { hitRateLimit } from './rate-limit'

function freshClient(): PrismaClient {
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${freshDatabasePath()}` }) })
  onTestFinished(() => db.$disconnect())
  return db
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
})
