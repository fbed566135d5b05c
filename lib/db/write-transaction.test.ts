import { describe, expect, it } from 'vitest'
import { failureResponse } from '../http/json-response'
import { ok } from '../result'
import { freshDatabasePath } from '../../tests/support/database'
import { openSqlite } from './sqlite'
import { inWriteTransaction, WRITE_LOCK_SLICE_MS } from './write-transaction'

function twoConnections() {
  const path = freshDatabasePath()
  const [writer, other] = [openSqlite(path), openSqlite(path)]
  return { writer, other, close: () => [writer, other].forEach((db) => db.close()) }
}

const insertShow = (slug: string) => `INSERT INTO Show (slug, title) VALUES ('${slug}', 'T')`

describe('inWriteTransaction', () => {
  it('waits for a lock held elsewhere without blocking the event loop, then writes', async () => {
    const { writer, other, close } = twoConnections()
    try {
      other.exec('BEGIN IMMEDIATE')
      // The holder lets go from a timer: it can only run if the waiting write yields.
      setTimeout(() => other.exec('COMMIT'), 150)
      const longestBlock = { ms: 0 }
      let last = Date.now()
      const ticker = setInterval(() => {
        longestBlock.ms = Math.max(longestBlock.ms, Date.now() - last)
        last = Date.now()
      }, 5)
      const result = await inWriteTransaction(writer, () => ok(writer.exec(insertShow('a'))))
      clearInterval(ticker)
      expect(result).toEqual({ ok: true, value: writer })
      expect(writer.prepare('SELECT count(*) AS n FROM Show').get()).toEqual({ n: 1 })
      // One attempt blocks for one slice at most (plus a loaded machine's slack).
      expect(longestBlock.ms).toBeLessThan(WRITE_LOCK_SLICE_MS * 4)
    } finally {
      close()
    }
  })

  it('refuses as busy, writing nothing, once its budget is spent', async () => {
    const { writer, other, close } = twoConnections()
    try {
      other.exec('BEGIN IMMEDIATE')
      const started = Date.now()
      const result = await inWriteTransaction(writer, () => ok(writer.exec(insertShow('b'))), {
        budgetMs: 300,
      })
      expect(Date.now() - started).toBeGreaterThanOrEqual(300)
      expect(result).toEqual({ ok: false, failure: { error: 'busy', retryAfterMs: expect.any(Number) } })
      other.exec('ROLLBACK')
      expect(writer.prepare('SELECT count(*) AS n FROM Show').get()).toEqual({ n: 0 })
      if (result.ok) return
      const response = failureResponse(result.failure)
      expect(response.status).toBe(503)
      expect(response.headers.get('Retry-After')).toBe('1')
      expect((await response.json()).error).toMatch(/busy.*nothing was saved.*Try again in 1 seconds/)
    } finally {
      close()
    }
  })

  it('lets other errors through, and rolls back', async () => {
    const { writer, close } = twoConnections()
    try {
      await expect(
        inWriteTransaction(writer, () => {
          writer.exec(insertShow('c'))
          return ok(writer.exec(insertShow('c')))
        }),
      ).rejects.toThrow(/UNIQUE/)
      expect(writer.prepare('SELECT count(*) AS n FROM Show').get()).toEqual({ n: 0 })
    } finally {
      close()
    }
  })
})
