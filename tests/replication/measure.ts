// Measuring replication from outside, for the benchmark: a replicator process's CPU time, and the
// lag from a commit to the first bucket listing that shows an object holding it.
import { type ChildProcess, execSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { decodeLz4Frame } from '../../lib/replication/lz4'
import { readStatusFile } from '../../lib/replication/status'
import { statePaths } from '../../lib/replication/state-dir'
import type { S3Store } from '../../lib/replication/stores/s3'
import { startLitestreamReplicate, writeLitestreamConfig } from './litestream'
import type { S3TestServer } from './s3-server'
import { setTimeout as sleep } from 'node:timers/promises'

/** How long waitFor() waits for a commit to show up, in ms. */
const CATCH_UP_TIMEOUT_MS = 30_000
const CLOCK_TICKS = Number(execSync('getconf CLK_TCK').toString().trim()) || 100

/** Marker text (unique, written in a row) -> commit time, ms since the epoch. */
export type Commits = Map<string, number>

/** User + system CPU time the process has used, in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS // utime + stime
}

/** Lists the bucket every 20 ms; each new WAL segment is decoded once to see which markers it holds. */
export function startProbe(store: S3Store, commits: Commits) {
  const seen = new Set<string>()
  const listedAtMs = new Map<string, number>()
  let running = true
  const loop = (async () => {
    while (running) {
      const listedAt = Date.now()
      for (const object of await store.list('generations/')) {
        if (seen.has(object.key) || !object.key.includes('/wal/')) continue
        seen.add(object.key)
        const bytes = Buffer.from(decodeLz4Frame((await store.get(object.key))!))
        for (const marker of commits.keys())
          if (!listedAtMs.has(marker) && bytes.includes(marker)) listedAtMs.set(marker, listedAt)
      }
      await sleep(20)
    }
  })()
  const lagsMs = (markers: string[]) =>
    markers.map((m) => (listedAtMs.get(m) ?? Number.NaN) - commits.get(m)!)
  const waitFor = async (marker: string) => {
    const deadline = Date.now() + CATCH_UP_TIMEOUT_MS
    while (!listedAtMs.has(marker) && Date.now() < deadline) await sleep(10)
  }
  return { lagsMs, waitFor, stop: async () => ((running = false), await loop) }
}

/** Starts our replicator (`scripts/replicate.ts`) or Litestream beside `dbPath`, replicating to `s3://<name>/db`. */
export async function startReplicator(
  name: 'ours' | 'litestream',
  dir: string,
  dbPath: string,
  server: S3TestServer,
) {
  if (name === 'ours') {
    const env = {
      ...process.env,
      DATABASE_URL: `file:${dbPath}`,
      REPLICA_URL: `s3://${name}/db`,
      S3_ENDPOINT: server.endpoint,
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
    }
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/replicate.ts'], {
      env,
      stdio: 'ignore',
    })
    while (readStatusFile(statePaths(dbPath))?.state !== 'replicating') await sleep(20)
    return { pid: child.pid!, stop: async () => (child.kill('SIGTERM'), await once(child, 'exit')) }
  }
  const config = writeLitestreamConfig(join(dir, 'litestream.yml'), {
    dbPath,
    endpoint: server.endpoint,
    bucket: name,
    path: 'db',
    syncInterval: '1s',
    monitorInterval: '1s',
  })
  const litestream = await startLitestreamReplicate(config)
  await sleep(1_500) // its first snapshot
  return { pid: litestream.pid, stop: () => litestream.stop() }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
export const percentile = (values: number[], p: number) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b)
  return sorted.length
    ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!)
    : Number.NaN
}
