// Prisma on an embedded-replica node, against a real migrated sqld primary: SELECTs come from the
// replica file (they still answer with the primary stopped), writes and transactions go to the
// primary, and each commit is readable at once; a write with the primary away is recognisable.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it, onTestFinished } from 'vitest'
import { databaseEngine } from '@/lib/db/engine'
import { EmbeddedReplica } from '@/lib/db/embedded-replica'
import { libsqlPrismaAdapter } from '@/lib/db/libsql-prisma'
import { migrateDatabase } from '@/lib/db/migrate'
import { isPrimaryUnavailable } from '@/lib/db/primary-unavailable'
import { isPlainSelect, replicatedPrismaAdapter } from '@/lib/db/replicated-prisma-adapter'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { sqldForTest } from '@/tests/support/sqld'

it('tells plain SELECTs from statements that write', () => {
  expect(isPlainSelect('SELECT "main"."Show"."id" FROM "main"."Show" WHERE 1')).toBe(true)
  expect(isPlainSelect('  select count(*) from x')).toBe(true)
  expect(isPlainSelect('INSERT INTO "main"."Show" ("slug") VALUES (?) RETURNING "id"')).toBe(false)
  expect(isPlainSelect('UPDATE "main"."Show" SET "title" = ? WHERE "id" = ? RETURNING "id"')).toBe(false)
  expect(isPlainSelect('WITH x AS (SELECT 1) DELETE FROM y')).toBe(false)
})

it('reads from the replica, writes on the primary, and reads each commit at once', async () => {
  const sqld = await sqldForTest()
  migrateDatabase(databaseEngine({ DATABASE_URL: sqld.url }))
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-prisma-replica-'))
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
  const replica = EmbeddedReplica.open({ primaryUrl: sqld.url, replicaPath: join(folder, 'replica.db') })
  onTestFinished(() => replica.close())
  const prisma = new PrismaClient({
    adapter: replicatedPrismaAdapter(libsqlPrismaAdapter({ url: sqld.url }), replica),
  })
  onTestFinished(() => prisma.$disconnect())

  const show = await prisma.show.create({ data: { slug: 'replicated', title: 'Replicated' } })
  // Read-your-writes: the replica file has it before create() returned.
  expect(replica.reader().prepare('SELECT title FROM Show WHERE id = ?').pluck().get(show.id)).toBe(
    'Replicated',
  )
  expect(await prisma.show.findUnique({ where: { id: show.id }, select: { title: true } })).toEqual({
    title: 'Replicated',
  })

  // An interactive transaction reads its own uncommitted write (on the primary), commits, and syncs.
  const titleInside = await prisma.$transaction(async (tx) => {
    await tx.show.update({ where: { id: show.id }, data: { title: 'Renamed' } })
    return (await tx.show.findUniqueOrThrow({ where: { id: show.id } })).title
  })
  expect(titleInside).toBe('Renamed')
  expect((await prisma.show.findUniqueOrThrow({ where: { id: show.id } })).title).toBe('Renamed')

  // Reads are local: they answer with the primary stopped; a write says the primary is away.
  await sqld.stop({ keepData: true })
  expect(await prisma.show.count()).toBe(1)
  expect((await prisma.show.findMany({ select: { slug: true } })).map((each) => each.slug)).toEqual([
    'replicated',
  ])
  const refused = await prisma.show
    .create({ data: { slug: 'lost', title: 'Lost' } })
    .catch((error: unknown) => error)
  expect(isPrimaryUnavailable(refused)).toBe(true)
  expect(replica.primaryReachable).toBe(false)
})
