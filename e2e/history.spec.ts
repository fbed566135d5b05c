// History a host can act on (issue 13 item 3): a find/replace over several sentences is one
// change on the history page, and one click reverts all of it; a reader is offered no revert.
// The revert puts the demo text back for the specs that follow.
import { expect, test } from '@playwright/test'
import { bearer, createUser, signIn } from './support/accounts'
import { EPISODE } from './support/episode'

test('a host reverts a find/replace over several sentences in one click from the history page', async ({
  page,
  browser,
  request,
}) => {
  // An account made by the CLI, a find/replace, a revert and five page loads: more than the default 30 s under load.
  test.setTimeout(300_000)
  const host = await createUser('historian', 'host')
  await signIn(page, host, EPISODE)
  const before = await page.locator('.sentence', { hasText: /\bdatabase\b/i }).count()
  expect(before).toBeGreaterThan(1)

  // The find/replace itself is the episode tools' (e2e/transcript-corrections.spec.ts drives
  // that form); here the host applies it through the same operation over the API.
  const replaced = await request.post(`/api/episodes/${EPISODE.split('/').pop()}/replace`, {
    headers: bearer(host),
    data: { find: 'database', replace: 'datastore', apply: true },
  })
  expect(replaced.status()).toBe(200)
  expect((await replaced.json()).changes).toHaveLength(before)
  await page.reload()
  await expect(page.locator('.sentence', { hasText: /\bdatastore\b/i })).toHaveCount(before)

  await page.goto(`${EPISODE}/history?kind=replace&author=`)
  const change = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: `Find and replace by ${host.name}` }),
  })
  await expect(change).toHaveCount(1)
  await expect(change).toContainText(`${before} sentences`)
  await expect(change.locator('ins', { hasText: 'datastore' })).toHaveCount(before)
  await change.getByRole('button', { name: /^Revert change \d+$/ }).click()
  await expect(change.getByRole('status')).toHaveText(`Reverted: ${before} sentences.`)

  // The revert is itself a change on the page, pointing at the one it undid.
  await page.goto(`${EPISODE}/history`)
  const revert = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: `Revert by ${host.name}` }),
  })
  await expect(revert.first()).toContainText('undoes change')
  await page.goto(EPISODE)
  await expect(page.locator('.sentence', { hasText: /\bdatastore\b/i })).toHaveCount(0)
  await expect(page.locator('.sentence', { hasText: /\bdatabase\b/i })).toHaveCount(before)

  // A reader who is no host sees the history and no revert button (a listener's 403 is in
  // tests/api/change-revert.test.ts).
  const readerContext = await browser.newContext()
  const reader = await readerContext.newPage()
  await reader.goto(`${EPISODE}/history`, { waitUntil: 'domcontentloaded' })
  await expect(
    reader.getByRole('heading', { name: `Find and replace by ${host.name}` }).first(),
  ).toBeVisible()
  await expect(reader.getByRole('button', { name: /^Revert change/ })).toHaveCount(0)
  await readerContext.close()
})
