// The thin CLIs end to end: npm run replicate / restore / replication -- status, as child processes.
import { CLI_NODE_ARGS } from './lib/cli-node-args'
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { digest, insertNotes, makeWorkDir, openAppDatabase, removeWorkDir } from '../tests/replication/sqlite'
import { readStatusFile } from '../lib/replication/status'
import { statePaths } from '../lib/replication/state-dir'
import { setTimeout as sleep } from 'node:timers/promises'

const script = (name: string) => join(import.meta.dirname, name)

function run(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...CLI_NODE_ARGS, script(name), ...args],
      { env: { ...process.env, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}${stderr}`,
        })
      },
    )
  })
}

let dir: string | undefined
let child: ChildProcess | undefined
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL')
    await once(child, 'exit')
  }
  if (dir) removeWorkDir(dir)
})

describe('replication CLIs', () => {
  it('replicate says once that nothing replicates without REPLICA_URL', async () => {
    dir = makeWorkDir('cli-off')
    const result = await run('replicate.ts', [], {
      DATABASE_URL: `file:${join(dir, 'app.db')}`,
      REPLICA_URL: '',
    })
    expect(result.code).toBe(0)
    expect(result.output.match(/REPLICA_URL is not set: nothing replicates/g)).toHaveLength(1)
  })

  it('replicate exits 1 with the reason when its final sync cannot reach the bucket', async () => {
    dir = makeWorkDir('cli-unreachable')
    const dbPath = join(dir, 'app.db')
    const app = openAppDatabase(dbPath)
    insertNotes(app, 5)
    app.close()
    child = spawn(process.execPath, [...CLI_NODE_ARGS, script('replicate.ts')], {
      env: {
        ...process.env,
        DATABASE_URL: `file:${dbPath}`,
        REPLICA_URL: 's3://bucket/db',
        S3_ENDPOINT: 'http://127.0.0.1:1', // nothing listens on port 1
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        REPLICATION_STOP_TIMEOUT_MS: '300',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const deadline = Date.now() + 20_000
    while (readStatusFile(statePaths(dbPath))?.state !== 'retrying') {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never retried:\n${output}`)
      await sleep(50)
    }
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(1)
    expect(output).toMatch(/final sync failed: nothing has reached the replica yet \(.*ECONNREFUSED/)
  })

  it('replicate runs until SIGTERM with a final sync; status and restore read what it wrote', async () => {
    dir = makeWorkDir('cli')
    const dbPath = join(dir, 'app.db')
    const replicaUrl = `file://${join(dir, 'replica')}`
    const env = {
      DATABASE_URL: `file:${dbPath}`,
      REPLICA_URL: replicaUrl,
      REPLICATION_SYNC_INTERVAL_MS: '60000',
    }
    const app = openAppDatabase(dbPath)
    insertNotes(app, 20)
    child = spawn(process.execPath, [...CLI_NODE_ARGS, script('replicate.ts')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const deadline = Date.now() + 20_000
    while (readStatusFile(statePaths(dbPath))?.state !== 'replicating') {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error('npm run replicate did not start replicating')
      await sleep(50)
    }
    const status = await run('replication.ts', ['status'], env)
    expect(status).toMatchObject({ code: 0 })
    expect(status.output).toMatch(/state\s+replicating/)

    insertNotes(app, 20, { label: 'written just before SIGTERM' }) // only the final sync can ship these
    const exited = once(child, 'exit')
    child.kill('SIGTERM')
    expect((await exited)[0]).toBe(0)
    expect((await run('replication.ts', ['status'], env)).code).toBe(1)

    const output = join(dir, 'restored.db')
    const restored = await run('restore.ts', ['-o', output, replicaUrl], env)
    expect(restored).toMatchObject({ code: 0 })
    expect(restored.output).toMatch(/^restored .*restored\.db \(\d+ bytes\) from file:\/\//)
    expect(digest(output)).toEqual(digest(app))
    app.close()

    const bad = await run(
      'restore.ts',
      ['-o', join(dir, 'x.db'), '--timestamp', 'yesterday', '--generation', 'XYZ'],
      env,
    )
    expect(bad.code).toBe(1)
    expect(bad.output).toContain('--timestamp must be an ISO 8601 time')
    expect(bad.output).toContain('--generation must be 16 lowercase hex characters')
  })
})
