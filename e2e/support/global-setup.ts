// Playwright's global setup (after the webServer answers, before any test): starts the account
// service (e2e/support/account-service.ts) once for the whole run and tells the workers where it
// is through the environment (E2E_ACCOUNT_SERVICE_URL, E2E_ACCOUNT_SERVICE_KEY), which they
// inherit. The function it returns is the global teardown: it stops the service. Should the run
// die without a teardown, the service still exits, as its stdin (a pipe from here) closes.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createInterface } from 'node:readline'
import { CLI_NODE_ARGS } from '../../scripts/lib/cli-node-args'
import { E2E_DATABASE_URL } from './paths'

const START_TIMEOUT_MS = 120_000
const STOP_TIMEOUT_MS = 5_000

export default async function globalSetup(): Promise<() => Promise<void>> {
  const key = randomBytes(24).toString('base64url')
  // The environment the `user` CLI ran with (the run's own, DATABASE_URL pointing at the e2e server's database).
  const service = spawn(process.execPath, [...CLI_NODE_ARGS, 'e2e/support/account-service.ts'], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, E2E_ACCOUNT_SERVICE_KEY: key },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let ready = false
  let stopping = false
  const exited = new Promise<void>((resolve) => service.once('exit', () => resolve()))
  service.once('exit', (code, signal) => {
    if (!ready || stopping) return
    // Loud, in the run's output: every createUser() from now on fails too, with its own message.
    console.error(
      `\n*** The e2e account service (pid ${service.pid}) exited (${signal ?? `code ${code}`}) during the run: ` +
        'createUser() cannot make accounts. Its own output is above. ***\n',
    )
  })

  const lines = createInterface({ input: service.stdout! })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the e2e account service did not start within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    )
    service.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`the e2e account service exited (${signal ?? `code ${code}`}) before it was ready`))
    })
    lines.once('line', (line) => {
      clearTimeout(timer)
      const announced = Number((JSON.parse(line) as { port?: unknown }).port)
      if (Number.isInteger(announced) && announced > 0) resolve(announced)
      else reject(new Error(`the e2e account service said ${line}, not its port`))
    })
  }).catch((error: unknown) => {
    service.kill('SIGKILL')
    throw error
  })
  ready = true
  // Anything else it prints goes to the run's output.
  lines.on('line', (line) => console.log(`account service: ${line}`))

  process.env.E2E_ACCOUNT_SERVICE_URL = `http://127.0.0.1:${port}`
  process.env.E2E_ACCOUNT_SERVICE_KEY = key

  return async () => {
    stopping = true
    if (service.exitCode !== null || service.signalCode !== null) return
    service.kill('SIGTERM')
    const timer = setTimeout(() => service.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited
    clearTimeout(timer)
  }
}
