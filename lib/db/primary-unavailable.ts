// "The sqld primary cannot be reached" as one recognisable error, whichever client noticed it
// (libsql's synchronous handle, Prisma's libSQL adapter, an embedded replica's sync). A node in
// that state keeps serving reads from its replica and refuses writes with a 503 and Retry-After
// (lib/failures.ts `unavailable`), never a 500. docs/decisions/0023-embedded-replicas-and-consistency.md
// No imports and no side effects: the write transaction, the replica and the web server share it.

/** What a refused writer is told to wait before trying again. */
export const PRIMARY_RETRY_AFTER_MS = 2_000

export class PrimaryUnavailableError extends Error {
  readonly code = 'PRIMARY_UNAVAILABLE'
  constructor(
    readonly primary: string,
    cause: unknown,
  ) {
    super(`the database primary ${primary} cannot be reached: ${describe(cause)}`, { cause })
    this.name = 'PrimaryUnavailableError'
  }
}

// How the clients say it (seen against sqld 0.24.32; docs/scaling.md):
// - libsql (sync API, remote): Hrana(Http("error trying to connect: tcp connect error: Connection refused (os error 111)"))
// - libsql embedded replica: sync error: error trying to connect…, Replication(PrimaryHandshakeTimeout)
// - @libsql/client over HTTP (Prisma's adapter): fetch failed (cause ECONNREFUSED), or a 502/503/504 from a proxy
const UNREACHABLE = [
  /error trying to connect/i,
  /connection (refused|reset|closed)/i,
  /PrimaryHandshakeTimeout/,
  /\bfetch failed\b/i,
  /\b(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|UND_ERR_SOCKET|UND_ERR_CONNECT_TIMEOUT)\b/,
  /Server returned HTTP status 50[234]/i,
  /dns error|failed to lookup address/i,
]

/** Whether `error` (or anything in its cause chain) says the primary could not be reached. */
export function isPrimaryUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof PrimaryUnavailableError) return true
    const text = describe(current)
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && UNREACHABLE.some((pattern) => pattern.test(code))) return true
    if (UNREACHABLE.some((pattern) => pattern.test(text))) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** For best-effort bookkeeping writes on a read path (a token's last use): skipped while the primary is away. */
export function ignorePrimaryUnavailable(error: unknown): void {
  if (!isPrimaryUnavailable(error)) throw error
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
