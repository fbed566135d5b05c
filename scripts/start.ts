// npm start: the whole app on its embedded default. In order:
//   1. when REPLICA_URL is set and the database file is missing, restore it from the replica;
//   2. create the database / apply migrations; load the demo episodes into an empty database;
//   3. build when the build is missing or older than the sources;
//   4. start the replicator beside the server (docs/decisions/0004-replicator-process.md), then
//      serve on http://$HOST:$PORT;
//   5. when FEED_REFRESH_INTERVAL_MS > 0 (default 1 h), refresh every show's feed on that interval,
//      one at a time, in a child process (`scripts/feed.ts watch`): outside Next's request path, on
//      its own connection, each episode one short write transaction, so requests never wait on it;
//   6. on SIGTERM/SIGINT: stop the server first (in-flight requests finish and commit), stop the
//      feed refresher, then the replicator, which makes its final sync, and exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { migrateDatabase } from '@/lib/db/migrate'
import { seedDemoData } from '@/lib/demo/seed-demo'
import { databasePath, env } from '@/lib/env'
import { parseReplicationEnv, restoreIfMissing, storeFromConfig } from '@/lib/replication'
import { openSqlite } from '@/lib/db/sqlite'
import { buildIsStale } from '@/scripts/lib/build-freshness'
import { CLI_NODE_ARGS } from '@/scripts/lib/cli-node-args'

const require = createRequire(import.meta.url)
const nextCli = require.resolve('next/dist/bin/next')
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const replication = parseReplicationEnv(process.env)

async function restoreIfNeeded(path: string): Promise<void> {
  if (!replication.replicaUrl) {
    console.log('replication: off (set REPLICA_URL to stream the database to S3 or a folder)')
    return
  }
  mkdirSync(dirname(path), { recursive: true })
  const store = storeFromConfig(replication)
  try {
    const outcome = await restoreIfMissing(path, store)
    if (outcome === 'restored') console.log(`database ${path}: restored from ${replication.replicaUrl}`)
    if (outcome === 'no-replica')
      console.log(`replication: ${replication.replicaUrl} is empty; starting a new database`)
  } finally {
    store.close()
  }
}

function prepareDatabase(path: string): void {
  migrateDatabase(env.DATABASE_URL)
  const db = openSqlite(path)
  try {
    const loaded = seedDemoData(db)
    console.log(loaded > 0 ? `database ${path}: loaded ${loaded} demo episodes` : `database ${path}: ready`)
  } finally {
    db.close()
  }
}

function buildIfNeeded(): void {
  if (!buildIsStale(process.cwd())) return
  console.log('building the app (next build)…')
  const build = spawnSync(process.execPath, [nextCli, 'build'], { stdio: 'inherit', env: childEnv })
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`)
}

function startReplicator(): ChildProcess | null {
  if (!replication.replicaUrl) return null
  return spawn(process.execPath, [...CLI_NODE_ARGS, 'scripts/replicate.ts'], {
    stdio: 'inherit',
    env: childEnv,
  })
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? 0)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 0)))
}

function startFeedRefresher(): ChildProcess | null {
  if (env.FEED_REFRESH_INTERVAL_MS === 0) {
    console.log('feeds: no automatic refresh (FEED_REFRESH_INTERVAL_MS=0)')
    return null
  }
  return spawn(process.execPath, [...CLI_NODE_ARGS, 'scripts/feed.ts', 'watch'], {
    stdio: 'inherit',
    env: childEnv,
  })
}

function serve(replicator: ChildProcess | null): void {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/web-cluster.ts'], {
    stdio: 'inherit',
    env: { ...childEnv, NODE_ENV: 'production' },
  })
  const feeds = startFeedRefresher()
  let stopping = false
  // Asked to stop: exit 0 unless the replicator's final sync failed. The server dying on
  // its own is a failure, but the replicator still gets its final sync first.
  const stop = async (signal: NodeJS.Signals | null) => {
    if (stopping) return
    stopping = true
    if (signal) server.kill(signal)
    const serverCode = await exited(server)
    feeds?.kill('SIGTERM')
    if (feeds) await exited(feeds)
    replicator?.kill('SIGTERM')
    const replicatorCode = replicator ? await exited(replicator) : 0
    process.exit(signal ? replicatorCode : serverCode || 1)
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
  server.once('exit', () => void stop(null))
  replicator?.once('exit', (code) => {
    if (!stopping)
      console.error(`replication: the replicator exited (code ${code}); writes are no longer shipped`)
  })
}

try {
  const path = databasePath(env.DATABASE_URL)
  await restoreIfNeeded(path)
  prepareDatabase(path)
  buildIfNeeded()
  serve(startReplicator())
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
