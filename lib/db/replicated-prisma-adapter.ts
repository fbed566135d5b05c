// Prisma on an embedded-replica node: one driver adapter in front of two connections. A plain
// SELECT outside a transaction reads this process's replica file (better-sqlite3, read-only, as
// in file mode); every other statement and every transaction goes to the primary through the
// libSQL adapter, and a commit pulls the write into the replica before the call returns, so the
// next read (Prisma's or the raw handle's) sees it. docs/decisions/0023-embedded-replicas-and-consistency.md
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils'
import type { EmbeddedReplica } from '@/lib/db/embedded-replica'
import { isPrimaryUnavailable, PrimaryUnavailableError } from '@/lib/db/primary-unavailable'

/** Statements that only read: Prisma's reads on SQLite are plain SELECTs (no CTE, no RETURNING). */
export function isPlainSelect(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && !/\breturning\b/i.test(sql)
}

export function replicatedPrismaAdapter(
  primary: SqlDriverAdapterFactory,
  replica: EmbeddedReplica,
): SqlDriverAdapterFactory {
  return {
    provider: 'sqlite',
    adapterName: primary.adapterName,
    async connect() {
      const local = new PrismaBetterSQLite3({ url: replica.path, readonly: true, fileMustExist: true })
      const [writes, reads] = await Promise.all([primary.connect(), local.connect()])
      return new ReplicatedAdapter(writes, reads, replica)
    },
  }
}

class ReplicatedAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const
  readonly adapterName: string

  constructor(
    private readonly primary: SqlDriverAdapter,
    private readonly local: SqlDriverAdapter,
    private readonly replica: EmbeddedReplica,
  ) {
    this.adapterName = primary.adapterName
  }

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (isPlainSelect(query.sql)) return this.local.queryRaw(query)
    return this.write(() => this.primary.queryRaw(query))
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    return this.write(() => this.primary.executeRaw(query))
  }

  async executeScript(script: string): Promise<void> {
    return this.write(() => this.primary.executeScript(script))
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const transaction = await this.onPrimary(() => this.primary.startTransaction(isolationLevel))
    return new ReplicatedTransaction(transaction, this.replica)
  }

  getConnectionInfo() {
    return this.primary.getConnectionInfo?.() ?? { supportsRelationJoins: false }
  }

  async dispose(): Promise<void> {
    await Promise.all([this.primary.dispose(), this.local.dispose()])
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    const result = await this.onPrimary(run)
    this.replica.syncAfterWrite()
    return result
  }

  private onPrimary<T>(run: () => Promise<T>): Promise<T> {
    return onPrimary(this.replica, run)
  }
}

class ReplicatedTransaction implements Transaction {
  readonly provider = 'sqlite' as const
  readonly adapterName: string
  readonly options: Transaction['options']

  constructor(
    private readonly inner: Transaction,
    private readonly replica: EmbeddedReplica,
  ) {
    this.adapterName = inner.adapterName
    this.options = inner.options
  }

  // Inside a transaction every statement, reads too, runs on the primary: it sees the
  // transaction's own writes and the primary's lock, never the replica's older snapshot.
  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return onPrimary(this.replica, () => this.inner.queryRaw(query))
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return onPrimary(this.replica, () => this.inner.executeRaw(query))
  }

  async commit(): Promise<void> {
    await onPrimary(this.replica, () => this.inner.commit())
    this.replica.syncAfterWrite()
  }

  rollback(): Promise<void> {
    return onPrimary(this.replica, () => this.inner.rollback())
  }
}

async function onPrimary<T>(replica: EmbeddedReplica, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!isPrimaryUnavailable(error)) throw error
    replica.markUnreachable(error)
    throw new PrimaryUnavailableError(replica.primary, error)
  }
}
