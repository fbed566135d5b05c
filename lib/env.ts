// The environment, parsed once. Everything else reads `env`, never process.env directly.
import { z } from 'zod'
import { DEFAULT_DATABASE_URL } from '@/lib/db/url'
import { DATABASE_URL_MESSAGE, databaseEngine, isDatabaseUrl, type DatabaseEngine } from '@/lib/db/engine'
import { DEFAULT_REPLICA_SYNC_INTERVAL_MS } from '@/lib/db/replica-settings'
import {
  DEFAULT_CHAPTERS_MAX_BYTES,
  DEFAULT_CHAPTERS_TIMEOUT_MS,
  DEFAULT_FEED_MAX_BYTES,
  DEFAULT_FEED_TIMEOUT_MS,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TRANSCRIPT_MAX_BYTES,
  DEFAULT_TRANSCRIPT_TIMEOUT_MS,
} from '@/lib/feeds/fetch-limits'

export { databasePath, DEFAULT_DATABASE_URL } from '@/lib/db/url'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** The database: a SQLite file (file:…) or a libSQL server (libsql://, http(s)://); lib/db/engine.ts. */
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine(isDatabaseUrl, { message: DATABASE_URL_MESSAGE }),
  /** The bearer token a libSQL server wants (ignored for a file). */
  DATABASE_AUTH_TOKEN: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** A local embedded-replica file that follows the libSQL server (ignored for a file). */
  LIBSQL_REPLICA_PATH: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined),
  /** How often an embedded replica asks the primary for new frames (ms): its staleness bound (docs/decisions/0023). */
  LIBSQL_SYNC_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(10)
    .max(60_000)
    .default(DEFAULT_REPLICA_SYNC_INTERVAL_MS),
  /** Set by scripts/web-cluster.ts for each web process: its own replica file (replica.db → replica-w0.db). */
  HEARSAY_WORKER_SLOT: z.string().regex(/^\d+$/).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Signs session cookies; at least 32 characters. Unset: a random one is kept next to the database (lib/auth/secret.ts). */
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  /** The public origin (https://… in production makes cookies Secure). Unset: http://HOST:PORT. */
  BETTER_AUTH_URL: z.url().optional(),
  /**
   * Reverse proxies in front of the server that append to X-Forwarded-For. 0 (default): the
   * client is the socket's peer and forwarding headers are ignored (lib/http/client-address.ts).
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Sign-in and sign-up attempts per IP and per email per window (lib/rate-limit.ts, counted in SQLite). */
  SIGN_IN_RATE_MAX: z.coerce.number().int().min(1).default(10),
  SIGN_IN_RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** New comments per account per window; 0 switches the limit off. */
  COMMENT_RATE_ACCOUNT_MAX: z.coerce.number().int().min(0).default(10),
  /** New comments per client IP per window (generous: one IP may be many people); 0 = off. */
  COMMENT_RATE_IP_MAX: z.coerce.number().int().min(0).default(60),
  COMMENT_RATE_WINDOW_MS: z.coerce.number().int().min(1000).default(60_000),
  /** The same author posting the same text again within this time is refused; 0 = off. */
  COMMENT_DUPLICATE_WINDOW_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** A listener's first N comments wait for a host's approval; 0 (default) publishes at once. */
  COMMENT_HOLD_FIRST: z.coerce.number().int().min(0).default(0),
  /** Where the database streams (s3://bucket/path or file:///abs/path); the replicator's own settings are in lib/replication/config.ts. Unset: no replication. */
  REPLICA_URL: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined)),
  /** replica (default): a new comment is acknowledged once it is in the replica; local: once committed here. */
  COMMENT_DURABILITY: z.enum(['replica', 'local']).default('replica'),
  /** How long a new comment waits for the replica before answering 503 (ms). */
  COMMENT_DURABLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /**
   * The largest audio file a host may upload (bytes; stored beside the database in media/,
   * lib/media/episode-audio.ts). Default 300 MB, about 5 hours of 128 kbit/s MP3.
   */
  AUDIO_MAX_BYTES: z.coerce.number().int().min(1).max(2_000_000_000).default(300_000_000),
  /**
   * Shows from feeds (lib/feeds/): 1 lets feed, transcript and chapters fetches reach private,
   * loopback and link-local addresses (tests, a feed on the LAN). Off by default: SSRF.
   */
  FEED_ALLOW_PRIVATE: z
    .enum(['0', '1', 'true', 'false', ''])
    .default('0')
    .transform((value) => value === '1' || value === 'true'),
  /** How often `npm start` refreshes every feed, one at a time (ms); 0 switches it off. Default 1 h. */
  FEED_REFRESH_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Deadlines (whole fetch, redirects included) and size caps (after decompression) per kind of file. */
  FEED_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_FEED_TIMEOUT_MS),
  FEED_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_FEED_MAX_BYTES),
  TRANSCRIPT_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_TRANSCRIPT_TIMEOUT_MS),
  TRANSCRIPT_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_TRANSCRIPT_MAX_BYTES),
  CHAPTERS_TIMEOUT_MS: z.coerce.number().int().min(100).default(DEFAULT_CHAPTERS_TIMEOUT_MS),
  CHAPTERS_MAX_BYTES: z.coerce.number().int().min(1).default(DEFAULT_CHAPTERS_MAX_BYTES),
  /** Redirects a feed fetch follows, each hop checked like the first URL. */
  FEED_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(DEFAULT_MAX_REDIRECTS),
})

export type Env = z.infer<typeof EnvSchema>

/** The address users type (BETTER_AUTH_URL, else http://HOST:PORT): session cookies and Origin checks follow it. */
export function publicUrl(source: Pick<Env, 'BETTER_AUTH_URL' | 'HOST' | 'PORT'>): string {
  return source.BETTER_AUTH_URL ?? `http://${source.HOST}:${source.PORT}`
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`Invalid environment:\n${problems.join('\n')}`)
  }
  return result.data
}

// CLIs run under tsx read the project's .env like Next does; tests set their own variables.
if (!process.env.NEXT_RUNTIME && !process.env.VITEST) {
  try {
    process.loadEnvFile()
  } catch {
    // no .env file
  }
}

export const env = parseEnv(process.env)

/** The engine this process runs on (lib/db/engine.ts), from the parsed environment. */
export const engine: DatabaseEngine = databaseEngine(env)
