// Listeners comment on single sentences: sign up, comment, reply, edit, delete, permalinks;
// what signed-out readers, listeners and banned users may do.
import { expect, test } from '@playwright/test'
import { bearer, createUser, signIn, uniqueEmail, PASSWORD } from './support/accounts'
import { EPISODE, sentenceId, threadOf } from './support/episode'

test('a new listener signs up, comments on a sentence, replies, and finds both after a reload and by permalink', async ({
  page,
}) => {
  // Signing in after signing up is one page more than it was.
  test.setTimeout(60_000)
  const email = uniqueEmail('nora')
  await page.goto(`/sign-up?next=${encodeURIComponent(EPISODE)}`)
  await page.getByLabel('Display name').fill('Nora Listener')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel(/^Password/).fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  // Sign-up signs nobody in (a taken email must get the same answer); the sign-in page follows.
  await page.waitForURL((url) => url.pathname === '/sign-in')
  await expect(page.getByRole('status').first()).toContainText('its account is ready')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`**${EPISODE}`)
  await expect(page.getByRole('navigation', { name: 'Account' })).toContainText('Nora Listener')

  const sentence = page.locator('.sentence').nth(3)
  const anchor = await sentence.getAttribute('id')
  await sentence.click()
  const thread = threadOf(page)
  await thread.getByLabel('Your comment').fill('This is the moment it clicked for me.')
  await thread.getByRole('button', { name: 'Comment' }).click()
  const first = thread.getByRole('article', { name: 'Comment by Nora Listener' }).first()
  await expect(first).toContainText('This is the moment it clicked for me.')

  await first.getByRole('button', { name: 'Reply' }).click()
  await thread.getByLabel('Your reply').fill('Replying to my own thought.')
  await thread.getByRole('button', { name: 'Post reply' }).click()
  await expect(thread.getByText('Replying to my own thought.')).toBeVisible()

  await page.reload()
  await expect(page.locator(`#count-${anchor!.slice(2)}`)).toHaveText(/^2/)
  await page.locator(`[id="${anchor}"]`).press('Enter')
  await expect(threadOf(page).getByText('This is the moment it clicked for me.')).toBeVisible()
  const reply = threadOf(page).locator('.replies article').filter({ hasText: 'Replying to my own thought.' })
  const replyAnchor = await reply.getAttribute('id')

  await page.goto('/')
  await page.goto(`${EPISODE}#${replyAnchor}`)
  await expect(page.locator(`[id="${replyAnchor}"]`)).toBeInViewport()
  await expect(threadOf(page)).toContainText('This is the moment it clicked for me.')
})

test('a listener edits and deletes their own comment, and cannot touch anyone else’s', async ({
  page,
  request,
}) => {
  const owner = await createUser('owner')
  const other = await createUser('other')
  const id = await sentenceId(page, 4)
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(owner),
    data: { body: 'Frist!' },
  })
  const { comment } = await created.json()
  const byOther = await request.patch(`/api/comments/${comment.id}`, {
    headers: bearer(other),
    data: { body: 'Mine' },
  })
  expect(byOther.status()).toBe(403)

  await signIn(page, owner, EPISODE)
  await page.locator(`#s-${id}`).click()
  const mine = threadOf(page).locator(`[id="c-${comment.id}"]`)
  await mine.getByRole('button', { name: 'Edit' }).click()
  await mine.getByLabel('Edit your comment').fill('First!')
  await mine.getByRole('button', { name: 'Save' }).click()
  await expect(mine).toContainText('First!')
  await expect(mine).toContainText('(edited)')
  await mine.getByRole('button', { name: 'Delete' }).click()
  await expect(threadOf(page).locator(`[id="c-${comment.id}"]`)).toHaveCount(0)
  await expect(threadOf(page)).toContainText('No comments on this sentence yet.')
})

