// Trust at the edge, where the browser and the real server matter (issue 15): sign-in never
// sends the browser off-site whatever ?next says; odd methods and cross-site server actions are
// refused with 4xx; the client's address comes from the socket, not from X-Forwarded-For.
import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import { createUser, type E2eUser } from './support/accounts'
import { E2E_DATABASE_URL } from './support/paths'

async function signInWith(page: Page, user: E2eUser): Promise<void> {
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Password').fill(user.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

test('sign-in stays on this site whatever ?next says', async ({ page, baseURL }) => {
  test.setTimeout(90_000)
  for (const next of [
    '/%09/evil.example',
    '//evil.example',
    '/%5C%5Cevil.example',
    '/%0A/evil.example',
    '/x%0D%0ASet-Cookie:%20a=b',
    'javascript:alert(1)',
    'https://evil.example',
  ]) {
    await page.goto(`/sign-in?next=${next}`)
    await expect(page.locator('input[name="next"]'), next).toHaveValue('/')
  }

  // The action judges `next` again: a tampered form (a tab, or a newline that once broke the
  // Location header with a 500) still lands on this site.
  const user = await createUser('redirect')
  for (const tampered of ['/\t/evil.example', '/\r\n/evil.example']) {
    await page.context().clearCookies()
    await page.goto('/sign-in')
    await page.locator('input[name="next"]').evaluate((input, value) => {
      ;(input as HTMLInputElement).value = value
    }, tampered)
    await signInWith(page, user)
    await page.waitForURL((url) => url.origin === baseURL && url.pathname === '/')
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(user.name)
  }
})

test('odd methods answer 405 and a cross-site server action 403, never 500', async ({ request }) => {
  for (const method of ['TRACE', 'PROPFIND']) {
    const response = await request.fetch('/api/health', { method, failOnStatusCode: false })
    expect(response.status(), method).toBe(405)
  }
  const forged = await request.post('/episodes/001-sqlite-is-enough', {
    headers: { 'Next-Action': 'a'.repeat(42), Origin: 'http://evil.example', 'Content-Type': 'text/plain' },
    data: '[]',
    failOnStatusCode: false,
  })
  expect(forged.status()).toBe(403)
})

test('the client’s address is the socket’s, whatever X-Forwarded-For claims', async ({ request }) => {
  const user = await createUser('address')
  const signedIn = await request.post('/api/auth/sign-in/email', {
    headers: { 'X-Forwarded-For': '198.51.100.77', 'X-Hearsay-Client-Address': '198.51.100.78' },
    data: { email: user.email, password: user.password },
  })
  expect(signedIn.status()).toBe(200)
  const db = new Database(E2E_DATABASE_URL.replace(/^file:/, ''), { readonly: true })
  try {
    const session = db
      .prepare(
        'SELECT s."ipAddress" AS ip FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE u.email = ? ORDER BY s."createdAt" DESC',
      )
      .get(user.email) as { ip: string | null }
    expect(session.ip).toBe('127.0.0.1')
  } finally {
    db.close()
  }
})
