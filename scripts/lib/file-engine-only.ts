// Litestream-format replication and restore-on-boot stream and rebuild a database FILE; on a
// libSQL server (DATABASE_URL=libsql://… or http(s)://…) there is no file here to stream, and sqld
// keeps its own WAL and backups (docs/decisions/0022, docs/scaling.md). The replication CLIs and
// `npm start` say so in one line and skip that part.
import { databaseEngine, describeEngine } from '@/lib/db/engine'

/** True (after logging why) when DATABASE_URL names a libSQL server, so `what` does not apply. */
export function skippedOnServerEngine(what: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const engine = databaseEngine(env)
  if (engine.kind === 'file') return false
  console.log(
    `${what}: skipped on ${describeEngine(engine)} (Litestream-format replication streams a SQLite file)`,
  )
  return true
}
