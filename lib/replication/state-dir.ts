// The replicator's local folder beside the database, `.<name>-replication/` (Litestream keeps
// `.<name>-litestream/`): the published status, the lock that keeps a second replicator off the
// same database, a scratch file for snapshots, and the file other processes touch to ask for a sync.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export interface StatePaths {
  readonly directory: string
  readonly statusFile: string
  readonly lockFile: string
  readonly syncRequestFile: string
  readonly snapshotScratch: string
}

export function statePaths(databasePath: string): StatePaths {
  const directory = join(dirname(databasePath), `.${basename(databasePath)}-replication`)
  return {
    directory,
    statusFile: join(directory, 'status.json'),
    lockFile: join(directory, 'replicator.pid'),
    syncRequestFile: join(directory, 'sync-request'),
    snapshotScratch: join(directory, 'snapshot.tmp'),
  }
}

/** True when a process with this PID exists (signal 0 probes without signalling). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Lock files this process holds (the PID in the file cannot tell two replicators of one process apart). */
const heldLocks = new Set<string>()

/** Takes the one-replicator-per-database lock; returns its release. A dead holder's lock is taken over. */
export function acquireReplicatorLock(paths: StatePaths): () => void {
  mkdirSync(paths.directory, { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(paths.lockFile, `${process.pid}\n`, { flag: 'wx' })
      heldLocks.add(paths.lockFile)
      return () => {
        heldLocks.delete(paths.lockFile)
        rmSync(paths.lockFile, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new Error(`create ${paths.lockFile}`, { cause: error })
    }
    const holder = Number(readFileSync(paths.lockFile, 'utf8').trim())
    const held =
      holder === process.pid
        ? heldLocks.has(paths.lockFile)
        : Number.isInteger(holder) && holder > 0 && processIsAlive(holder)
    if (held) {
      throw new Error(
        `another replicator (pid ${holder}) is already running for this database (${paths.lockFile})`,
      )
    }
    rmSync(paths.lockFile, { force: true }) // left behind by a replicator that died
  }
  throw new Error(`could not take ${paths.lockFile}`)
}

/** Asks the running replicator to sync now instead of at its next interval. */
export function requestSync(paths: StatePaths): void {
  try {
    writeFileSync(paths.syncRequestFile, `${process.pid} ${Date.now()}\n`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`write ${paths.syncRequestFile}`, { cause: error })
  }
}
