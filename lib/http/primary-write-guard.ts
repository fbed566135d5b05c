// The web server's door for writes on an embedded-replica node (docs/decisions/0023): while this
// process's replica says the sqld primary cannot be reached, a JSON API write is answered 503 with
// Retry-After before it reaches the app, and a 500 that a write ends in during that time (a write
// Prisma sent before the replica noticed) goes out as the same 503. Reads are never touched: they
// come from the replica file. Used by scripts/web-cluster.ts; a no-op without LIBSQL_REPLICA_PATH.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { processReplica } from '@/lib/db/embedded-replica'
import { PRIMARY_RETRY_AFTER_MS } from '@/lib/db/primary-unavailable'
import { failureMessage, retryAfterSeconds } from '@/lib/failures'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const UNAVAILABLE = { error: 'unavailable', retryAfterMs: PRIMARY_RETRY_AFTER_MS } as const

/** Answers the request (true) when it is a JSON API write and the primary is known to be unreachable. */
export function refuseWriteWhilePrimaryDown(
  request: IncomingMessage,
  response: ServerResponse,
  headers: Record<string, string> = {},
): boolean {
  const replica = processReplica()
  if (!replica || replica.primaryReachable || !isWrite(request)) return false
  if (!(request.url ?? '').startsWith('/api/')) return false
  response.writeHead(503, {
    ...headers,
    'Content-Type': 'application/json',
    'Retry-After': String(retryAfterSeconds(PRIMARY_RETRY_AFTER_MS)),
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify({ error: failureMessage(UNAVAILABLE) }))
  return true
}

/** Turns a write's 500 into 503 + Retry-After when the primary is unreachable by the time it answers. */
export function unavailableInsteadOfServerError(request: IncomingMessage, response: ServerResponse): void {
  if (!isWrite(request) || !processReplica()) return
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    if (statusCode === 500 && processReplica()?.primaryReachable === false) {
      response.setHeader('Retry-After', String(retryAfterSeconds(PRIMARY_RETRY_AFTER_MS)))
      return writeHead(503, ...rest)
    }
    return writeHead(statusCode, ...rest)
  }) as ServerResponse['writeHead']
}

function isWrite(request: IncomingMessage): boolean {
  return WRITE_METHODS.has(request.method ?? '')
}
