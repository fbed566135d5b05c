// The one Prisma client (better-sqlite3 adapter) and the one raw SQLite handle of the
// server process, both cached on globalThis so dev-mode reloads do not open new files.
import 'server-only'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '@/lib/generated/prisma/client'
import { databasePath, env } from '@/lib/env'
import { BUSY_TIMEOUT_MS, openSqlite, type SqliteDatabase } from '@/lib/db/sqlite'

interface Handles {
  prisma?: PrismaClient
  sqlite?: SqliteDatabase
}

const handles = globalThis as typeof globalThis & { __hearsay?: Handles }
const cache: Handles = (handles.__hearsay ??= {})

export function prisma(): PrismaClient {
  cache.prisma ??= new PrismaClient({
    adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL, timeout: BUSY_TIMEOUT_MS }),
  })
  return cache.prisma
}

/** The raw handle for FTS5 queries (lib/search/search-sql.ts) and structural sentence writes (lib/sentences/); opened read-write so it shares WAL mode. */
export function sqlite(): SqliteDatabase {
  cache.sqlite ??= openSqlite(databasePath(env.DATABASE_URL))
  return cache.sqlite
}
