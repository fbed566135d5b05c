// npm start: the whole app on its embedded default. Creates the database and applies
// migrations, loads the demo episodes into an empty database, builds when the build is
// missing or stale, then serves on http://127.0.0.1:$PORT until SIGTERM/SIGINT.
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { migrateDatabase } from '@/lib/database-setup'
import { seedDemoData } from '@/lib/demo/seed-demo'
import { databasePath, env } from '@/lib/env'
import { openSqlite } from '@/lib/sqlite'
import { buildIsStale } from '@/scripts/lib/build-freshness'

const require = createRequire(import.meta.url)
const nextCli = require.resolve('next/dist/bin/next')
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }

function prepareDatabase(): void {
  const path = databasePath(env.DATABASE_URL)
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

function serve(): void {
  const server = spawn(process.execPath, [nextCli, 'start', '-H', env.HOST, '-p', String(env.PORT)], {
    stdio: 'inherit',
    env: childEnv,
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => server.kill(signal))
  }
  server.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 0 : 1)
  })
}

try {
  prepareDatabase()
  buildIfNeeded()
  serve()
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
}
