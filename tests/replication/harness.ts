// Per-test scaffolding: a work folder with an app database and a file:// replica, replicators that
// log into an array, and a restore helper that returns the restored file's digest.
import { join } from 'node:path'
import { createReplicator, type Replicator } from '../../lib/replication/replicator'
import type { ReplicatorOptions } from '../../lib/replication/options'
import { restore, type RestoreResult } from '../../lib/replication/restore'
import type { Logger } from '../../lib/replication/log'
import type { ReplicaStore } from '../../lib/replication/store'
import { FileStore } from '../../lib/replication/stores/file'
import {
  type Db,
  type Digest,
  digest,
  integrityCheck,
  makeWorkDir,
  openAppDatabase,
  removeWorkDir,
} from './sqlite'

export interface LogLine {
  readonly level: 'info' | 'warn' | 'error'
  readonly message: string
}

export interface ReplicationFixture {
  readonly dir: string
  readonly dbPath: string
  readonly replicaDir: string
  readonly app: Db
  readonly logs: LogLine[]
  readonly logger: Logger
  store(): ReplicaStore
  replicator(options?: Partial<ReplicatorOptions>): Replicator
  /** Restores into a new file and returns its digest (after checking integrity). */
  restored(options?: {
    timestampMs?: number
    generation?: string
    store?: ReplicaStore
  }): Promise<Digest & { result: RestoreResult; path: string }>
  dispose(): Promise<void>
}

/** Test defaults: no time-based checkpoints or retention, so only what a test asks for happens. */
export const QUIET_OPTIONS = { checkpointIntervalMs: 0, retentionMs: 0, syncIntervalMs: 60_000 } as const

/** QUIET_OPTIONS with a short sync tick and quick retries, for tests of failing and recovering storage. */
export const FAST_RETRY_OPTIONS = {
  ...QUIET_OPTIONS,
  syncIntervalMs: 50,
  retryInitialDelayMs: 20,
  retryMaxDelayMs: 50,
} as const

export function createFixture(name: string): ReplicationFixture {
  const dir = makeWorkDir(name)
  const dbPath = join(dir, 'app.db')
  const replicaDir = join(dir, 'replica')
  const app = openAppDatabase(dbPath)
  const logs: LogLine[] = []
  const logger: Logger = {
    info: (message) => logs.push({ level: 'info', message }),
    warn: (message) => logs.push({ level: 'warn', message }),
    error: (message) => logs.push({ level: 'error', message }),
  }
  const replicators: Replicator[] = []
  let restores = 0
  return {
    dir,
    dbPath,
    replicaDir,
    app,
    logs,
    logger,
    store: () => new FileStore(replicaDir),
    replicator(options = {}) {
      const replicator = createReplicator({
        databasePath: dbPath,
        store: new FileStore(replicaDir),
        logger,
        ...QUIET_OPTIONS,
        ...options,
      })
      replicators.push(replicator)
      return replicator
    },
    async restored(options = {}) {
      const path = join(dir, `restored-${restores++}.db`)
      const result = await restore({
        store: options.store ?? new FileStore(replicaDir),
        outputPath: path,
        ...options,
      })
      const check = integrityCheck(path)
      if (check !== 'ok') throw new Error(`restored database fails integrity_check: ${check}`)
      return { ...digest(path), result, path }
    },
    async dispose() {
      for (const r of replicators) await r.stop().catch(() => undefined)
      app.close()
      removeWorkDir(dir)
    },
  }
}
