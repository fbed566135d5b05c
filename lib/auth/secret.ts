// The secret that signs session cookies. BETTER_AUTH_SECRET wins; without it (a fresh clone,
// the e2e server) a random secret is created once and kept beside the database file, so
// `npm start` needs no configuration and sessions survive restarts. Losing the file only
// signs everybody out.
import 'server-only'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'

export function authSecret(configured: string | undefined, databaseFile: string): string {
  if (configured) return configured
  const file = resolve(`${databaseFile}.auth-secret`)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  // 'wx' fails if another process won the race; then read what it wrote.
  try {
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 })
    return secret
  } catch {
    return readFileSync(file, 'utf8').trim()
  }
}
