// inWriteTransaction on a real sqld (docs/decisions/0022): what "one write transaction per use
// case, all or nothing, busy is a typed 503" means where the server queues writers and takes the
// lock away from a transaction that sits on it.
import { describe, expect, it } from 'vitest'
import { fail, ok } from '../result'
import { sqldForTest } from '../../tests/support/sqld'
import { libsqlPrismaAdapter } from './libsql-prisma'
import { openRemoteSqlite } from './libsql-remote'
import { migrateDatabase } from './migrate'
import { PrismaClient } from '../generated/prisma/client'
import { inWriteTransaction, isBusyError } from './write-transaction'

async function migratedServer() {
  const server = await sqldForTest()
  migrateDatabase(server.url)
  const open = () => openRemoteSqlite(server.url)
  return { server, open }
}

const shows = (db: ReturnType<typeof openRemoteSqlite>) =>
  db.prepare('SELECT slug FROM Show ORDER BY slug').pluck().all()

describe('inWriteTransaction on sqld', () => {
  it('writes all or nothing: a failure returned from inside rolls every statement back', async () => {
    const { open } = await migratedServer()
    const db = open()
    const insert = db.prepare(`INSERT INTO Show (slug, title) VALUES (?, 'T')`)
    const refused = await inWriteTransaction(db, () => {
      insert.run('a')
      insert.run('b')
      return fail({ error: 'unprocessable', message: 'nothing to do' })
    })
    expect(refused.ok).toBe(false)
    expect(shows(db)).toEqual([])
    expect(await inWriteTransaction(db, () => ok(insert.run('c').changes))).toEqual({ ok: true, value: 1 })
    expect(shows(db)).toEqual(['c'])
    expect(db.inTransaction).toBe(false)
    db.close()
  })

  it('takes the lock from a connection that sits on it; the loser sees SQLITE_BUSY and nothing of its work', async () => {
    const { open } = await migratedServer()
    const [writer, idle] = [open(), open()]
    idle.exec('BEGIN IMMEDIATE')
    idle.prepare(`INSERT INTO Show (slug, title) VALUES ('idle', 'T')`).run()
    const started = Date.now()
    const result = await inWriteTransaction(writer, () =>
      ok(writer.prepare(`INSERT INTO Show (slug, title) VALUES ('writer', 'T')`).run().changes),
    )
    // sqld waits for the holder up to its transaction timeout (5 s), then rolls it back.
    expect(result).toEqual({ ok: true, value: 1 })
    expect(Date.now() - started).toBeGreaterThan(4_000)
    let lost: unknown
    try {
      idle.prepare(`INSERT INTO Show (slug, title) VALUES ('idle-2', 'T')`).run()
    } catch (error) {
      lost = error
    }
    expect(isBusyError(lost)).toBe(true)
    expect(idle.inTransaction).toBe(false)
    expect(shows(idle)).toEqual(['writer'])
    writer.close()
    idle.close()
  }, 20_000)

  it("waits for this process's own Prisma transaction without stalling it (the write gate)", async () => {
    const { server, open } = await migratedServer()
    const db = open()
    const prisma = new PrismaClient({ adapter: libsqlPrismaAdapter({ url: server.url }) })
    try {
      await prisma.show.count() // connected
      let holding!: () => void
      const prismaHoldsTheLock = new Promise<void>((resolve) => (holding = resolve))
      const started = Date.now()
      const prismaWrite = prisma.$transaction(async (tx) => {
        await tx.show.create({ data: { slug: 'prisma-1', title: 'T' } })
        holding()
        await new Promise((resolve) => setTimeout(resolve, 200))
        await tx.show.create({ data: { slug: 'prisma-2', title: 'T' } })
      })
      await prismaHoldsTheLock
      const rawWrite = inWriteTransaction(db, () =>
        ok(db.prepare(`INSERT INTO Show (slug, title) VALUES ('raw', 'T')`).run().changes),
      )
      await Promise.all([prismaWrite, rawWrite])
      // Without the gate the raw BEGIN IMMEDIATE would block this thread until sqld rolled
      // Prisma's transaction back after 5 s.
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(shows(db)).toEqual(['prisma-1', 'prisma-2', 'raw'])
    } finally {
      await prisma.$disconnect()
      db.close()
    }
  })
})
