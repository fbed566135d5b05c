// Settings and the inbox in the browser (issue 13 item 5, acceptance: "Tokens can be created and
// revoked in the browser; a revoked token gets 401"): a user makes a token on /settings, a script
// writes with it (201), the user revokes it, the same write gets 401; a reply to a user's comment
// shows as an unread count in the header and an entry in /inbox, read once opened.
import { expect, test } from '@playwright/test'
import { bearer, createUser, signIn } from './support/accounts'
import { EPISODE, sentenceId } from './support/episode'

test('a token made on the settings page writes through the API until it is revoked there (then 401)', async ({
  page,
  request,
}) => {
  // Two users made by the CLI (a process each) and a handful of pages: slow on a loaded machine.
  test.setTimeout(180_000)
  const user = await createUser('tokens')
  const id = await sentenceId(page, 6)
  await signIn(page, user, '/settings')
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()

  await page.getByLabel('Name', { exact: true }).fill('e2e script')
  await page.getByLabel(/^Expires after/).fill('30')
  await page.getByRole('button', { name: 'Create token' }).click()
  const shown = page.getByLabel('Token', { exact: true })
  await expect(shown).toHaveValue(/^hs_/)
  await expect(page.getByRole('button', { name: 'Copy token' })).toBeVisible()
  const token = await shown.inputValue()

  // A script's write with the token alone (no cookie): 201.
  const write = (body: string) =>
    request.post(`/api/sentences/${id}/comments`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { body },
    })
  expect((await write('Written by my script.')).status()).toBe(201)

  await page.reload()
  const row = page.getByRole('row', { name: /e2e script/ })
  await expect(row).toContainText('Active')
  // Used once: "Last used" is a time, not "Never" (the expiry column is a time as well).
  await expect(row.locator('td').nth(1)).toContainText('UTC')
  await row.getByRole('button', { name: 'Revoke e2e script' }).click()
  await expect(page.getByRole('row', { name: /e2e script/ })).toContainText('Revoked')

  expect((await write('Written after the revoke.')).status()).toBe(401)
  // The CLI's token of the same user still works: only the one token was revoked.
  const other = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(user),
    data: { body: 'Still here with the other token.' },
  })
  expect(other.status()).toBe(201)
})

test('a reply shows as unread in the header and in the inbox, and opening it marks it read', async ({
  page,
  request,
}) => {
  // Two users made by the CLI (a process each) and a handful of pages: slow on a loaded machine.
  test.setTimeout(180_000)
  const ana = await createUser('ana')
  const ben = await createUser('ben')
  const id = await sentenceId(page, 7)
  const post = async (who: typeof ana, data: Record<string, unknown>) => {
    const response = await request.post(`/api/sentences/${id}/comments`, { headers: bearer(who), data })
    expect(response.status()).toBe(201)
    return (await response.json()).comment.id as number
  }
  const parent = await post(ana, { body: 'Is this the part about backups?' })
  await post(ana, { body: 'Answering myself does not count.', parentId: parent })
  await post(ben, { body: 'Yes, right after the intro.', parentId: parent })

  await signIn(page, ana, '/')
  const account = page.getByRole('navigation', { name: 'Account' })
  await expect(account.getByRole('link', { name: 'Inbox 1 unread' })).toBeVisible()
  await account.getByRole('link', { name: /^Inbox/ }).click()
  await page.waitForURL('**/inbox')
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible()
  await expect(page.getByText('1 unread.')).toBeVisible()
  const entry = page.getByRole('link', { name: `${ben.name} replied to your comment on`, exact: false })
  await expect(entry).toHaveCount(1)
  await expect(page.getByRole('listitem').filter({ hasText: 'Yes, right after the intro.' })).toContainText(
    'New',
  )

  await entry.click()
  await page.waitForURL((url) => url.pathname === EPISODE && url.hash === `#s-${id}`)
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Inbox', exact: true }),
  ).toBeVisible()
  await page.goto('/inbox')
  await expect(page.getByText('Nothing unread.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Mark all read' })).toHaveCount(0)
})
