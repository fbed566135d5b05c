// Builds the template databases once per test run by replaying every migration: a file with the
// real `prisma migrate deploy`, and with HEARSAY_TEST_ENGINE=sqld also a sqld data folder migrated
// by lib/db/migrate.ts; each test copies one (tests/support/database.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateDatabase } from '../../lib/db/migrate'
import { startSqld } from './sqld'

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated template file ('' in a sqld run). */
    templateDatabasePath: string
    /** A stopped, migrated sqld data folder (HEARSAY_TEST_ENGINE=sqld only; else ''). */
    templateSqldDataDir: string
  }
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-template-'))
  const onSqld = process.env.HEARSAY_TEST_ENGINE === 'sqld'
  // A sqld run (vitest.sqld.config.ts) opens no file database: no file template to build.
  const path = onSqld ? '' : join(folder, 'template.db')
  if (path) migrateDatabase(`file:${path}`)
  project.provide('templateDatabasePath', path)
  let sqldDataDir = ''
  if (onSqld) {
    sqldDataDir = join(folder, 'template.sqld')
    const server = await startSqld({ dataDir: sqldDataDir })
    try {
      migrateDatabase(server.url)
    } finally {
      await server.stop({ keepData: true })
    }
  }
  project.provide('templateSqldDataDir', sqldDataDir)
  return () => rmSync(folder, { recursive: true, force: true })
}
