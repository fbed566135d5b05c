// Storage faults and crashes: the bucket unreachable or failing during writes, and the replicating
// process killed with SIGKILL. Nothing committed may be lost once things are back.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FaultyStore } from '../../tests/replication/fault-store'
import { createFixture, QUIET_OPTIONS, type ReplicationFixture } from '../../tests/replication/harness'
import { startS3TestServer, type S3TestServer } from '../../tests/replication/s3-server'
import { digest, insertNotes } from '../../tests/replication/sqlite'
import { waitUntilDurable } from './durable'
import { createReplicator } from './replicator'
import { readStatusFile } from './status'
import { statePaths } from './state-dir'
import { S3Store } from './stores/s3'
import { setTimeout as sleep } from 'node:timers/promises'

let server: S3TestServer
let fixture: ReplicationFixture
let prefix = 0
beforeAll(async () => {
  server = await startS3TestServer(['faults'])
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  await fixture?.dispose()
})

const s3 = (root: string, requestTimeoutMs = 400) =>
  new S3Store({
    bucket: 'faults',
    root,
    endpoint: server.endpoint,
    accessKeyId: 'test',
    secretAccessKey: 'test',
    requestTimeoutMs,
    maxAttempts: 1,
  })

describe('storage faults', () => {
  it('keeps the WAL while the S3 server is stopped, then catches up with nothing lost', async () => {
    fixture = createFixture('s3-paused')
    const root = `paused-${prefix++}`
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store: s3(root),
      logger: fixture.logger,
      ...QUIET_OPTIONS,
      minCheckpointPageCount: 10,
    })
    insertNotes(fixture.app, 20)
    await replicator.syncOnce()
    server.pause()
    try {
      for (let round = 0; round < 3; round++) {
        insertNotes(fixture.app, 30, { payloadBytes: 800, label: `outage ${round}` })
        // After a failure, each sync first checks that the bucket still holds the snapshot.
        await expect(replicator.syncOnce()).rejects.toThrow(
          round === 0 ? /upload wal segment/ : /check snapshot/,
        )
      }
      expect(replicator.status()).toMatchObject({
        state: 'retrying',
        pendingObjects: 1,
        lastError: expect.stringMatching(/check snapshot .*snapshot\.lz4/),
      })
    } finally {
      server.resume()
    }
    await replicator.syncOnce()
    insertNotes(fixture.app, 5)
    await replicator.syncOnce()
    expect(replicator.status()).toMatchObject({ state: 'replicating', pendingObjects: 0 })
    expect(fixture.logs.filter((l) => l.level === 'warn')).toHaveLength(1)
    expect(fixture.logs.filter((l) => l.message.startsWith('storage reachable again'))).toHaveLength(1)
    await replicator.stop()
    expect(await fixture.restored({ store: s3(root, 5_000) })).toMatchObject(digest(fixture.app))
  })

  it('retries while the bucket answers with errors, and never checkpoints past unshipped WAL', async () => {
    fixture = createFixture('s3-errors')
    const store = new FaultyStore(fixture.store())
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store,
      logger: fixture.logger,
      ...QUIET_OPTIONS,
      minCheckpointPageCount: 5,
    })
    insertNotes(fixture.app, 10)
    await replicator.syncOnce()
    store.failing = true
    for (let round = 0; round < 4; round++) {
      insertNotes(fixture.app, 20, { payloadBytes: 1_000, label: `failing ${round}` })
      await expect(replicator.syncOnce()).rejects.toThrow(
        round === 0 ? /upload wal segment/ : /check snapshot/,
      )
    }
    expect(replicator.status().lastError).toMatch(
      /check snapshot .*: injected fault: head generations\/.*\.snapshot\.lz4 refused/,
    )
    store.failing = false
    await replicator.syncOnce()
    await replicator.syncOnce()
    expect(fixture.logs.filter((l) => l.level === 'warn')).toHaveLength(1)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('loses nothing synced before the replicating process is killed with SIGKILL, and resumes', async () => {
    fixture = createFixture('sigkill')
    const root = `sigkill-${prefix++}`
    const child = fileURLToPath(new URL('../../tests/replication/replicator-child.ts', import.meta.url))
    const spawnReplicator = () =>
      spawn(process.execPath, ['--import', 'tsx', child], {
        env: {
          ...process.env,
          DATABASE_PATH: fixture.dbPath,
          REPLICA_URL: `s3://faults/${root}`,
          S3_ENDPOINT: server.endpoint,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      })
    const waitDurable = async () => {
      const result = await waitUntilDurable(fixture.dbPath, { timeoutMs: 15_000 })
      if (!result.durable) throw new Error(`durable wait failed: ${result.reason}`)
    }
    const children: ChildProcess[] = []
    try {
      children.push(spawnReplicator())
      await waitForReplicating(fixture.dbPath, children[0]!)
      const durableDigests: ReturnType<typeof digest>[] = []
      for (let i = 0; i < 12; i++) {
        insertNotes(fixture.app, 3, { payloadBytes: 300, label: `tx ${i}` })
        if (i % 3 === 2) {
          await waitDurable()
          durableDigests.push(digest(fixture.app))
        }
      }
      const generation = readStatusFile(statePaths(fixture.dbPath))!.generation
      insertNotes(fixture.app, 3, { label: 'in flight' })
      children[0]!.kill('SIGKILL')
      await once(children[0]!, 'exit')
      insertNotes(fixture.app, 3, { label: 'while down' })

      const afterKill = await fixture.restored({ store: s3(root, 5_000) })
      expect(afterKill.rows).toBeGreaterThanOrEqual(durableDigests.at(-1)!.rows)

      children.push(spawnReplicator())
      await waitForReplicating(fixture.dbPath, children[1]!)
      insertNotes(fixture.app, 3, { label: 'after restart' })
      await waitDurable()
      expect(readStatusFile(statePaths(fixture.dbPath))!.generation).toBe(generation)
      expect(await fixture.restored({ store: s3(root, 5_000) })).toMatchObject(digest(fixture.app))
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
      await Promise.all(
        children.map((c) => (c.exitCode === null && c.signalCode === null ? once(c, 'exit') : null)),
      )
    }
  })
})

async function waitForReplicating(databasePath: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const status = readStatusFile(statePaths(databasePath))
    if (status !== null && status.pid === child.pid && status.state === 'replicating') return
    if (child.exitCode !== null) throw new Error(`replicator child exited with ${child.exitCode}`)
    if (Date.now() > deadline) throw new Error('replicator child did not start replicating within 20 s')
    await sleep(25)
  }
}
