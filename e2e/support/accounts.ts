// Arranging accounts for the e2e tests: users are created as `npm run user -- create …
// --with-token` creates them (the same function, lib/users/account-creation.ts), against the e2e
// server's database, by the run's one account service (e2e/support/account-service.ts, started
// by e2e/support/global-setup.ts), and signed in through the sign-in page.
import { randomUUID } from 'node:crypto'
import type { Page } from '@playwright/test'

export const PASSWORD = 'a long e2e password'

export interface E2eUser {
  email: string
  name: string
  password: string
  token: string
}

const SERVICE_TIMEOUT_MS = 20_000

/** Asks the account service for a new account (the `user` CLI's `create`); its token. */
async function accountService(account: {
  email: string
  password: string
  name: string
  role: string
  everyShow: boolean
}): Promise<string> {
  const url = process.env.E2E_ACCOUNT_SERVICE_URL
  const key = process.env.E2E_ACCOUNT_SERVICE_KEY
  if (!url || !key)
    throw new Error(
      'No e2e account service: E2E_ACCOUNT_SERVICE_URL is unset. playwright.config.ts starts it ' +
        '(globalSetup: e2e/support/global-setup.ts); run the specs through that config.',
    )
  const response = await fetch(`${url}/accounts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(account),
    signal: AbortSignal.timeout(SERVICE_TIMEOUT_MS),
  }).catch((error: unknown) => {
    const cause =
      error instanceof Error ? `${error.message}${error.cause ? ` (${String(error.cause)})` : ''}` : error
    throw new Error(
      `The e2e account service at ${url} did not answer: ${String(cause)}. It has died or hangs; ` +
        "its output is in the run's output (e2e/support/account-service.ts).",
    )
  })
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string }
  if (response.status !== 201 || !body.token)
    throw new Error(`The e2e account service answered ${response.status}: ${body.error ?? 'no token'}`)
  return body.token
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`
}

/** Creates a user as `npm run user -- create … --with-token` does, and gives it an API token. */
export async function createUser(
  prefix: string,
  role: 'listener' | 'host' | 'admin' = 'listener',
): Promise<E2eUser> {
  const email = uniqueEmail(prefix)
  const name = `${prefix} ${email.slice(prefix.length + 1, prefix.length + 5)}`
  // Hosts are granted per show: an e2e host hosts every show there is so far (and the shows it
  // makes), as `--every-show` does.
  const everyShow = role === 'host'
  const token = await accountService({ email, password: PASSWORD, name, role, everyShow })
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
