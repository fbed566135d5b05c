// /api/health's replication part reads the status file: a failed sync shows there as lastError,
// and the first sync that succeeds again clears it.
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FaultyStore } from '../../tests/replication/fault-store'
import { createFixture, FAST_RETRY_OPTIONS, type ReplicationFixture } from '../../tests/replication/harness'
import { insertNotes } from '../../tests/replication/sqlite'
import { replicationHealth } from './health'
import { createReplicator } from './replicator'
import { readStatusFile } from './status'
import { statePaths } from './state-dir'

const settings = vi.hoisted(() => ({ env: { REPLICA_URL: '', DATABASE_URL: '' } }))
vi.mock('@/lib/env', () => ({
  env: settings.env,
  databasePath: (url: string) => url.replace(/^file:/, ''),
}))

let fixture: ReplicationFixture
afterEach(async () => {
  await fixture?.dispose()
})

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`)
    await sleep(20)
  }
}

describe('replication health', () => {
  it('reports the last error while syncs fail, and clears it once a sync succeeds', async () => {
    fixture = createFixture('health')
    settings.env.REPLICA_URL = `file://${fixture.replicaDir}`
    settings.env.DATABASE_URL = `file:${fixture.dbPath}`
    const store = new FaultyStore(fixture.store())
    const replicator = createReplicator({
      databasePath: fixture.dbPath,
      store,
      logger: fixture.logger,
      ...FAST_RETRY_OPTIONS,
    })
    await replicator.start()
    await until('the first sync', () => replicator.status().state === 'replicating')
    expect(replicationHealth()).toMatchObject({ running: true, state: 'replicating', lastError: null })

    store.failing = true
    insertNotes(fixture.app, 3)
    await until('a sync failed', () => replicator.status().state === 'retrying')
    expect(replicationHealth()).toMatchObject({
      running: true,
      state: 'retrying',
      lastError: expect.stringMatching(/injected fault/),
    })

    store.failing = false
    await until('replicating again', () => replicator.status().state === 'replicating')
    expect(replicationHealth()).toMatchObject({ running: true, state: 'replicating', lastError: null })
    expect(readStatusFile(statePaths(fixture.dbPath))).toMatchObject({
      lastError: null,
      lastErrorAtMs: null,
      pendingObjects: 0,
    })
  })
})
