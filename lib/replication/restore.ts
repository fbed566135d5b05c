// Restore: rebuilds a database file from a replica (ours or Litestream's). Downloads the chosen
// snapshot and WAL segments (several at a time, applied in order), checks every LZ4 frame and
// every WAL frame, lets SQLite apply each WAL index with a TRUNCATE checkpoint, verifies the
// result, and only then renames it into place: a failed restore leaves no database behind.
import { existsSync, rmSync, statSync } from 'node:fs'
import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { listReplica, type ReplicaListing, type SegmentInfo } from './listing'
import { decodeLz4Frame } from './lz4'
import { hex8, type Position } from './position'
import { planRestore, RestoreError, type RestorePlan } from './restore-plan'
import type { ReplicaStore } from './store'
import { WalIndexCheck } from './wal-check'

export { RestoreError } from './restore-plan'

/** Objects downloaded at once during a restore (Litestream's -parallelism default). */
export const DEFAULT_RESTORE_PARALLELISM = 8

export interface RestoreOptions {
  readonly store: ReplicaStore
  /** Where to write the database; must not exist. */
  readonly outputPath: string
  /** Point in time (ms since the epoch); default: the latest state. */
  readonly timestampMs?: number
  readonly generation?: string
  readonly parallelism?: number
  /** Run `PRAGMA integrity_check` on the result before renaming it into place (default true). */
  readonly integrityCheck?: boolean
}

export interface RestoreResult {
  readonly generation: string
  readonly snapshotIndex: number
  /** The replica position the restored database corresponds to. */
  readonly position: Position
  readonly segments: number
  readonly databaseBytes: number
}

async function download(store: ReplicaStore, key: string, where: string): Promise<Uint8Array> {
  const stored = await store.get(key).catch((error: unknown) => {
    throw new Error(`download ${key} from ${where}`, { cause: error })
  })
  if (!stored) throw new RestoreError(`${where}: ${key} is missing (deleted while restoring?)`)
  try {
    return decodeLz4Frame(stored)
  } catch (error) {
    throw new RestoreError(`${where}: ${key} is corrupt: ${(error as Error).message}`)
  }
}

function sqlitePageSize(snapshot: Uint8Array, where: string): number {
  const magic = Buffer.from(snapshot.subarray(0, 16)).toString('latin1')
  if (snapshot.length < 100 || magic !== 'SQLite format 3\0')
    throw new RestoreError(`${where}: the snapshot is not an SQLite database`)
  const raw = (snapshot[16]! << 8) | snapshot[17]!
  const pageSize = raw === 1 ? 65536 : raw
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0 || snapshot.length % pageSize !== 0) {
    throw new RestoreError(
      `${where}: the snapshot is ${snapshot.length} bytes, not whole pages of ${pageSize}`,
    )
  }
  return pageSize
}

function applyWal(databasePath: string, check: WalIndexCheck, where: string): void {
  const db = new Database(databasePath)
  try {
    // A connection opens the -wal file only when it first reads; before that a checkpoint is a no-op.
    db.prepare('SELECT count(*) FROM sqlite_master').get()
    // PASSIVE reports how many frames SQLite accepted (TRUNCATE reports 0 once it resets the WAL).
    const [result] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number
      log: number
      checkpointed: number
    }[]
    if (!result || result.busy !== 0 || result.log !== check.frames || result.checkpointed !== check.frames) {
      throw new RestoreError(
        `${where}: SQLite applied ${result?.checkpointed ?? 0} of ${check.frames} WAL frames`,
      )
    }
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

/** Restores the replica in `options.store` into a new database file at `options.outputPath`. */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  if (existsSync(options.outputPath))
    throw new RestoreError(`${options.outputPath} already exists; restore only writes a new file`)
  return restoreFromListing(options, await listReplica(options.store, options.generation))
}

async function restoreFromListing(options: RestoreOptions, listing: ReplicaListing): Promise<RestoreResult> {
  const { store, outputPath } = options
  const plan = planRestore(listing, options, store.description)
  const where = `generation ${plan.generation} of ${store.description}`
  const temporary = `${outputPath}.restoring`
  const cleanUp = () =>
    ['', '-wal', '-shm', '-journal'].forEach((s) => rmSync(temporary + s, { force: true }))
  cleanUp()
  try {
    await mkdir(dirname(outputPath), { recursive: true })
    const snapshot = await download(store, plan.snapshot.key, where)
    const pageSize = sqlitePageSize(snapshot, `${where}: snapshot ${hex8(plan.snapshot.index)}`)
    await writeFile(temporary, snapshot)
    const end = await applyIndexes(
      store,
      plan,
      temporary,
      pageSize,
      where,
      options.parallelism ?? DEFAULT_RESTORE_PARALLELISM,
    )
    if (options.integrityCheck ?? true) verifyIntegrity(temporary, where)
    await rename(temporary, outputPath)
    const databaseBytes = statSync(outputPath).size
    return {
      generation: plan.generation,
      snapshotIndex: plan.snapshot.index,
      position: { generation: plan.generation, index: end.index, offset: end.offset },
      segments: plan.indexes.reduce((n, i) => n + i.segments.length, 0),
      databaseBytes,
    }
  } finally {
    cleanUp()
  }
}

async function applyIndexes(
  store: ReplicaStore,
  plan: RestorePlan,
  databasePath: string,
  pageSize: number,
  where: string,
  parallelism: number,
) {
  const all: SegmentInfo[] = plan.indexes.flatMap((i) => [...i.segments])
  const inFlight = new Map<number, Promise<Uint8Array>>()
  let next = 0
  const fetchAhead = () => {
    while (next < all.length && inFlight.size < Math.max(1, parallelism)) {
      const i = next++
      const promise = download(store, all[i]!.key, where)
      promise.catch(() => undefined) // awaited in order below
      inFlight.set(i, promise)
    }
  }
  let position = 0
  let end = { index: plan.snapshot.index, offset: 0 }
  for (const { index, segments } of plan.indexes) {
    const check = new WalIndexCheck(index, pageSize, where)
    const walPath = `${databasePath}-wal`
    rmSync(walPath, { force: true })
    for (const segment of segments) {
      fetchAhead()
      const bytes = await inFlight.get(position)!
      inFlight.delete(position++)
      check.push(segment, bytes)
      await appendFile(walPath, bytes)
    }
    check.finish()
    if (check.frames > 0) applyWal(databasePath, check, `${where}: WAL index ${hex8(index)}`)
    end = { index, offset: check.lengthBytes }
  }
  return end
}

function verifyIntegrity(databasePath: string, where: string): void {
  const db = new Database(databasePath)
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok')
    if (problems.length > 0)
      throw new RestoreError(
        `${where}: the restored database fails integrity_check: ${problems.slice(0, 3).join('; ')}`,
      )
  } finally {
    db.close()
  }
}

/**
 * For start-up: restores `databasePath` from the replica unless the file already exists.
 * Returns what it did; an empty replica is not an error (a first deploy has nothing to restore).
 */
export async function restoreIfMissing(
  databasePath: string,
  store: ReplicaStore,
): Promise<'exists' | 'no-replica' | 'restored'> {
  if (existsSync(databasePath)) return 'exists'
  // One listing serves both the emptiness check and the restore plan.
  const listing = await listReplica(store)
  if (listing.generations.length === 0) return 'no-replica'
  await restoreFromListing({ store, outputPath: databasePath }, listing)
  return 'restored'
}
