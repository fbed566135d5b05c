// What every operation receives: the data handles, who is calling, and from where. Built by
// the adapters: `requestContext` for route handlers (lib/api/deps.ts), `currentContext` for server
// actions (lib/operations/server-context.ts), by hand in CLIs and tests. No Next imports here,
// so an operation runs the same from a CLI or a test.
import type { Caller } from '@/lib/auth/caller'
import type { CommentPolicy } from '@/lib/comments/policy'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import type { PrismaClient } from '@/lib/generated/prisma/client'

export interface DataHandles {
  db: PrismaClient
  /** The raw connection (FTS5, structural sentence writes); the same file as `db`. */
  sqlite: SqliteDatabase
  policy: CommentPolicy
}

export interface OperationContext extends DataHandles {
  caller: Caller | null
  /** The client's address, for per-address limits. */
  ip: string
  now?: Date
}
