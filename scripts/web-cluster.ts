// The production web server: Next's request handler in WEB_CONCURRENCY processes sharing one
// port (node:cluster), so a 2-core machine serves on both cores; `next start` is one process.
// Everything shared between requests lives in SQLite or beside it (sessions, rate limits,
// replication status), so any worker can answer any request.
// docs/decisions/0008-web-server-processes.md
// GET /api/search is answered by the worker itself, with the route's own handler, beside Next's
// router (lib/http/direct-routes.ts, docs/decisions/0027); WEB_DIRECT_ROUTES=off sends it
// through Next like everything else.
import cluster from 'node:cluster'
import { createServer } from 'node:http'
import { availableParallelism } from 'node:os'
import next from 'next'
import { z } from 'zod'
import { env } from '@/lib/env'
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '@/lib/http/client-address'
import { answerDirectly, directRouteFor, warmDirectRoutes } from '@/lib/http/direct-routes'
import { ALLOWED_METHODS, isAllowedMethod, methodNotAllowedMessage } from '@/lib/http/methods'
import { refuseWriteWhilePrimaryDown, unavailableInsteadOfServerError } from '@/lib/http/primary-write-guard'
import { catchUpToClientWrites, rememberClientWrite } from '@/lib/http/read-your-writes'
import { NON_PAGE_CSP, STATIC_SECURITY_HEADERS } from '@/lib/http/security-headers'
import { applyStandaloneBuildConfig } from '@/scripts/lib/standalone-config'

/** Server processes; default: one per core, at most 4. HOST and PORT come from lib/env.ts. */
const WebConcurrencySchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(64)
  .default(Math.min(4, availableParallelism()))

/** on: the worker answers the routes instrumentation.ts offers; off: Next answers every request. */
const WebDirectRoutesSchema = z
  .enum(['on', 'off'], { message: 'WEB_DIRECT_ROUTES must be on or off' })
  .default('on')

const settings = {
  HOST: env.HOST,
  PORT: env.PORT,
  WEB_CONCURRENCY: WebConcurrencySchema.parse(process.env.WEB_CONCURRENCY),
  WEB_DIRECT_ROUTES: WebDirectRoutesSchema.parse(process.env.WEB_DIRECT_ROUTES) === 'on',
}

async function serveWorker(): Promise<void> {
  // tsx, which runs this file, turns Node's source maps on for the whole process. Next's server
  // chunks carry 25 MB of maps, parsed and kept as each chunk loads: 35-40 MB of every worker's
  // memory (measured). `next start` leaves them off, and so does this unless asked for.
  if (!`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`.includes('--enable-source-maps'))
    process.setSourceMapsEnabled(false)
  applyStandaloneBuildConfig(process.cwd())
  const app = next({ dev: false, hostname: settings.HOST, port: settings.PORT, dir: process.cwd() })
  await app.prepare()
  const handle = app.getRequestHandler()
  const server = createServer((request, response) => {
    if (!isAllowedMethod(request.method ?? '')) {
      response.writeHead(405, {
        ...STATIC_SECURITY_HEADERS,
        'Content-Security-Policy': NON_PAGE_CSP,
        'Content-Type': 'application/json',
        Allow: ALLOWED_METHODS.join(', '),
      })
      response.end(JSON.stringify({ error: methodNotAllowedMessage(request.method ?? '') }))
      return
    }
    // The one place the client's address is decided (lib/http/client-address.ts): whatever
    // the client sent under this header is replaced before Next, the app or better-auth see it.
    request.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
      {
        socketAddress: request.socket.remoteAddress,
        forwardedFor: request.headers['x-forwarded-for'],
        realIp: request.headers['x-real-ip'],
      },
      env.TRUST_PROXY_HOPS,
    )
    // Embedded-replica nodes (LIBSQL_REPLICA_PATH): writes get a 503, not a 500, while the primary is away.
    const pageless = { ...STATIC_SECURITY_HEADERS, 'Content-Security-Policy': NON_PAGE_CSP }
    if (refuseWriteWhilePrimaryDown(request, response, pageless)) return
    unavailableInsteadOfServerError(request, response)
    // …and a listener reads their own write on whichever node and process answers next.
    catchUpToClientWrites(request)
    rememberClientWrite(request, response)
    const direct = settings.WEB_DIRECT_ROUTES ? directRouteFor(request.method, request.url) : null
    if (direct)
      answerDirectly(direct, request, response, pageless).catch((error: unknown) => {
        // Past the route's own failures (already a 500): writing the answer itself failed.
        console.error(`${request.method} ${request.url}: ${String(error)}`)
        response.destroy()
      })
    else void handle(request, response)
  })
  server.listen(settings.PORT, settings.HOST, () => {
    if (settings.WEB_DIRECT_ROUTES) void warmDirectRoutes()
  })
  // Finish the requests in flight, then exit: their commits are in the WAL for the replicator.
  process.once('SIGTERM', () => server.close(() => process.exit(0)))
  process.once('SIGINT', () => server.close(() => process.exit(0)))
}

/** Each worker's stable slot (0…n-1), kept by its replacement: it names the worker's own replica file. */
const WORKER_SLOT = 'HEARSAY_WORKER_SLOT'

function supervise(): void {
  let stopping = false
  const slots = new Map<number, string>()
  const fork = (slot: string) => {
    const worker = cluster.fork({ [WORKER_SLOT]: slot })
    slots.set(worker.id, slot)
    return worker
  }
  const workers = Array.from({ length: settings.WEB_CONCURRENCY }, (_, slot) => fork(String(slot)))
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === workers.length) {
      console.log(`web: ${workers.length} processes serving http://${settings.HOST}:${settings.PORT}`)
    }
  })
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit()
      return
    }
    if (listening < workers.length) {
      // A process that dies before the server is up (port taken, build missing) would only die again.
      console.error(`web: process ${worker.process.pid} failed to start (${signal ?? code})`)
      stop('SIGTERM')
      process.exitCode = 1
      return
    }
    console.error(`web: process ${worker.process.pid} exited (${signal ?? code}); starting another`)
    fork(slots.get(worker.id) ?? '0')
  })
  const stop = (signal: NodeJS.Signals) => {
    stopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
  }
  process.once('SIGTERM', () => stop('SIGTERM'))
  process.once('SIGINT', () => stop('SIGINT'))
}

if (cluster.isPrimary) supervise()
else await serveWorker()
