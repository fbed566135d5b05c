// The real Litestream v0.3.13 binary (npm @flydotio/litestream-linux-x64), configured to talk only
// to the local S3 test server on 127.0.0.1. Missing binary = a clear failure, never a skip.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

const STOP_TIMEOUT_MS = 10_000

/** Path of the litestream binary; throws with what to do when it is absent (e.g. not linux-x64). */
export function litestreamBinary(): string {
  const require = createRequire(import.meta.url)
  let packageDir: string
  try {
    packageDir = dirname(require.resolve('@flydotio/litestream-linux-x64/package.json'))
  } catch {
    throw new Error(
      '@flydotio/litestream-linux-x64 is not installed: these tests need the real Litestream binary (linux-x64; run npm ci on linux-x64)',
    )
  }
  const binary = join(packageDir, 'litestream')
  if (!existsSync(binary))
    throw new Error(`the Litestream binary is missing at ${binary} (this package only ships linux-x64)`)
  return binary
}

export interface LitestreamReplicaConfig {
  readonly dbPath: string
  readonly endpoint: string
  readonly bucket: string
  readonly path: string
  /** Litestream duration strings, e.g. "100ms". */
  readonly syncInterval?: string
  readonly monitorInterval?: string
  readonly minCheckpointPageCount?: number
}

/** Writes a litestream.yml for one database and one S3 replica on the test server. */
export function writeLitestreamConfig(configPath: string, c: LitestreamReplicaConfig): string {
  if (!c.endpoint.startsWith('http://127.0.0.1:'))
    throw new Error(`refusing a non-local endpoint ${c.endpoint}`)
  const lines = [
    'access-key-id: test',
    'secret-access-key: test',
    'dbs:',
    `  - path: ${c.dbPath}`,
    `    monitor-interval: ${c.monitorInterval ?? '100ms'}`,
    ...(c.minCheckpointPageCount ? [`    min-checkpoint-page-count: ${c.minCheckpointPageCount}`] : []),
    '    replicas:',
    `      - url: s3://${c.bucket}/${c.path}`,
    `        endpoint: ${c.endpoint}`,
    '        region: us-east-1',
    '        force-path-style: true',
    `        sync-interval: ${c.syncInterval ?? '100ms'}`,
  ]
  writeFileSync(configPath, lines.join('\n') + '\n')
  return configPath
}

/** Litestream gets no credentials or AWS settings from our environment, only what the config says. */
const cleanEnv = (): NodeJS.ProcessEnv => ({
  NODE_ENV: process.env.NODE_ENV,
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  HOME: process.env.HOME ?? '/tmp',
})

export interface RunResult {
  readonly code: number
  readonly output: string
}

/** `litestream restore -config <config> -o <output> [-timestamp T] [-generation G] <dbPath>`. */
export function litestreamRestore(
  configPath: string,
  dbPath: string,
  output: string,
  options: { timestamp?: Date; generation?: string } = {},
): Promise<RunResult> {
  const args = ['restore', '-config', configPath, '-o', output]
  if (options.timestamp) args.push('-timestamp', options.timestamp.toISOString())
  if (options.generation) args.push('-generation', options.generation)
  args.push(dbPath)
  return new Promise((resolve) => {
    execFile(litestreamBinary(), args, { env: cleanEnv(), timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}` })
    })
  })
}

export interface LitestreamProcess {
  readonly pid: number
  output(): string
  /** SIGTERM (Litestream then does a final sync) and wait for the exit. */
  stop(): Promise<number | null>
}

/** Starts `litestream replicate -config <config>` and waits until it has started replicating. */
export async function startLitestreamReplicate(configPath: string): Promise<LitestreamProcess> {
  const child: ChildProcess = spawn(litestreamBinary(), ['replicate', '-config', configPath], {
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString())
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  const deadline = Date.now() + 10_000
  while (!/initialized db|replicating to/.test(output)) {
    if (child.exitCode !== null) throw new Error(`litestream replicate exited early:\n${output}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`litestream replicate did not start:\n${output}`)
    }
    await sleep(20)
  }
  return {
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      const [code] = (await exited) as [number | null]
      clearTimeout(timer)
      return code
    },
  }
}
