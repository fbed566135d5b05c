// Spam control and input validation: rate limits answer 429 without touching anyone else, and a
// bad request body is a 4xx that writes nothing, with the message next to the field in the UI.
import { expect, test } from '@playwright/test'
import { bearer, createUser, signIn } from './support/accounts'
import { EPISODE, sentenceId, threadOf } from './support/episode'

test('exceeding the comment rate limit answers 429 with Retry-After, and other accounts are unaffected', async ({
  page,
  request,
}) => {
  const fast = await createUser('fast')
  const calm = await createUser('calm')
  const id = await sentenceId(page, 8)
  // The default per-account limit is 10 comments a minute (COMMENT_RATE_ACCOUNT_MAX).
  for (let n = 1; n <= 10; n++) {
    const response = await request.post(`/api/sentences/${id}/comments`, {
      headers: bearer(fast),
      data: { body: `Comment number ${n}` },
    })
    expect(response.status()).toBe(201)
  }
  const limited = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(fast),
    data: { body: 'One more' },
  })
  expect(limited.status()).toBe(429)
  expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0)
  const other = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(calm),
    data: { body: 'I am calm' },
  })
  expect(other.status()).toBe(201)

  await signIn(page, fast, EPISODE)
  await page.locator(`#s-${id}`).click()
  await threadOf(page).getByLabel('Your comment').fill('And from the page')
  await threadOf(page).getByRole('button', { name: 'Comment' }).click()
  await expect(threadOf(page).getByRole('status').filter({ hasText: 'too fast' })).toBeVisible()
})

test('a bad request body gets a 4xx with a clear message and writes nothing', async ({ page, request }) => {
  const user = await createUser('careful')
  const id = await sentenceId(page, 9)
  const before = (await (await request.get(`/api/sentences/${id}/comments`)).json()).comments.length
  const bad: Array<[unknown, RegExp]> = [
    [{}, /body/],
    [{ body: 7 }, /must be a string/],
    [{ body: '' }, /cannot be empty/],
    [{ body: 'x'.repeat(2001) }, /at most 2000/],
    [{ body: 'ok', parentId: 'one' }, /parentId/],
  ]
  for (const [data, message] of bad) {
    const response = await request.post(`/api/sentences/${id}/comments`, { headers: bearer(user), data })
    expect(response.status()).toBe(400)
    expect((await response.json()).error).toMatch(message)
  }
  const unknown = await request.post('/api/sentences/99999999/comments', {
    headers: bearer(user),
    data: { body: 'hi' },
  })
  expect(unknown.status()).toBe(404)
  expect((await unknown.json()).error).toBe('That sentence does not exist.')
  const after = (await (await request.get(`/api/sentences/${id}/comments`)).json()).comments.length
  expect(after).toBe(before)

  await signIn(page, user, EPISODE)
  await page.locator(`#s-${id}`).click()
  await threadOf(page).getByRole('button', { name: 'Comment' }).click()
  const field = threadOf(page).getByLabel('Your comment')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toHaveAccessibleDescription(/cannot be empty/)
})
