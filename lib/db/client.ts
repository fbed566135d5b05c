// The one Prisma client and the one raw SQL handle of the server process, both cached on
// globalThis so dev-mode reloads do not open new connections. Which engine they talk to is
// lib/db/engine.ts's decision (DATABASE_URL): a SQLite file through better-sqlite3, or a libSQL
// server through @prisma/adapter-libsql and libsql's remote handle (docs/decisions/0022).
import 'server-only'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { engine, env } from '@/lib/env'
import { webProcessReplica } from '@/lib/db/embedded-replica'
import { replicatedPrismaAdapter } from '@/lib/db/replicated-prisma-adapter'
import { replicatedSqlite } from '@/lib/db/replicated-sqlite'
import { localDatabaseFile, type DatabaseEngine } from '@/lib/db/engine'
import { libsqlPrismaAdapter } from '@/lib/db/libsql-prisma'
import { openRemoteSqlite } from '@/lib/db/libsql-remote'
import { BUSY_TIMEOUT_MS, openSqlite, type SqliteDatabase } from '@/lib/db/sqlite'

interface Handles {
  prisma?: PrismaClient
  sqlite?: SqliteDatabase
}

const handles = globalThis as typeof globalThis & { __hearsay?: Handles }
const cache: Handles = (handles.__hearsay ??= {})

export function prisma(): PrismaClient {
  cache.prisma ??= prismaFor(engine)
  return cache.prisma
}

/** The raw handle for FTS5 queries (lib/search/search-sql.ts) and structural sentence writes (lib/sentences/). */
export function sqlite(): SqliteDatabase {
  cache.sqlite ??= sqliteFor(engine)
  return cache.sqlite
}

/** A new Prisma client on `target` (the CLIs and tests own theirs; the app uses prisma()). */
export function prismaFor(target: DatabaseEngine): PrismaClient {
  if (target.kind === 'file') {
    return new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: target.url, timeout: BUSY_TIMEOUT_MS }),
    })
  }
  // ── Embedded replica (LIBSQL_REPLICA_PATH, docs/decisions/0023; helper "replicas") ──
  // A web process reads through its replica file and writes through this adapter to the primary.
  const replica = webProcessReplica(target, env)
  if (replica)
    return new PrismaClient({ adapter: replicatedPrismaAdapter(libsqlPrismaAdapter(target), replica) })
  // ── end embedded replica ──
  return new PrismaClient({ adapter: libsqlPrismaAdapter(target) })
}

/** A new raw handle on `target`: the file opened read-write (so it shares WAL mode), or the server. */
export function sqliteFor(target: DatabaseEngine): SqliteDatabase {
  if (target.kind === 'file') return openSqlite(target.path)
  const primary = openRemoteSqlite(target.url, {
    authToken: target.authToken,
    name: localDatabaseFile(target),
  })
  // ── Embedded replica (LIBSQL_REPLICA_PATH, docs/decisions/0023; helper "replicas") ──
  const replica = webProcessReplica(target, env)
  if (replica) return replicatedSqlite(primary, replica)
  // ── end embedded replica ──
  return primary
}
