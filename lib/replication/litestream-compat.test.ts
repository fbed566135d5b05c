// Compatibility with the real Litestream v0.3.13 binary, both ways, over a local S3 server:
// our replica -> `litestream restore`, and `litestream replicate` -> our restore, including
// point-in-time restores, multipart objects, several WAL indexes and a second generation.
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createFixture, QUIET_OPTIONS, type ReplicationFixture } from '../../tests/replication/harness'
import {
  litestreamBinary,
  litestreamRestore,
  startLitestreamReplicate,
  writeLitestreamConfig,
} from '../../tests/replication/litestream'
import { startS3TestServer, type S3TestServer } from '../../tests/replication/s3-server'
import { type Digest, digest, insertNotes, integrityCheck } from '../../tests/replication/sqlite'
import { listReplica } from './listing'
import { createReplicator } from './replicator'
import { restore } from './restore'
import { S3Store } from './stores/s3'
import { setTimeout as sleep } from 'node:timers/promises'

let server: S3TestServer
let fixture: ReplicationFixture
beforeAll(async () => {
  litestreamBinary() // fails every test here with a clear message when the binary is missing
  server = await startS3TestServer(['compat'])
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  await fixture?.dispose()
})

const s3 = (root: string) =>
  new S3Store({
    bucket: 'compat',
    root,
    endpoint: server.endpoint,
    accessKeyId: 'test',
    secretAccessKey: 'test',
  })

interface Mark {
  readonly at: Date
  readonly digest: Digest
}

/** A moment after everything so far was uploaded and before anything later is. */
async function mark(fixtureDb: ReplicationFixture): Promise<Mark> {
  await sleep(15)
  const at = new Date()
  await sleep(15)
  return { at, digest: digest(fixtureDb.app) }
}

async function expectLitestreamRestore(
  config: string,
  options: { timestamp?: Date; generation?: string },
  expected: Digest,
): Promise<void> {
  const output = join(fixture.dir, `litestream-${Math.random().toString(36).slice(2)}.db`)
  const run = await litestreamRestore(config, fixture.dbPath, output, options)
  expect(run).toMatchObject({ code: 0 })
  expect(integrityCheck(output)).toBe('ok')
  expect(digest(output)).toEqual(expected)
}

