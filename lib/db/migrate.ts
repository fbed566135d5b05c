// Bringing a database file up to date: create its folder, apply pending Prisma migrations.
// Used by `npm start`, the import CLI and the test suites, so every path migrates the same way.
import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { databasePath } from './url'

const require = createRequire(import.meta.url)

/** Applies every pending migration with `prisma migrate deploy` (creates the file when missing). */
export function migrateDatabase(databaseUrl: string, options: { cwd?: string } = {}): void {
  const cwd = options.cwd ?? process.cwd()
  const path = resolve(cwd, databasePath(databaseUrl))
  // The adapter refuses to create a file in a folder that does not exist.
  mkdirSync(dirname(path), { recursive: true })
  const prismaCli = require.resolve('prisma/build/index.js')
  try {
    execFileSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
      cwd,
      env: { ...process.env, DATABASE_URL: `file:${path}`, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (error) {
    const output = error as { stdout?: Buffer; stderr?: Buffer }
    const details = `${output.stdout?.toString() ?? ''}${output.stderr?.toString() ?? ''}`.trim()
    throw new Error(`applying migrations to ${path} failed:\n${details}`, { cause: error })
  }
}
