// A replica that loses everything while the replicator runs: the bucket emptied (or deleted and
// recreated, or the S3 server restarted empty), the folder wiped. A durable acknowledgement must
// still mean "restorable from the replica now": every acknowledged row is in a restore made right
// after, with our restore and with the real `litestream restore`. For a folder and for S3.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import Database from 'better-sqlite3'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { FaultyStore } from '../../tests/replication/fault-store'
import {
  createFixture,
  FAST_RETRY_OPTIONS,
  QUIET_OPTIONS,
  type ReplicationFixture,
} from '../../tests/replication/harness'
import {
  litestreamBinary,
  litestreamRestore,
  writeLitestreamConfig,
} from '../../tests/replication/litestream'
import { startS3TestServer, type S3TestServer } from '../../tests/replication/s3-server'
import { integrityCheck } from '../../tests/replication/sqlite'
import { waitUntilDurable } from './durable'
import { listReplica } from './listing'
import type { ReplicatorOptions } from './options'
import { createReplicator, type Replicator } from './replicator'
import type { ReplicaStore } from './store'
import { S3Store } from './stores/s3'

const BUCKET = 'emptied'
let server: S3TestServer
let fixture: ReplicationFixture
let roots = 0
beforeAll(async () => {
  litestreamBinary() // a clear failure when the binary is missing
  server = await startS3TestServer([BUCKET])
})
afterAll(async () => {
  await server?.stop()
})
afterEach(async () => {
  await fixture?.dispose()
})

interface Backend {
  readonly name: string
  /** A store on this backend for the fixture; the same place every time it is called. */
  store(root: string): ReplicaStore
  /** Removes every object of the replica, as `aws s3 rm --recursive` or `rm -rf` would. */
  empty(root: string): Promise<void>
  /** A litestream.yml that points at the replica. */
  litestreamConfig(root: string): string
}

const s3 = (root: string) =>
  new S3Store({
    bucket: BUCKET,
    root,
    endpoint: server.endpoint,
    accessKeyId: 'test',
    secretAccessKey: 'test',
    requestTimeoutMs: 5_000,
  })

const backends: Backend[] = [
  {
    name: 'folder',
    store: () => fixture.store(),
    async empty() {
      rmSync(fixture.replicaDir, { recursive: true, force: true })
    },
    litestreamConfig() {
      const path = join(fixture.dir, 'litestream.yml')
      writeFileSync(
        path,
        [
          'dbs:',
          `  - path: ${fixture.dbPath}`,
          '    replicas:',
          `      - path: ${fixture.replicaDir}`,
          '',
        ].join('\n'),
      )
      return path
    },
  },
  {
    name: 's3',
    store: (root) => s3(root),
    async empty(root) {
      const store = s3(root)
      try {
        await store.delete((await store.list('')).map((o) => o.key))
        if ((await store.list('')).length > 0) throw new Error(`s3 replica ${root} is not empty`)
      } finally {
        store.close()
      }
    },
    litestreamConfig: (root) =>
      writeLitestreamConfig(join(fixture.dir, 'litestream.yml'), {
        dbPath: fixture.dbPath,
        endpoint: server.endpoint,
        bucket: BUCKET,
        path: root,
      }),
  },
]

/** Commits one row, as the app commits a comment. */
function write(label: string): void {
  fixture.app.prepare('INSERT INTO note (body) VALUES (?)').run(label)
}

/** Commits one row and waits for its acknowledgement the way the web app does (another process's path). */
async function writeAcknowledged(label: string): Promise<void> {
  write(label)
  const result = await waitUntilDurable(fixture.dbPath, { timeoutMs: 10_000 })
  expect(result, `acknowledgement of ${label}`).toMatchObject({ durable: true })
}

function rowsOf(path: string): Set<string> {
  expect(integrityCheck(path)).toBe('ok')
  const db = new Database(path, { readonly: true })
  try {
    return new Set((db.prepare('SELECT body FROM note').all() as { body: string }[]).map((r) => r.body))
  } finally {
    db.close()
  }
}

/** Restores with ours and with `litestream restore`; both must hold every acknowledged row. */
async function expectRestorable(backend: Backend, root: string, acknowledged: readonly string[]) {
  const ours = await fixture.restored({ store: backend.store(root) })
  const restoredRows = rowsOf(ours.path)
  expect(acknowledged.filter((label) => !restoredRows.has(label))).toEqual([])

  const output = join(fixture.dir, `litestream-${Math.random().toString(36).slice(2)}.db`)
  const run = await litestreamRestore(backend.litestreamConfig(root), fixture.dbPath, output)
  expect(run).toMatchObject({ code: 0 }) // the diff shows litestream's output
  const litestreamRows = rowsOf(output)
  expect(acknowledged.filter((label) => !litestreamRows.has(label))).toEqual([])
}

