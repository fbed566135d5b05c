// The embedded replica's tunables (docs/decisions/0023), without imports, so lib/env.ts can
// name the defaults without loading the replica's native modules.

/** How often a replica asks the primary whether it is behind (LIBSQL_SYNC_INTERVAL_MS). */
export const DEFAULT_REPLICA_SYNC_INTERVAL_MS = 500
/** A probe that takes longer than this has failed… */
export const PRIMARY_PROBE_TIMEOUT_MS = 2_000
/** …and this many such failures in a row mean "primary unreachable" (a refused connection at once). */
export const PROBE_TIMEOUTS_BEFORE_UNREACHABLE = 3
/** While the primary is unreachable, probes back off up to this interval. */
export const MAX_PROBE_BACKOFF_MS = 5_000
