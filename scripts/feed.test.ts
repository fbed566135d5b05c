// The feed CLI as a host runs it: a child process, a real database file, a fixture server on
// 127.0.0.1 that stands in for a podcast host.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../lib/db/sqlite'
import { freshDatabasePath } from '../tests/support/database'
import { startFixtureServer, type FixtureServer } from '../tests/support/fixture-server'
import { CLI_NODE_ARGS } from './lib/cli-node-args'

const run = promisify(execFile)

let server: FixtureServer
beforeAll(async () => {
  server = await startFixtureServer()
})
afterAll(() => server.close())

async function feedCli(databasePath: string, env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, 'scripts/feed.ts', ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databasePath}`, CI: 'true', ...env },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function count(databasePath: string, table: string): number {
  const db = openSqlite(databasePath, { readonly: true })
  try {
    return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n
  } finally {
    db.close()
  }
}

describe('npm run feed', () => {
  it('adds a show by its feed, prints the report per episode, then refreshes it unchanged', async () => {
    const path = freshDatabasePath()
    const allow = { FEED_ALLOW_PRIVATE: '1' }
    const added = await feedCli(path, allow, 'add', server.url('/podcast.xml'), '--show', 'tides')
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    expect(added.stdout).toContain(`tides (The Tidal Hour), new show ← ${server.url('/podcast.xml')}`)
    expect(added.stdout).toMatch(/✓ imported +reading-the-tides: Reading the tides/)
    expect(added.stdout).toMatch(
      /– no transcript +trailer-welcome-to-the-tidal-hour: Trailer: welcome to The Tidal Hour\n +the feed offers no transcript/,
    )
    expect(added.stdout).toContain('4 imported, 1 no transcript')
    expect(count(path, 'Episode')).toBe(5)

    const refreshed = await feedCli(path, allow, 'refresh', 'tides')
    expect(refreshed.code).toBe(0)
    expect(refreshed.stdout).toContain('[not modified]')
    expect(refreshed.stdout).toMatch(/· unchanged +reading-the-tides/)

    const everything = await feedCli(path, allow, 'refresh', '--full')
    expect(everything.code).toBe(0)
    expect(everything.stdout).toContain('5 unchanged')
  }, 120_000)

  it('refuses a loopback feed without FEED_ALLOW_PRIVATE and exits 1', async () => {
    const path = freshDatabasePath()
    const result = await feedCli(path, { FEED_ALLOW_PRIVATE: '0' }, 'add', server.url('/podcast.xml'))
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /✗ .*refused: 127\.0\.0\.1 is a loopback address \(set FEED_ALLOW_PRIVATE=1 to allow\)/,
    )
    expect(count(path, 'Show')).toBe(0)
  }, 60_000)

  it('exits 2 with the usage on a wrong command line', async () => {
    const result = await feedCli(freshDatabasePath(), {}, 'add')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('npm run feed -- add <url>')
  }, 60_000)
})
