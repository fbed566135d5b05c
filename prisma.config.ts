import path from 'node:path'
import { defineConfig } from 'prisma/config'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'

// With a prisma.config.ts Prisma no longer loads .env itself, yet the schema's
// `url = env("DATABASE_URL")` must resolve or the CLI wants a native engine download.
try {
  process.loadEnvFile()
} catch {
  // no .env file: the default below applies
}
process.env.DATABASE_URL ??= 'file:./data/hearsay.db'

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>

// Prisma 6.19's WASM schema engine replays migrations into its shadow database with
// executeRaw(), i.e. better-sqlite3's prepare(), which refuses a migration holding more than
// one statement (P3006). Such scripts go through executeScript() (exec()) instead.
function multiStatementSafe(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter)
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query)
    } catch (error) {
      if (query.args.length === 0 && /more than one statement/.test(String((error as Error)?.message))) {
        await adapter.executeScript(query.sql)
        return 0
      }
      throw error
    }
  }
  return adapter
}

function sqliteAdapter(url: string) {
  const factory = new PrismaBetterSQLite3({ url })
  const connectToShadowDb = factory.connectToShadowDb.bind(factory)
  factory.connectToShadowDb = async () => multiStatementSafe(await connectToShadowDb())
  return factory
}

export default defineConfig({
  experimental: { adapter: true, externalTables: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  // The FTS5 table and its shadow tables come from a hand-written migration; without this
  // list `migrate diff` would want to drop them.
  tables: {
    external: [
      'SentenceFts',
      'SentenceFts_config',
      'SentenceFts_data',
      'SentenceFts_docsize',
      'SentenceFts_idx',
    ],
  },
  async adapter() {
    return sqliteAdapter(process.env.DATABASE_URL!)
  },
})
