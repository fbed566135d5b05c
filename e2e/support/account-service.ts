// The e2e suite's account service: ONE long-lived process that makes accounts the way
// `npm run user -- create … [--every-show] --with-token` does (lib/users/account-creation.ts, the
// same function the CLI calls), against the e2e server's database (DATABASE_URL from its parent,
// as the CLI got it). It saves the suite a CLI process per account (3–4 CPU-seconds of module
// loading each on a 2-core machine; docs/decisions/0026-ci-time.md).
//
// Test-only: started and stopped by e2e/support/global-setup.ts, called by createUser() in
// e2e/support/accounts.ts. It listens on 127.0.0.1 (a port the system picks), answers only
// requests carrying the key its parent gave it, announces `{"port":N}` on stdout once ready, and
// exits when its stdin closes (its parent is gone, however it ended) or on SIGTERM.
//
// POST /accounts {email, password, name?, role?, everyShow?} → 201 {userId, role, token}, or
// 4xx/500 {error} with the CLI's words for the step that failed.
import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { prisma } from '@/lib/db/client'
import { failureMessage } from '@/lib/failures'
import {
  accountStepContext,
  createAccount,
  failedAccountStep,
  operatorContext,
} from '@/lib/users/account-creation'

const KEY = process.env.E2E_ACCOUNT_SERVICE_KEY ?? ''
const MAX_BODY_BYTES = 10_000

function authorized(request: IncomingMessage): boolean {
  const given = Buffer.from(request.headers.authorization ?? '')
  const wanted = Buffer.from(`Bearer ${KEY}`)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = ''
  for await (const chunk of request) {
    body += chunk
    if (body.length > MAX_BODY_BYTES) throw new Error('request body too large')
  }
  return JSON.parse(body)
}

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}

async function create(body: unknown): Promise<{ status: number; body: unknown }> {
  const { everyShow, ...account } = (body ?? {}) as Record<string, unknown>
  const email = String(account.email)
  const steps = await createAccount(operatorContext(), account, {
    everyShow: everyShow === true,
    withToken: true,
  })
  // The CLI's words and exit codes (scripts/user.ts): invalid input is a usage error (400 here).
  const failed = failedAccountStep(steps)
  if (failed)
    return {
      status: failed.failure.error === 'invalid' ? 400 : 422,
      body: { error: `${accountStepContext(failed.step, email)}: ${failureMessage(failed.failure)}` },
    }
  if (!steps.created.ok || !steps.token?.ok) throw new Error('createAccount made no token although asked to')
  return { status: 201, body: { ...steps.created.value, token: steps.token.value.token } }
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (!authorized(request)) return answer(response, 401, { error: 'wrong or missing key' })
  if (request.method !== 'POST' || request.url !== '/accounts')
    return answer(response, 404, { error: 'only POST /accounts' })
  const { status, body } = await create(await readJson(request))
  answer(response, status, body)
}

async function main(): Promise<void> {
  if (KEY.length < 16)
    throw new Error('E2E_ACCOUNT_SERVICE_KEY is missing: start this through e2e/support/global-setup.ts')
  // Load and open everything now (the database, better-auth), so the first account is not the slow one
  // and a broken start fails the run's global setup rather than a test.
  operatorContext()
  await prisma().user.count()
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('e2e account service:', error)
      if (!response.headersSent) answer(response, 500, { error: `account service: ${String(error)}` })
    })
  })
  server.listen(0, '127.0.0.1', () => {
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    process.stdout.write(`${JSON.stringify({ port: address.port })}\n`)
  })
  const stop = () => {
    server.close()
    server.closeAllConnections()
    void prisma()
      .$disconnect()
      .finally(() => process.exit(0))
  }
  process.stdin.on('end', stop).resume()
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('e2e account service could not start:', error)
  process.exit(1)
})
