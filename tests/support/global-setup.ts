// Builds one template database by replaying every migration with the real `prisma migrate
// deploy`, once per test run; each test copies it (tests/support/database.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { migrateDatabase } from '../../lib/db/migrate'

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabasePath: string
  }
}

export default function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-template-'))
  const path = join(folder, 'template.db')
  migrateDatabase(`file:${path}`)
  project.provide('templateDatabasePath', path)
  return () => rmSync(folder, { recursive: true, force: true })
}