test('signed-out readers see comments and an invitation to sign in, and the API answers 401', async ({
  page,
  request,
}) => {
  await page.goto('/episodes/002-streaming-backups')
  await expect(page.getByText("There aren't comments yet for this episode.")).toBeVisible()

  const author = await createUser('writer')
  const id = await sentenceId(page, 5)
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(author),
    data: { body: 'Readable by everyone.' },
  })
  expect(created.status()).toBe(201)

  await page.goto(EPISODE)
  await page.locator(`#s-${id}`).click()
  await expect(threadOf(page)).toContainText('Readable by everyone.')
  await expect(threadOf(page).getByRole('link', { name: 'Sign in' })).toBeVisible()
  await expect(threadOf(page).getByRole('textbox')).toHaveCount(0)

  const anonymous = await request.post(`/api/sentences/${id}/comments`, { data: { body: 'Let me in' } })
  expect(anonymous.status()).toBe(401)
  expect((await request.get(`/api/sentences/${id}/comments`)).status()).toBe(200)
})

test('a listener cannot moderate (403), and a banned user cannot post', async ({ page, request }) => {
  const listener = await createUser('listener')
  const troll = await createUser('troll')
  const host = await createUser('host', 'host')
  const id = await sentenceId(page, 6)
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(troll),
    data: { body: 'Something rude.' },
  })
  const { comment } = await created.json()

  const byListener = await request.post(`/api/comments/${comment.id}/moderation`, {
    headers: bearer(listener),
    data: { action: 'hide' },
  })
  expect(byListener.status()).toBe(403)
  const report = await request.post(`/api/comments/${comment.id}/reports`, {
    headers: bearer(listener),
    data: {},
  })
  expect(report.status()).toBe(201)

  const users = await request.get('/api/moderation/queue', { headers: bearer(host) })
  const item = (await users.json()).items.find(
    (entry: { comment: { id: number } }) => entry.comment.id === comment.id,
  )
  const ban = await request.post(`/api/users/${item.comment.author.id}/ban`, {
    headers: bearer(host),
    data: { banned: true },
  })
  expect(ban.status()).toBe(200)

  const refused = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(troll),
    data: { body: 'Trying again.' },
  })
  expect(refused.status()).toBe(403)
  expect((await refused.json()).error).toMatch(/banned/)

  await signIn(page, troll, EPISODE)
  await page.locator(`#s-${id}`).click()
  await expect(threadOf(page)).toContainText('Your account has been banned from commenting.')
  await expect(threadOf(page).getByLabel('Your comment')).toHaveCount(0)
})

test('an API client signs up and in through /api/auth and comments with the session cookie', async ({
  page,
  request,
  baseURL,
}) => {
  const id = await sentenceId(page, 12)
  const email = uniqueEmail('api')
  const signUp = await request.post('/api/auth/sign-up/email', {
    data: { email, password: PASSWORD, name: 'Api Client' },
  })
  expect(signUp.status()).toBe(200)
  expect(signUp.headers()['set-cookie']).toBeUndefined()
  const signedIn = await request.post('/api/auth/sign-in/email', { data: { email, password: PASSWORD } })
  expect(signedIn.status()).toBe(200)
  const setCookie = signedIn.headers()['set-cookie'] ?? ''
  expect(setCookie).toMatch(/HttpOnly/i)
  expect(setCookie).toMatch(/SameSite=Lax/i)

  // A write riding on the cookie must say it comes from this site (docs/api.md).
  const withoutOrigin = await request.post(`/api/sentences/${id}/comments`, {
    data: { body: 'Posted with a cookie, from nowhere.' },
  })
  expect(withoutOrigin.status()).toBe(403)
  const created = await request.post(`/api/sentences/${id}/comments`, {
    headers: { Origin: baseURL! },
    data: { body: 'Posted with a cookie.' },
  })
  expect(created.status()).toBe(201)
  expect((await created.json()).comment.author.name).toBe('Api Client')
})

test('keyboard users open a sentence’s thread with Enter and close it with Escape', async ({ page }) => {
  await page.goto(EPISODE)
  const sentence = page.locator('.sentence').first()
  await expect(sentence).toHaveAttribute('tabindex', '0')
  await expect(sentence).toHaveAttribute('role', 'button')
  await sentence.focus()
  await page.keyboard.press('Enter')
  await expect(threadOf(page)).toBeVisible()
  await expect(sentence).toHaveAttribute('aria-expanded', 'true')
  await expect(threadOf(page)).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(threadOf(page)).toHaveCount(0)
  await expect(sentence).toBeFocused()
})
