// npm run replication -- status [--json]     what the running replicator last published
// npm run replication -- generations         what the replica (REPLICA_URL) holds
// `status` exits 1 when no live replicator publishes status for DATABASE_URL's database.
import { parseArgs } from 'node:util'
import {
  formatPosition,
  listReplica,
  parseReplicationEnv,
  readStatusFile,
  statePaths,
  storeFromConfig,
  describeError,
} from '../lib/replication'
import { replicatorIsLive } from '../lib/replication/status'
import { skippedOnServerEngine } from './lib/file-engine-only'

const USAGE = 'usage: npm run replication -- status [--json] | generations'
const iso = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString())

function status(json: boolean): number {
  if (skippedOnServerEngine('replication status')) return 0
  const config = parseReplicationEnv(process.env)
  const published = readStatusFile(statePaths(config.databasePath))
  const running = published !== null && replicatorIsLive(published)
  if (json) {
    console.log(JSON.stringify({ running, ...published }, null, 2))
  } else if (!published) {
    console.log(
      `no replicator has run for ${config.databasePath}${config.replicaUrl ? '' : ' (REPLICA_URL is not set)'}`,
    )
  } else {
    const lines: [string, string | number][] = [
      ['database', published.databasePath],
      ['replica', published.replica],
      ['state', running ? published.state : `${published.state} (not running)`],
      ['generation', published.generation ?? '-'],
      ['position', published.position ? formatPosition(published.position) : '-'],
      ['last sync', iso(published.lastSyncAtMs)],
      ['lag', published.replicationLagMs === null ? '-' : `${published.replicationLagMs} ms`],
      ['uploaded', `${published.uploadedObjects} objects, ${published.uploadedBytes} bytes`],
      ['pending', `${published.pendingObjects} objects`],
      ['last error', published.lastError ? `${published.lastError} (${iso(published.lastErrorAtMs)})` : '-'],
    ]
    for (const [name, value] of lines) console.log(`${name.padEnd(11)} ${value}`)
  }
  return running ? 0 : 1
}

async function generations(): Promise<number> {
  // Lists REPLICA_URL, whatever DATABASE_URL names.
  const config = parseReplicationEnv({ ...process.env, DATABASE_URL: undefined })
  const store = storeFromConfig(config)
  try {
    const listing = await listReplica(store)
    if (listing.generations.length === 0) console.log(`${store.description} holds no generations`)
    for (const g of listing.generations) {
      const last = g.segments.at(-1)
      const end = last
        ? formatPosition({ generation: g.generation, index: last.index, offset: last.offset })
        : '-'
      console.log(
        `${g.generation}  ${iso(g.createdAtMs)} .. ${iso(g.updatedAtMs)}  ${g.snapshots.length} snapshots, ${g.segments.length} WAL segments, last segment at ${end}`,
      )
    }
    return 0
  } finally {
    store.close()
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  })
  if (positionals[0] === 'status' && positionals.length === 1) return status(values.json ?? false)
  if (positionals[0] === 'generations' && positionals.length === 1) return generations()
  console.error(USAGE)
  return 2
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeError(error))
    process.exit(1)
  },
)
