// Read-your-writes across nodes and worker processes (docs/decisions/0023). Each web process has
// its own embedded replica; the process that took a write has pulled it before answering, but the
// listener's next request may land on another worker or another node, whose replica catches up
// only at its next sync. So a write's response carries the primary frame it reached (a short-lived
// cookie), and a request that brings that cookie makes its process sync up to that frame before
// anything reads. Browsers send it back by themselves; an API client that wants the same keeps it.
// Used by scripts/web-cluster.ts; a no-op without an embedded replica.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { processReplica } from '@/lib/db/embedded-replica'

export const SEEN_FRAME_COOKIE = 'hearsay-frame'
/** Long enough to outlast any other replica's next sync (LIBSQL_SYNC_INTERVAL_MS) many times over. */
const SEEN_FRAME_MAX_AGE_S = 30
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Before the app reads: catch this process's replica up to the client's last write, if it is behind. */
export function catchUpToClientWrites(request: IncomingMessage): void {
  const replica = processReplica()
  if (!replica) return
  const frame = seenFrame(request.headers.cookie)
  if (frame !== null) replica.catchUpTo(frame)
}

/** After a write answers: tell the client which frame it has seen (the replica holds the write by then). */
export function rememberClientWrite(request: IncomingMessage, response: ServerResponse): void {
  if (!WRITE_METHODS.has(request.method ?? '') || !processReplica()) return
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse
  response.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    const frame = processReplica()?.frame
    if (statusCode < 400 && frame) {
      const cookie = `${SEEN_FRAME_COOKIE}=${frame}; Path=/; Max-Age=${SEEN_FRAME_MAX_AGE_S}; HttpOnly; SameSite=Lax`
      const existing = response.getHeader('set-cookie')
      const cookies = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)]
      // writeHead's own headers argument may name cookies too; Node merges both.
      response.setHeader('set-cookie', [...cookies, cookie])
    }
    return writeHead(statusCode, ...rest)
  }) as ServerResponse['writeHead']
}

/** The frame in the request's cookie, or null. */
export function seenFrame(cookieHeader: string | undefined): number | null {
  if (!cookieHeader) return null
  const match = new RegExp(`(?:^|;\\s*)${SEEN_FRAME_COOKIE}=(\\d{1,15})(?:;|$)`).exec(cookieHeader)
  return match ? Number(match[1]) : null
}
