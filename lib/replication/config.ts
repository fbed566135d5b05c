// Replication settings from the environment, parsed with zod. Exported so the web app (and
// `npm start`) can reuse exactly what the replicate/restore CLIs read.
//   DATABASE_URL            file:./path.db as Prisma uses it (default file:./data/hearsay.db)
//   REPLICA_URL             s3://bucket/path or file:///abs/path; unset = no replication
//   S3_ENDPOINT             http(s)://host:port of an S3-compatible server; unset = AWS
//   S3_REGION               default us-east-1
//   S3_FORCE_PATH_STYLE     true/false; default true when S3_ENDPOINT is set
//   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY    both or neither (neither = the SDK's default chain)
//   REPLICATION_*_MS / *_PAGE_COUNT             the intervals and thresholds in options.ts
import { z } from 'zod'
import { DATABASE_URL_MESSAGE, DEFAULT_DATABASE_URL, databasePath, isSqliteFileUrl } from '../db/url'
import type { Logger } from './log'
import type { ReplicatorOptions } from './options'
import { openStore, parseReplicaUrl, type ReplicaStore } from './store'

export { DEFAULT_DATABASE_URL }

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
const milliseconds = z.coerce.number().int('must be a whole number of milliseconds').nonnegative().optional()
const pages = z.coerce.number().int('must be a whole number of pages').nonnegative().optional()
const flag = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1'))

const EnvSchema = z.object({
  DATABASE_URL: optionalText
    .transform((v) => v ?? DEFAULT_DATABASE_URL)
    .refine(isSqliteFileUrl, DATABASE_URL_MESSAGE),
  REPLICA_URL: optionalText.superRefine((value, ctx) => {
    if (value === undefined) return
    try {
      parseReplicaUrl(value)
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message })
    }
  }),
  S3_ENDPOINT: optionalText.pipe(
    z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  ),
  S3_REGION: optionalText,
  S3_FORCE_PATH_STYLE: flag,
  S3_REQUEST_TIMEOUT_MS: milliseconds,
  AWS_ACCESS_KEY_ID: optionalText,
  AWS_SECRET_ACCESS_KEY: optionalText,
  REPLICATION_SYNC_INTERVAL_MS: z.coerce.number().int().positive('must be at least 1 ms').optional(),
  REPLICATION_SNAPSHOT_INTERVAL_MS: milliseconds,
  REPLICATION_RETENTION_MS: milliseconds,
  REPLICATION_RETENTION_CHECK_INTERVAL_MS: milliseconds,
  REPLICATION_CHECKPOINT_INTERVAL_MS: milliseconds,
  REPLICATION_MIN_CHECKPOINT_PAGE_COUNT: pages,
  REPLICATION_MAX_CHECKPOINT_PAGE_COUNT: pages,
  REPLICATION_TRUNCATE_PAGE_COUNT: pages,
  REPLICATION_STOP_TIMEOUT_MS: milliseconds,
  REPLICATION_REPLICA_CHECK_INTERVAL_MS: milliseconds,
})

export type ReplicationEnv = z.infer<typeof EnvSchema>

export interface ReplicationConfig {
  /** The database file, as DATABASE_URL names it (relative to the working directory, as Prisma reads it). */
  readonly databasePath: string
  /** Null when REPLICA_URL is unset: nothing replicates. */
  readonly replicaUrl: string | null
  readonly env: ReplicationEnv
}

/** Parses replication settings; throws one error listing every invalid variable. */
export function parseReplicationEnv(source: Record<string, string | undefined>): ReplicationConfig {
  const result = EnvSchema.safeParse(source)
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
  if (!source.AWS_ACCESS_KEY_ID?.trim() !== !source.AWS_SECRET_ACCESS_KEY?.trim()) {
    problems.push('  AWS_SECRET_ACCESS_KEY: set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither')
  }
  if (!result.success || problems.length > 0)
    throw new Error(`Invalid replication environment:\n${problems.join('\n')}`)
  const env = result.data
  return {
    databasePath: databasePath(env.DATABASE_URL),
    replicaUrl: env.REPLICA_URL ?? null,
    env,
  }
}

/** Opens the store REPLICA_URL names (or `url`, e.g. from a CLI argument) with the S3_* settings. */
export function storeFromConfig(config: ReplicationConfig, url = config.replicaUrl): ReplicaStore {
  if (!url) throw new Error('REPLICA_URL is not set')
  const { env } = config
  return openStore(url, {
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    accessKeyId: env.AWS_ACCESS_KEY_ID,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
    requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
  })
}

export function replicatorOptionsFromConfig(
  config: ReplicationConfig,
  store: ReplicaStore,
  logger?: Logger,
): ReplicatorOptions {
  const { env } = config
  return {
    databasePath: config.databasePath,
    store,
    logger,
    syncIntervalMs: env.REPLICATION_SYNC_INTERVAL_MS,
    snapshotIntervalMs: env.REPLICATION_SNAPSHOT_INTERVAL_MS,
    retentionMs: env.REPLICATION_RETENTION_MS,
    retentionCheckIntervalMs: env.REPLICATION_RETENTION_CHECK_INTERVAL_MS,
    checkpointIntervalMs: env.REPLICATION_CHECKPOINT_INTERVAL_MS,
    minCheckpointPageCount: env.REPLICATION_MIN_CHECKPOINT_PAGE_COUNT,
    maxCheckpointPageCount: env.REPLICATION_MAX_CHECKPOINT_PAGE_COUNT,
    truncatePageCount: env.REPLICATION_TRUNCATE_PAGE_COUNT,
    stopTimeoutMs: env.REPLICATION_STOP_TIMEOUT_MS,
    replicaCheckIntervalMs: env.REPLICATION_REPLICA_CHECK_INTERVAL_MS,
  }
}
