// DATABASE_URL, as Prisma's adapter reads it: `file:<path>` relative to the working directory.
// No imports and no side effects, so the app (lib/env.ts), the framework-free replication module
// and the migration helper all read it the same way.

export const DEFAULT_DATABASE_URL = 'file:./data/hearsay.db'

export const DATABASE_URL_MESSAGE = 'must be a SQLite file URL such as file:./data/hearsay.db'

export function isSqliteFileUrl(url: string): boolean {
  return url.startsWith('file:') && url.length > 'file:'.length
}

/** The SQLite file path a `file:` URL names, relative to the working directory as Prisma's adapter reads it. */
export function databasePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '')
}
