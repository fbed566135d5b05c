// Every response carries the security headers (lib/http/security-headers.ts), and the app's own
// pages run under their CSP: no violation is reported while a listener reads and searches.
import { expect, test } from '@playwright/test'

test('pages and API responses carry CSP, frame-ancestors, nosniff and a referrer policy', async ({
  request,
}) => {
  for (const path of [
    '/',
    '/episodes/001-sqlite-is-enough',
    '/api/health',
    '/episodes/001-sqlite-is-enough/transcript.vtt',
  ]) {
    const response = await request.get(path)
    const headers = response.headers()
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['x-frame-options'], path).toBe('DENY')
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
  }
  const page = (await request.get('/')).headers()['content-security-policy']
  expect(page).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/)
  const again = (await request.get('/')).headers()['content-security-policy']
  expect(again, 'a fresh nonce per request').not.toBe(page)
})

test('the pages run under their CSP without a violation', async ({ page }) => {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  await page.goto('/')
  await page.goto('/episodes/001-sqlite-is-enough')
  // Client components hydrated: a sentence opens its thread.
  await page.locator('.sentence').first().click()
  await expect(page.locator('.comment-panel').first()).toBeVisible()
  await page.goto('/search?q=sqlite')
  await expect(page.locator('mark').first()).toBeVisible()
  expect(violations).toEqual([])
})