describe('compatibility with litestream v0.3.13', () => {
  it('litestream restore rebuilds our replica: latest, points in time, and a chosen generation', async () => {
    fixture = createFixture('ours-to-litestream')
    const root = 'ours'
    const options = {
      ...QUIET_OPTIONS,
      databasePath: fixture.dbPath,
      logger: fixture.logger,
      minCheckpointPageCount: 40,
      maxCheckpointPageCount: 80,
    }
    const first = createReplicator({ ...options, store: s3(root) })
    const marks: Mark[] = []
    insertNotes(fixture.app, 50)
    await first.syncOnce()
    marks.push(await mark(fixture))
    insertNotes(fixture.app, 2_600, { payloadBytes: 3_500, label: 'bulk' }) // ~9 MiB: multi-block frame, multipart upload
    await first.syncOnce()
    marks.push(await mark(fixture))
    for (let round = 0; round < 4; round++) {
      insertNotes(fixture.app, 30, { payloadBytes: 1_000, label: `round ${round}` })
      await first.syncOnce()
    }
    marks.push(await mark(fixture))
    insertNotes(fixture.app, 5, { label: 'last of the first generation' })
    await first.syncOnce()
    const firstGeneration = { name: first.status().generation!, digest: digest(fixture.app) }
    await first.stop()

    fixture.app.pragma('wal_checkpoint(TRUNCATE)')
    insertNotes(fixture.app, 20, { label: 'second generation' })
    const second = createReplicator({ ...options, store: s3(root) })
    await second.syncOnce()
    marks.push(await mark(fixture))
    insertNotes(fixture.app, 7, { label: 'latest' })
    await second.syncOnce()
    await second.stop()

    const { generations } = await listReplica(s3(root))
    expect(generations).toHaveLength(2)
    const first_ = generations.find((g) => g.generation === firstGeneration.name)!
    expect(new Set(first_.segments.map((s) => s.index)).size).toBeGreaterThanOrEqual(3)

    const config = writeLitestreamConfig(join(fixture.dir, 'litestream.yml'), {
      dbPath: fixture.dbPath,
      endpoint: server.endpoint,
      bucket: 'compat',
      path: root,
    })
    await expectLitestreamRestore(config, {}, digest(fixture.app))
    for (const m of marks) await expectLitestreamRestore(config, { timestamp: m.at }, m.digest)
    await expectLitestreamRestore(config, { generation: firstGeneration.name }, firstGeneration.digest)
    for (const m of marks)
      expect(await fixture.restored({ store: s3(root), timestampMs: m.at.getTime() })).toMatchObject(m.digest)
  })

  it('our restore rebuilds what litestream replicate wrote: latest, points in time, a new generation', async () => {
    fixture = createFixture('litestream-to-ours')
    const root = 'theirs'
    const config = writeLitestreamConfig(join(fixture.dir, 'litestream.yml'), {
      dbPath: fixture.dbPath,
      endpoint: server.endpoint,
      bucket: 'compat',
      path: root,
      minCheckpointPageCount: 40,
    })
    const replicated = async (expected: Digest) => {
      const deadline = Date.now() + 15_000
      for (let attempt = 0; ; attempt++) {
        const path = join(fixture.dir, `probe-${attempt}.db`)
        const ok = await restore({ store: s3(root), outputPath: path, integrityCheck: false }).then(
          () => digest(path).sha256 === expected.sha256,
          () => false,
        )
        if (ok) return
        if (Date.now() > deadline)
          throw new Error(`litestream did not replicate ${expected.rows} rows within 15 s`)
        await sleep(150)
      }
    }
    let litestream = await startLitestreamReplicate(config)
    const marks: Mark[] = []
    try {
      insertNotes(fixture.app, 40)
      await replicated(digest(fixture.app))
      marks.push(await mark(fixture))
      insertNotes(fixture.app, 2_600, { payloadBytes: 3_500, label: 'bulk' })
      await replicated(digest(fixture.app))
      marks.push(await mark(fixture))
      for (let round = 0; round < 3; round++) {
        insertNotes(fixture.app, 30, { payloadBytes: 1_000, label: `round ${round}` })
        await replicated(digest(fixture.app))
      }
      marks.push(await mark(fixture))
      insertNotes(fixture.app, 5)
      await replicated(digest(fixture.app))
      expect(await litestream.stop()).toBe(0)

      fixture.app.pragma('wal_checkpoint(TRUNCATE)') // while litestream is stopped: it must start a new generation
      insertNotes(fixture.app, 10, { label: 'after truncate' })
      litestream = await startLitestreamReplicate(config)
      await replicated(digest(fixture.app))
    } finally {
      await litestream.stop()
    }
    const { generations } = await listReplica(s3(root))
    expect(generations).toHaveLength(2)
    expect(Math.max(...generations.flatMap((g) => g.segments.map((s) => s.index)))).toBeGreaterThanOrEqual(1)
    expect(await fixture.restored({ store: s3(root) })).toMatchObject(digest(fixture.app))
    for (const m of marks)
      expect(await fixture.restored({ store: s3(root), timestampMs: m.at.getTime() })).toMatchObject(m.digest)
  })

  it('litestream restore reads our file:// replica', async () => {
    fixture = createFixture('file-to-litestream')
    const replicator = fixture.replicator({ minCheckpointPageCount: 20 })
    for (let round = 0; round < 3; round++) {
      insertNotes(fixture.app, 30, { payloadBytes: 500 })
      await replicator.syncOnce()
    }
    const output = join(fixture.dir, 'from-file.db')
    const configPath = join(fixture.dir, 'file.yml')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(
      configPath,
      `dbs:\n  - path: ${fixture.dbPath}\n    replicas:\n      - url: file://${fixture.replicaDir}\n`,
    )
    const run = await litestreamRestore(configPath, fixture.dbPath, output)
    expect(run).toMatchObject({ code: 0 })
    expect(digest(output)).toEqual(digest(fixture.app))
  })
})