/** The only generations left after the wipe: each has a snapshot (nothing was written to a lost one). */
async function expectOnlyRestorableGenerations(store: ReplicaStore): Promise<string[]> {
  const { generations } = await listReplica(store)
  expect(generations.length).toBeGreaterThan(0)
  for (const g of generations) expect(g.snapshots.length, `generation ${g.generation}`).toBeGreaterThan(0)
  return generations.map((g) => g.generation)
}

async function until(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(25)
  }
}

/** Starts the replicator and waits for its first sync (the status file other processes read). */
async function running(replicator: Replicator): Promise<void> {
  await replicator.start()
  await until('the replicator has synced once', () => replicator.status().state === 'replicating')
}

describe.each(backends)('an emptied $name replica', (backend) => {
  const start = async (root: string, options: Partial<ReplicatorOptions>): Promise<Replicator> => {
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store: backend.store(root),
      logger: fixture.logger,
      ...QUIET_OPTIONS,
      ...options,
    })
    await running(replicator)
    return replicator
  }

  it('never acknowledges a write it cannot restore: the next acknowledgement starts a new generation', async () => {
    fixture = createFixture(`emptied-ack-${backend.name}`)
    const root = `ack-${roots++}`
    // No periodic check: only the check before each acknowledgement can notice the loss.
    const replicator = await start(root, { replicaCheckIntervalMs: 0 })
    const acknowledged: string[] = []
    for (let i = 0; i < 5; i++) {
      await writeAcknowledged(`before ${i}`)
      acknowledged.push(`before ${i}`)
    }
    const generation = replicator.status().generation
    await backend.empty(root)
    for (let i = 0; i < 5; i++) {
      await writeAcknowledged(`after ${i}`)
      acknowledged.push(`after ${i}`)
    }
    // Restored while the replicator runs, right after the last acknowledgement.
    await expectRestorable(backend, root, acknowledged)
    expect(replicator.status().generation).not.toBe(generation)
    // The segment uploaded into the lost generation (before the check) was removed with it.
    expect(await expectOnlyRestorableGenerations(backend.store(root))).toEqual([
      replicator.status().generation,
    ])
    const warnings = fixture.logs.filter((l) => l.level === 'warn').map((l) => l.message)
    expect(warnings).toEqual([expect.stringMatching(/no longer holds snapshot .* starting a new generation/)])
  })

  it('notices the loss within replicaCheckIntervalMs while nobody waits for an acknowledgement', async () => {
    fixture = createFixture(`emptied-periodic-${backend.name}`)
    const root = `periodic-${roots++}`
    const store = backend.store(root)
    const replicator = await start(root, { syncIntervalMs: 50, replicaCheckIntervalMs: 200 })
    const acknowledged: string[] = []
    for (let i = 0; i < 3; i++) {
      await writeAcknowledged(`before ${i}`)
      acknowledged.push(`before ${i}`)
    }
    const generation = replicator.status().generation
    await backend.empty(root)
    write('not waited for') // shipped by the ticks, into the lost generation until the check
    await until('a new generation with a snapshot is in the replica', async () => {
      const { generations } = await listReplica(store)
      return generations.some((g) => g.generation !== generation && g.snapshots.length > 0)
    })
    await expectRestorable(backend, root, [...acknowledged, 'not waited for'])
    expect(await expectOnlyRestorableGenerations(store)).toEqual([replicator.status().generation])
  })

  it('checks the replica before uploading on the first sync after a failure', async () => {
    fixture = createFixture(`emptied-outage-${backend.name}`)
    const root = `outage-${roots++}`
    const store = new FaultyStore(backend.store(root))
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store,
      logger: fixture.logger,
      ...FAST_RETRY_OPTIONS,
      replicaCheckIntervalMs: 0,
    })
    await running(replicator)
    const acknowledged: string[] = []
    for (let i = 0; i < 3; i++) {
      await writeAcknowledged(`before ${i}`)
      acknowledged.push(`before ${i}`)
    }
    const generation = replicator.status().generation
    // The storage goes away and comes back empty (a bucket recreated, a server restarted empty).
    store.failing = true
    write('during the outage')
    await until('the replicator is retrying', () => replicator.status().state === 'retrying')
    await backend.empty(root)
    store.failing = false
    await until('a new generation is replicating', () => {
      const status = replicator.status()
      return status.state === 'replicating' && status.generation !== generation
    })
    // The WAL queued during the outage went into the new generation, not into the lost one.
    expect(await expectOnlyRestorableGenerations(store)).toEqual([replicator.status().generation])
    await writeAcknowledged('after')
    await expectRestorable(backend, root, [...acknowledged, 'during the outage', 'after'])
  })
})
