// What the replicator reports: in memory (`status()`), and in a small JSON file beside the
// database that other processes read (`npm run replication -- status`, the web app's durable
// wait). The file is replaced atomically; its contents are validated when read back.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { z } from 'zod'
import { GENERATION_ID_PATTERN } from './position'
import { processIsAlive, type StatePaths } from './state-dir'

const PositionSchema = z.object({
  generation: z.string().regex(GENERATION_ID_PATTERN),
  index: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
})

export const ReplicationStatusSchema = z.object({
  /** starting: not synced yet; replicating: last sync succeeded; retrying: storage failing; stopped. */
  state: z.enum(['starting', 'replicating', 'retrying', 'stopped']),
  databasePath: z.string(),
  replica: z.string(),
  generation: z.string().nullable(),
  /** How far the replica reaches: everything before this WAL position is uploaded. */
  position: PositionSchema.nullable(),
  /** Wall-clock time of the last successful sync, ms since the epoch. */
  lastSyncAtMs: z.number().int().nullable(),
  /** Everything committed longer ago than this is in the replica, in ms; null before the first sync. */
  replicationLagMs: z.number().int().nonnegative().nullable(),
  uploadedBytes: z.number().int().nonnegative(),
  uploadedObjects: z.number().int().nonnegative(),
  /** Objects copied from the WAL but not uploaded yet. */
  pendingObjects: z.number().int().nonnegative(),
  /** Why the last sync failed; null once a sync succeeds again (and before any failed). */
  lastError: z.string().nullable(),
  lastErrorAtMs: z.number().int().nullable(),
})
export type ReplicationStatus = z.infer<typeof ReplicationStatusSchema>

export const PublishedStatusSchema = ReplicationStatusSchema.extend({
  pid: z.number().int().positive(),
  /** When the file was written, ms since the epoch. */
  updatedAtMs: z.number().int(),
  /**
   * Every transaction committed before this instant of the machine's monotonic clock
   * (CLOCK_MONOTONIC, microseconds; see durable.ts) is in the replica, and the replica was found to
   * hold the snapshot it rolls forward from after it was uploaded: it was restorable. Moves only
   * when someone waits (a durable wait asks for a sync), so it may lag replicationLagMs.
   */
  durableThroughMonotonicUs: z.number().int().nullable(),
})
export type PublishedStatus = z.infer<typeof PublishedStatusSchema>

export function writeStatusFile(paths: StatePaths, status: PublishedStatus): void {
  const temporary = `${paths.statusFile}.${process.pid}.tmp`
  try {
    mkdirSync(paths.directory, { recursive: true })
    writeFileSync(temporary, JSON.stringify(status, null, 2) + '\n')
    renameSync(temporary, paths.statusFile)
  } catch (error) {
    throw new Error(`write ${paths.statusFile}`, { cause: error })
  }
}

/** The last status a replicator published for this database, or null when none did. */
export function readStatusFile(paths: StatePaths): PublishedStatus | null {
  let text: string
  try {
    text = readFileSync(paths.statusFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new Error(`read ${paths.statusFile}`, { cause: error })
  }
  const parsed = PublishedStatusSchema.safeParse(JSON.parse(text))
  if (!parsed.success)
    throw new Error(`${paths.statusFile} is not a replication status: ${parsed.error.issues[0]?.message}`)
  return parsed.data
}

/** Whether the replicator that published this status is still running (not stopped, not dead). */
export function replicatorIsLive(status: PublishedStatus): boolean {
  return status.state !== 'stopped' && processIsAlive(status.pid)
}
