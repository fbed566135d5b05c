// Prisma on a libSQL server: @prisma/adapter-libsql (over @libsql/client, HTTP), with its
// transactions behind this process's write gate (lib/db/write-gate.ts), so a raw write
// transaction never blocks the event loop waiting for a lock that a Prisma transaction of this
// same process holds. docs/decisions/0022
import 'server-only'
import { PrismaLibSQL } from '@prisma/adapter-libsql'
import { processWriteGate, type WriteGate } from '@/lib/db/write-gate'

export type LibsqlAdapterFactory = PrismaLibSQL
type Adapter = Awaited<ReturnType<PrismaLibSQL['connect']>>

export function libsqlPrismaAdapter(
  server: { url: string; authToken?: string },
  gate: WriteGate = processWriteGate(),
): PrismaLibSQL {
  const factory = new PrismaLibSQL({
    url: server.url,
    ...(server.authToken && { authToken: server.authToken }),
  })
  const connect = factory.connect.bind(factory)
  factory.connect = async () => gated(await connect(), gate)
  return factory
}

function gated(adapter: Adapter, gate: WriteGate): Adapter {
  const startTransaction = adapter.startTransaction.bind(adapter)
  adapter.startTransaction = async (isolationLevel) => {
    const release = await gate.acquire()
    try {
      const transaction = await startTransaction(isolationLevel)
      const commit = transaction.commit.bind(transaction)
      const rollback = transaction.rollback.bind(transaction)
      transaction.commit = () => commit().finally(release)
      transaction.rollback = () => rollback().finally(release)
      return transaction
    } catch (error) {
      release()
      throw error
    }
  }
  return adapter
}
