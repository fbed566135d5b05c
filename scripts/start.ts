// npm start: the whole app on its embedded default. In order:
//   1. when REPLICA_URL is set and the database file is missing, restore it from the replica
//      (a SQLite file only: on a libSQL server, DATABASE_URL=libsql://… or http(s)://…, steps 1
//      and 4's replicator are skipped with one line each; docs/decisions/0022);
//   2. create the database / apply migrations; load the demo episodes into an empty database;
//   3. build when the build is missing or older than the sources (never with --no-build);
//   4. start the replicator beside the server (docs/decisions/0004-replicator-process.md), then
//      serve on http://$HOST:$PORT;
//   5. when FEED_REFRESH_INTERVAL_MS > 0 (default 1 h), refresh every show's feed on that interval,
//      one at a time, in a child process (`scripts/feed.ts watch`): outside Next's request path, on
//      its own connection, each episode one short write transaction, so requests never wait on it;
//   6. on SIGTERM/SIGINT: stop the server first (in-flight requests finish and commit), stop the
//      feed refresher, then the replicator, which makes its final sync, and exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { sqliteFor } from '@/lib/db/client'
import { describeEngine } from '@/lib/db/engine'
import { migrateDatabase } from '@/lib/db/migrate'
import { seedDemoData } from '@/lib/demo/seed-demo'
import { engine, env } from '@/lib/env'
import { parseReplicationEnv, restoreIfMissing, storeFromConfig } from '@/lib/replication'
import { buildIsStale } from '@/scripts/lib/build-freshness'
import { CLI_NODE_ARGS } from '@/scripts/lib/cli-node-args'
import { skippedOnServerEngine } from '@/scripts/lib/file-engine-only'

const require = createRequire(import.meta.url)
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
// Litestream-format replication streams the database file: none on a libSQL server.
const replication = skippedOnServerEngine('replication and restore on boot')
  ? null
  : parseReplicationEnv(process.env)

async function restoreIfNeeded(): Promise<void> {
  if (!replication || engine.kind !== 'file') return
  const path = engine.path
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

function prepareDatabase(): void {
  migrateDatabase(engine)
  const db = sqliteFor(engine)
  const where = describeEngine(engine)
  try {
    const loaded = seedDemoData(db)
    console.log(loaded > 0 ? `database ${where}: loaded ${loaded} demo episodes` : `database ${where}: ready`)
  } finally {
    db.close()
  }
}

// --no-build: serve the build that is there and never run `next build` (the container image
// ships a standalone build and no compiler: scripts/image/assemble-app.ts).
const NO_BUILD = process.argv.includes('--no-build')

function buildIfNeeded(): void {
  if (NO_BUILD) {
    if (!existsSync(join(process.env.NEXT_DIST_DIR ?? '.next', 'BUILD_ID')))
      throw new Error('--no-build: there is no build to serve (.next/BUILD_ID is missing)')
    return
  }
  if (!buildIsStale(process.cwd())) return
  console.log('building the app (next build)…')
  // Resolved here, not at load: the image's standalone node_modules has no Next CLI.
  const nextCli = require.resolve('next/dist/bin/next')
  const build = spawnSync(process.execPath, [nextCli, 'build'], { stdio: 'inherit', env: childEnv })
  if (build.status !== 0) throw new Error(`next build failed with exit code ${build.status}`)
}

function startReplicator(): ChildProcess | null {
  if (!replication?.replicaUrl) return null
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
  await restoreIfNeeded()
  prepareDatabase()
  buildIfNeeded()
  serve(startReplicator())
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
