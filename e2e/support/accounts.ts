// Arranging accounts for the e2e tests: users are created with the real `npm run user` CLI
// against the e2e server's database, and signed in through the sign-in page.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'
import { CLI_NODE_ARGS } from '../../scripts/lib/cli-node-args'
import { E2E_DATABASE_URL } from './paths'

export const PASSWORD = 'a long e2e password'

export interface E2eUser {
  email: string
  name: string
  password: string
  token: string
}

function userCli(args: string[]): string {
  return execFileSync(process.execPath, [...CLI_NODE_ARGS, 'scripts/user.ts', ...args], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: 'utf8',
  }).trim()
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`
}

/** Creates a user with the CLI and gives it an API token, in one run. */
export function createUser(prefix: string, role: 'listener' | 'host' | 'admin' = 'listener'): E2eUser {
  const email = uniqueEmail(prefix)
  const name = `${prefix} ${email.slice(prefix.length + 1, prefix.length + 5)}`
  // Hosts are granted per show: an e2e host hosts every show there is so far (and the shows it makes).
  const everyShow = role === 'host' ? ['--every-show'] : []
  // One CLI run makes the account and its token (the token alone on the last line).
  const created = userCli([
    'create',
    ...['--email', email, '--password', PASSWORD, '--name', name, '--role', role],
    ...everyShow,
    '--with-token',
  ])
  const token = created.split('\n').pop()!
  return { email, name, password: PASSWORD, token }
}

export function bearer(user: E2eUser): Record<string, string> {
  return { Authorization: `Bearer ${user.token}` }
}

export async function signIn(page: Page, user: E2eUser, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname === next.split('#')[0])
}
