import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { authSecret } from './secret'

describe('authSecret', () => {
  it('prefers the configured secret, else creates one beside the database and reuses it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearsay-secret-'))
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }))
    const database = join(folder, 'app.db')
    expect(authSecret('x'.repeat(40), database)).toBe('x'.repeat(40))
    const created = authSecret(undefined, database)
    expect(created.length).toBeGreaterThanOrEqual(32)
    expect(authSecret(undefined, database)).toBe(created)
    expect(readFileSync(`${database}.auth-secret`, 'utf8').trim()).toBe(created)
    expect(statSync(`${database}.auth-secret`).mode & 0o077).toBe(0)
  })
})
