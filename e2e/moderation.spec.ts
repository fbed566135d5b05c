// Hosts moderate: the queue shows reported comments, hiding one takes it away from readers,
// and comments can be turned off per episode.
import { expect, test } from '@playwright/test'
import { bearer, createUser, signIn } from './support/accounts'
import { sentenceId } from './support/episode'
import { importEpisode, longConversationVtt } from './support/long-episode'

test('a host hides a reported comment from the moderation queue, and readers no longer see it', async ({
  page,
  request,
}) => {
  const author = await createUser('spammer')
  const reader = await createUser('reader')
  const host = await createUser('host', 'host')
  const id = await sentenceId(page, 10)
  const text = `Buy followers now ${Date.now()}`
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(author),
    data: { body: text },
  })
  const { comment } = await created.json()
  const report = await request.post(`/api/comments/${comment.id}/reports`, {
    headers: bearer(reader),
    data: { reason: 'spam' },
  })
  expect(report.status()).toBe(201)

  await signIn(page, host, '/moderation')
  const entry = page.getByRole('article').filter({ hasText: text })
  await expect(entry).toContainText('1 report')
  await expect(entry).toContainText('Reasons: spam')
  await entry.getByRole('button', { name: 'Hide' }).click()
  await expect(page.getByRole('article').filter({ hasText: text })).toHaveCount(0)

  const list = await (await request.get(`/api/sentences/${id}/comments`)).json()
  expect(list.comments.map((c: { body: string }) => c.body)).not.toContain(text)
})

test('a host turns comments off for an episode and listeners can no longer post', async ({
  page,
  request,
}) => {
  // An episode of its own, so the demo episodes other specs post on are never turned off.
  // Imported before the host is made, so the host hosts its show.
  const { path } = importEpisode(longConversationVtt(20), 'comments-off')
  const host = await createUser('host', 'host')
  const listener = await createUser('listener')
  await signIn(page, host, path)
  const id = Number((await page.locator('.sentence').nth(11).getAttribute('id'))!.slice(2))
  await page.getByRole('button', { name: 'Turn comments off' }).click()
  await expect(page.getByText('Comments are turned off for this episode.')).toBeVisible()

  const refused = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(listener),
    data: { body: 'Can I still?' },
  })
  expect(refused.status()).toBe(403)
  expect((await refused.json()).error).toMatch(/turned off/)

  await page.getByRole('button', { name: 'Turn comments on' }).click()
  await expect(page.getByRole('button', { name: 'Turn comments off' })).toBeVisible()
  const allowed = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(listener),
    data: { body: 'Back on.' },
  })
  expect(allowed.status()).toBe(201)
})

test('an admin makes a listener a host, who can then open the moderation queue', async ({
  page,
  request,
}) => {
  const admin = await createUser('admin', 'admin')
  const listener = await createUser('promoted')
  const before = await request.get('/api/moderation/queue', { headers: bearer(listener) })
  expect(before.status()).toBe(403)

  await signIn(page, admin, '/moderation')
  await page.getByLabel('Email').fill(listener.email)
  await page.getByLabel('Role').selectOption('host')
  await page.getByRole('button', { name: 'Save role' }).click()

  await expect
    .poll(async () => (await request.get('/api/moderation/queue', { headers: bearer(listener) })).status())
    .toBe(200)
})
