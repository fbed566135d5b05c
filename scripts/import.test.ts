// The import CLI as a host runs it: real files, a real database file, a child process.
import { CLI_NODE_ARGS } from './lib/cli-node-args'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { freshDatabasePath } from '../tests/support/database'
import { openSqlite } from '../lib/db/sqlite'

const run = promisify(execFile)
const FIXTURES = 'tests/fixtures/import'

async function importCli(databasePath: string, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [...CLI_NODE_ARGS, 'scripts/import.ts', ...args], {
      env: { ...process.env, DATABASE_URL: `file:${databasePath}`, CI: 'true' },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function episodeSlugs(databasePath: string): string[] {
  const db = openSqlite(databasePath, { readonly: true })
  try {
    return (db.prepare(`SELECT slug FROM Episode ORDER BY slug`).all() as { slug: string }[]).map(
      (row) => row.slug,
    )
  } finally {
    db.close()
  }
}

describe('npm run import', () => {
  it('imports a folder recursively, reports each file, and goes on past a bad one', async () => {
    const path = freshDatabasePath()
    const result = await importCli(path, `${FIXTURES}/folder`, '--show', 'morning-show')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(
      /✓ .*010_first_light\.vtt → morning-show\/010-first-light \(vtt\): 2 cues, 2 sentences, 2 speakers, 0 repairs/,
    )
    expect(result.stdout).toMatch(
      /✓ .*011-second-wind\.srt → morning-show\/011-second-wind \(srt\): 2 cues, 2 sentences, 2 speakers/,
    )
    expect(result.stdout).toMatch(/✗ .*012-truncated\.vtt(:\d+)?: .+/)
    expect(result.stdout).not.toContain('README')
    expect(result.stdout).toMatch(/Imported 2 of 3 files, 4 sentences, 1 failed/)
    expect(episodeSlugs(path)).toEqual(['010-first-light', '011-second-wind'])
  })

  it.each([
    ['untimed.vtt', /untimed\.vtt(:\d+)?: .*(timestamp|tim)/i],
    ['binary.vtt', /binary\.vtt(:\d+)?: .*binary/i],
    ['empty.vtt', /empty\.vtt(:\d+)?: .*empty/i],
  ])('rejects %s with a message naming the file, and writes nothing', async (file, message) => {
    const path = freshDatabasePath()
    const result = await importCli(path, `${FIXTURES}/${file}`)
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(message)
    expect(episodeSlugs(path)).toEqual([])
  })

  it('refuses a second import of the same episode unless --replace', async () => {
    const path = freshDatabasePath()
    const file = `${FIXTURES}/folder/010_first_light.vtt`
    expect((await importCli(path, file)).code).toBe(0)
    const again = await importCli(path, file)
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('already has a transcript; use --replace')
    const replaced = await importCli(path, file, '--replace')
    expect(replaced.code).toBe(0)
    expect(replaced.stdout).toContain('replaced')
  })

  it('writes nothing on --dry-run', async () => {
    const path = freshDatabasePath()
    const result = await importCli(path, `${FIXTURES}/folder/010_first_light.vtt`, '--dry-run')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Checked (dry run, nothing written) 1 of 1 files')
    expect(episodeSlugs(path)).toEqual([])
  })

  it('explains its usage on bad arguments', async () => {
    const result = await importCli(freshDatabasePath(), '--show', 'Not A Slug', 'x.vtt')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('usage: npm run import')
  })
})
