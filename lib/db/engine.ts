// Which database engine this process runs on: the one place that decides (docs/decisions/0022).
//   DATABASE_URL=file:<path>                      → the SQLite file through better-sqlite3 (the default)
//   DATABASE_URL=libsql://… | http://… | https://… → a libSQL server (sqld): Prisma through the libSQL
//                                                   adapter, the raw handle through `libsql` in remote mode
//   DATABASE_AUTH_TOKEN                            → the bearer token sqld wants (optional)
//   LIBSQL_REPLICA_PATH                            → an embedded replica file per process (optional)
// Framework-free and without side effects, so lib/env.ts, the CLIs, the migration helper and the
// test support all read the variables the same way. Nothing outside lib/db branches on `kind`
// except the composition points (scripts/start.ts, the CLIs, tests/support).
import { dirname, join, resolve } from 'node:path'
import { DEFAULT_DATABASE_URL, databasePath, isSqliteFileUrl } from './url'

export type DatabaseEngine =
  | {
      kind: 'file'
      /** DATABASE_URL as given (`file:…`). */
      url: string
      /** The SQLite file, relative to the working directory as Prisma's adapter reads it. */
      path: string
    }
  | {
      kind: 'libsql'
      /** The server's URL as libsql clients take it (libsql://, http:// or https://). */
      url: string
      authToken?: string
      /** A local embedded-replica file that follows `url` (LIBSQL_REPLICA_PATH), if any. */
      replicaPath?: string
    }

export const LIBSQL_URL_SCHEMES = ['libsql:', 'http:', 'https:'] as const

export const DATABASE_URL_MESSAGE =
  'must be a SQLite file URL such as file:./data/hearsay.db, or a libSQL server URL (libsql://, http:// or https://) such as http://127.0.0.1:8080'

/** Where the files that live beside the database go on a server engine without a replica file. */
export const DEFAULT_SERVER_DATA_FOLDER = './data'

/** A libsql://, http:// or https:// URL with a host. */
export function isLibsqlServerUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (LIBSQL_URL_SCHEMES as readonly string[]).includes(parsed.protocol) && parsed.hostname !== ''
  } catch {
    return false
  }
}

export function isDatabaseUrl(url: string): boolean {
  return isSqliteFileUrl(url) || isLibsqlServerUrl(url)
}

/** Why `url` names no database we can open, or null when it does. */
export function databaseUrlProblem(url: string): string | null {
  return isDatabaseUrl(url) ? null : DATABASE_URL_MESSAGE
}

/** process.env, a parsed env, or just these three. */
export interface EngineSource {
  DATABASE_URL?: string
  DATABASE_AUTH_TOKEN?: string
  LIBSQL_REPLICA_PATH?: string
  [other: string]: unknown
}

/**
 * The engine `source` (process.env, or a parsed env) selects. Throws with the variable's name
 * and the accepted forms when DATABASE_URL names neither engine; lib/env.ts reports the same
 * message at start-up, so a bad URL never gets this far in the app.
 */
export function databaseEngine(source: EngineSource): DatabaseEngine {
  const url = source.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL
  if (isSqliteFileUrl(url)) return { kind: 'file', url, path: databasePath(url) }
  if (!isLibsqlServerUrl(url))
    throw new Error(`DATABASE_URL ${DATABASE_URL_MESSAGE} (got ${JSON.stringify(url)})`)
  const authToken = source.DATABASE_AUTH_TOKEN?.trim() || undefined
  const replicaPath = source.LIBSQL_REPLICA_PATH?.trim() || undefined
  return { kind: 'libsql', url, ...(authToken && { authToken }), ...(replicaPath && { replicaPath }) }
}

/**
 * A file path whose folder holds what lives beside the database (the auth secret, uploaded
 * media): the database file itself; on a server, `<replica folder>/hearsay.db` with an embedded
 * replica, else `./data/hearsay.db`. Nothing is written at this path on a server.
 */
export function localDatabaseFile(engine: DatabaseEngine): string {
  if (engine.kind === 'file') return engine.path
  const folder = engine.replicaPath ? dirname(engine.replicaPath) : DEFAULT_SERVER_DATA_FOLDER
  return join(folder, 'hearsay.db')
}

/** One line for logs: which engine and where, never the token. */
export function describeEngine(engine: DatabaseEngine): string {
  if (engine.kind === 'file') return `SQLite file ${resolve(engine.path)}`
  const server = new URL(engine.url)
  const replica = engine.replicaPath ? `, embedded replica ${resolve(engine.replicaPath)}` : ''
  return `libSQL server ${server.protocol}//${server.host}${replica}`
}
