// Starts scripts/s3-test-server.mjs (fauxqs on 127.0.0.1, a free port) as a child process and
// stops it by its PID. Each test file starts its own in beforeAll and stops it in afterAll.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../scripts/s3-test-server.mjs', import.meta.url))
const START_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 5_000

export interface BucketStats {
  readonly requests: number
  readonly writeRequests: number
  readonly bytesIn: number
}

export interface S3TestServer {
  readonly endpoint: string
  readonly port: number
  readonly pid: number
  /** Freezes the server process (SIGSTOP): connections hang, as with an unreachable bucket. */
  pause(): void
  /** Thaws it (SIGCONT); the in-memory objects are still there. */
  resume(): void
  /** Makes every S3 request fail with 503 (true) or work again (false). */
  setFailing(failing: boolean): Promise<void>
  stats(): Promise<Record<string, BucketStats>>
  stop(): Promise<void>
}

export async function startS3TestServer(buckets: readonly string[] = ['bucket']): Promise<S3TestServer> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, '0', ...buckets], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`s3 test server did not start within ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    )
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^S3_READY (\d+)$/.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`s3 test server exited with code ${code} before it was ready`))
    })
  }).catch(async (error: unknown) => {
    child.kill('SIGKILL')
    throw error
  })
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    port,
    pid: child.pid!,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    async setFailing(failing) {
      const response = await fetch(`${endpoint}/_test/fault?mode=${failing ? 'error' : 'ok'}`, {
        method: 'POST',
      })
      if (!response.ok) throw new Error(`set fault mode: HTTP ${response.status}`)
    },
    async stats() {
      const response = await fetch(`${endpoint}/_test/stats`)
      const body = (await response.json()) as { byBucket: Record<string, BucketStats> }
      return body.byBucket
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGCONT')
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited
      clearTimeout(timer)
    },
  }
}
