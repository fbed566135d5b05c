// npm run restore -- -o <path> [--timestamp <ISO 8601>] [--generation <id>] [<replica-url>]
// Rebuilds a database from a replica (ours or Litestream's); the replica URL defaults to REPLICA_URL.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  formatPosition,
  GENERATION_ID_PATTERN,
  parseReplicationEnv,
  restore,
  storeFromConfig,
  describeError,
} from '../lib/replication'

const USAGE =
  'usage: npm run restore -- -o <path> [--timestamp <ISO 8601>] [--generation <16 hex>] [<replica-url>]'

const ArgsSchema = z.object({
  output: z.string({ message: '-o <path> is required' }).min(1, '-o <path> is required'),
  timestamp: z.iso
    .datetime({ offset: true, message: '--timestamp must be an ISO 8601 time such as 2026-11-23T19:18:02Z' })
    .optional(),
  generation: z
    .string()
    .regex(GENERATION_ID_PATTERN, '--generation must be 16 lowercase hex characters')
    .optional(),
  replicaUrl: z
    .string({ message: 'give a replica URL or set REPLICA_URL' })
    .min(1, 'give a replica URL or set REPLICA_URL'),
})

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      output: { type: 'string', short: 'o' },
      timestamp: { type: 'string' },
      generation: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  if (positionals.length > 1)
    throw new Error(`expected at most one replica URL, got ${positionals.length}\n${USAGE}`)
  // The output is -o's file, whatever DATABASE_URL names (a libSQL server is fine here).
  const config = parseReplicationEnv({ ...process.env, DATABASE_URL: undefined })
  const parsed = ArgsSchema.safeParse({
    ...values,
    replicaUrl: positionals[0] ?? config.replicaUrl ?? undefined,
  })
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`)
  const args = parsed.data
  const store = storeFromConfig(config, args.replicaUrl)
  try {
    const result = await restore({
      store,
      outputPath: args.output,
      timestampMs: args.timestamp === undefined ? undefined : Date.parse(args.timestamp),
      generation: args.generation,
    })
    console.log(
      `restored ${args.output} (${result.databaseBytes} bytes) from ${store.description}: generation ${result.generation}, snapshot ${result.snapshotIndex}, ${result.segments} WAL segments, up to ${formatPosition(result.position)}`,
    )
    return 0
  } finally {
    store.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`restore failed: ${describeError(error)}`)
    process.exit(1)
  },
)
