// Durable acknowledgement, in process and through the status file another process would read.
import { afterEach, describe, expect, it } from 'vitest'
import { FaultyStore } from '../../tests/replication/fault-store'
import { createFixture, type ReplicationFixture } from '../../tests/replication/harness'
import { digest, insertNotes } from '../../tests/replication/sqlite'
import { monotonicNowUs, waitUntilDurable } from './durable'
import { createReplicator } from './replicator'

let fixture: ReplicationFixture
afterEach(async () => {
  await fixture?.dispose()
})

describe('durable acknowledgement', () => {
  it('resolves once a commit is in the replica, long before the next scheduled sync', async () => {
    fixture = createFixture('durable')
    const replicator = fixture.replicator({ syncIntervalMs: 60_000 })
    await replicator.start()
    insertNotes(fixture.app, 3, { label: 'comment' })
    const inProcess = await replicator.waitUntilDurable({ timeoutMs: 5_000 })
    expect(inProcess).toMatchObject({ durable: true })
    expect(inProcess.waitedMs).toBeLessThan(2_000)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))

    insertNotes(fixture.app, 1, { label: 'another comment' })
    const committedBeforeUs = monotonicNowUs()
    const crossProcess = await waitUntilDurable(fixture.dbPath, { committedBeforeUs, timeoutMs: 5_000 })
    expect(crossProcess).toMatchObject({ durable: true })
    expect(crossProcess.waitedMs).toBeLessThan(2_000)
    expect(await fixture.restored()).toMatchObject(digest(fixture.app))
  })

  it('times out while the bucket refuses uploads, and says when no replicator runs', async () => {
    fixture = createFixture('durable-timeout')
    const store = new FaultyStore(fixture.store())
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store,
      logger: fixture.logger,
      syncIntervalMs: 60_000,
      retryInitialDelayMs: 20,
      retentionMs: 0,
    })
    await replicator.start()
    expect(await replicator.waitUntilDurable({ timeoutMs: 3_000 })).toMatchObject({ durable: true })
    store.failing = true
    insertNotes(fixture.app, 1)
    expect(await waitUntilDurable(fixture.dbPath, { timeoutMs: 300 })).toMatchObject({
      durable: false,
      reason: 'timeout',
    })
    expect(await replicator.waitUntilDurable({ timeoutMs: 300 })).toMatchObject({
      durable: false,
      reason: 'timeout',
    })
    store.failing = false
    expect(await waitUntilDurable(fixture.dbPath, { timeoutMs: 5_000 })).toMatchObject({ durable: true })
    await replicator.stop()
    expect(await waitUntilDurable(fixture.dbPath, { timeoutMs: 1_000 })).toMatchObject({
      durable: false,
      reason: 'not-running',
    })
  })
})
