// The database streams to its replica while the app runs: a comment is acknowledged only once
// it is in the replica, and a fresh `npm start` with no database file restores from the replica.
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { CLI_NODE_ARGS } from '../scripts/lib/cli-node-args'
import { E2E_REPLICA_FOLDER } from './support/paths'
import { bearer, createUser } from './support/accounts'
import { sentenceId } from './support/episode'

// Beside the e2e server's port (E2E_PORT, 3100 by default), so a second e2e run on another port
// does not collide with this one.
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 9

async function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

test('health reports the replicator running and shipping to the replica folder', async ({ request }) => {
  await expect
    .poll(async () => (await (await request.get('/api/health')).json()).replication, { timeout: 15_000 })
    .toMatchObject({ configured: true, running: true, state: 'replicating', lastError: null })
})

test('a comment acknowledged by the API is in the replica, and npm start restores it on a new machine', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000)
  const listener = await createUser('replicated')
  const id = await sentenceId(page, 3)
  const body = `Durable comment ${Date.now()}`
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(listener),
    data: { body },
  })
  expect(created.status()).toBe(201)

  // A copy of the bucket, as a new machine would see it, and no database file.
  const machine = mkdtempSync(join(tmpdir(), 'hearsay-restore-'))
  const replica = join(machine, 'replica')
  cpSync(E2E_REPLICA_FOLDER, replica, { recursive: true })
  // --no-build: the build the e2e server serves. Were a source newer than it (an edit in the
  // working tree), a rebuild here would replace that build under the running e2e server.
  const server = spawn(process.execPath, [...CLI_NODE_ARGS, 'scripts/start.ts', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${join(machine, 'data', 'hearsay.db')}`,
      REPLICA_URL: `file://${replica}`,
      PORT: String(SECOND_PORT),
      HOST: '127.0.0.1',
      FEED_REFRESH_INTERVAL_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  try {
    const base = `http://127.0.0.1:${SECOND_PORT}`
    await expect
      .poll(async () => (await request.get(`${base}/api/health`).catch(() => null))?.status(), {
        timeout: 60_000,
      })
      .toBe(200)
    expect(output).toContain('restored from file://')
    const comments = await (await request.get(`${base}/api/sentences/${id}/comments`)).json()
    expect(JSON.stringify(comments)).toContain(body)
  } finally {
    server.kill('SIGTERM')
    // The replicator's final sync decides the exit code: 0 means nothing was left unshipped.
    expect(await waitForExit(server)).toBe(0)
    expect(existsSync(join(machine, 'data', 'hearsay.db'))).toBe(true)
    rmSync(machine, { recursive: true, force: true })
  }
})
