// Keyboard only, as issue 14 asks: sign in, search, open a hit, play, comment, reply, suggest a
// fix and close the thread without the mouse — and after every step, focus is somewhere
// sensible (never dropped on the page's body). Nothing here clicks.
import { expect, test, type Locator, type Page } from '@playwright/test'
import { bearer, createUser } from './support/accounts'
import { audioState } from './support/player'

// Each test makes its users with the user CLI (a node process apiece) and signs in through the
// built server: on a loaded machine that alone can take most of the default 30 s.
test.describe.configure({ timeout: 180_000 })

/** Presses Tab (Shift+Tab when `backwards`) until `target` has focus; fails past `limit` presses. */
async function tabTo(page: Page, target: Locator, limit: number, backwards = false): Promise<number> {
  for (let presses = 0; presses <= limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false))
      return presses
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${String(target)} not reached in ${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`)
}

/** What has focus, in words, for failure messages and for "not lost" checks. */
function focusedTag(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    return active ? `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ''}` : 'none'
  })
}

test('keyboard only: search, open a hit, play, comment, reply, suggest a fix, close', async ({
  page,
  request,
}) => {
  const user = await createUser('keys')

  // Sign in: Tab to the fields, type, Enter submits.
  await page.goto('/sign-in?next=%2F')
  await tabTo(page, page.getByLabel('Email'), 30)
  await page.keyboard.type(user.email)
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Password')).toBeFocused()
  await page.keyboard.type(user.password)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/')

  // Search from the page header or the home page's box, Enter to search.
  await tabTo(page, page.getByRole('searchbox', { name: 'Search all transcripts' }).first(), 30)
  await page.keyboard.type('"integer primary key"')
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/search\?q=/)

  // Open the hit with Enter.
  const hit = page.getByRole('link', { name: /integer primary key/i }).first()
  await tabTo(page, hit, 40)
  await page.keyboard.press('Enter')
  await page.waitForURL(/\/episodes\/001-sqlite-is-enough#s-\d+$/)
  const anchor = new URL(page.url()).hash.slice(1)
  const sentence = page.locator(`[id="${anchor}"]`)
  const sentenceNumber = Number(anchor.slice(2))

  // The transcript is one tab stop, and it is the linked sentence: reached in a few presses
  // (the page's links and the player come first), however far into the episode it is.
  await sentence.waitFor()
  const presses = await tabTo(page, sentence, 40)
  expect(presses).toBeLessThan(40)
  await expect(sentence).toHaveAttribute('tabindex', '0')
  await expect(page.locator('.transcript [role="button"][tabindex="0"]')).toHaveCount(1)

  // Arrows move by sentence, and back.
  await page.keyboard.press('ArrowDown')
  await expect(sentence).not.toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(sentence).toBeFocused()

  // P plays from the sentence (the demo episode has audio); K pauses it again.
  await page.keyboard.press('p')
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  await page.keyboard.press('k')
  await expect.poll(async () => (await audioState(page)).paused).toBe(true)
  await expect(sentence).toBeFocused()

  // Enter opens the thread, and focus goes into it.
  await page.keyboard.press('Enter')
  const thread = page.getByRole('region', { name: 'Comments on this sentence' })
  await expect(thread).toBeFocused()

  // Comment: Tab to the field, type, Tab to the button, Enter. Focus lands on the new comment.
  const commentField = thread.getByLabel('Your comment')
  await tabTo(page, commentField, 30)
  const commentText = `Typed without a mouse by ${user.name}.`
  await page.keyboard.type(commentText)
  await page.keyboard.press('Tab')
  await expect(thread.getByRole('button', { name: 'Comment' })).toBeFocused()
  await page.keyboard.press('Enter')
  const comment = thread.getByRole('article').filter({ hasText: commentText })
  await expect(comment).toBeFocused()
  await expect(page.locator('#live-announcer')).toHaveText('Comment posted.')

  // Reply: Tab from the comment to its Reply button, Enter; the reply field has focus.
  await tabTo(page, comment.getByRole('button', { name: 'Reply' }), 10)
  await page.keyboard.press('Enter')
  const replyField = thread.getByLabel('Your reply')
  await expect(replyField).toBeFocused()
  // Escape drops the reply form (not the thread) and focus goes back to Reply.
  await page.keyboard.press('Escape')
  await expect(replyField).toHaveCount(0)
  await expect(comment.getByRole('button', { name: 'Reply' })).toBeFocused()
  await expect(thread).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(replyField).toBeFocused()
  const replyText = `And a reply, still by keyboard, by ${user.name}.`
  await page.keyboard.type(replyText)
  await page.keyboard.press('Tab')
  await expect(thread.getByRole('button', { name: 'Post reply' })).toBeFocused()
  await page.keyboard.press('Enter')
  const reply = thread.getByRole('article').filter({ hasText: replyText })
  await expect(reply).toBeFocused()
  await expect(page.locator('#live-announcer')).toHaveText('Reply posted.')

  // Suggest a fix: it sits above the comments, so Shift+Tab back to it.
  const suggest = thread.getByRole('button', { name: 'Suggest a fix' })
  await tabTo(page, suggest, 40, true)
  await page.keyboard.press('Enter')
  const suggestion = thread.getByLabel('Your suggested text')
  await expect(suggestion).toBeFocused()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' (fixed by keyboard)')
  await page.keyboard.press('Tab')
  await expect(thread.getByRole('button', { name: 'Send suggestion' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(thread).toContainText('A host will review it')
  await expect(suggest).toBeFocused()
  await expect(page.locator('#live-announcer')).toHaveText('Suggestion sent. A host will review it.')

  // What this test wrote goes again, so later specs find the demo episode's queue and thread as they were.
  const reviewer = await createUser('keyreviewer', 'host')
  const mine = await (await request.get('/api/suggestions?mine=1', { headers: bearer(user) })).json()
  for (const { id } of mine.suggestions as Array<{ id: number }>) {
    const rejected = await request.post(`/api/suggestions/${id}/reject`, {
      headers: bearer(reviewer),
      data: { reason: 'Only a keyboard test.' },
    })
    expect(rejected.status()).toBe(200)
  }
  for (const article of [reply, comment]) {
    const commentId = (await article.getAttribute('id'))!.slice('c-'.length)
    expect((await request.delete(`/api/comments/${commentId}`, { headers: bearer(user) })).status()).toBe(204)
  }

  // Escape closes the thread; focus is back on the sentence that opened it.
  await page.keyboard.press('Escape')
  await expect(thread).toHaveCount(0)
  await expect(page.locator(`#s-${sentenceNumber}`)).toBeFocused()
  expect(await focusedTag(page)).toBe(`span#s-${sentenceNumber}`)

  // Open it again and close it with its Close button: focus returns to the sentence as well.
  await page.keyboard.press('Enter')
  await expect(thread).toBeFocused()
  await tabTo(page, thread.getByRole('button', { name: 'Close' }), 5)
  await page.keyboard.press('Enter')
  await expect(thread).toHaveCount(0)
  await expect(page.locator(`#s-${sentenceNumber}`)).toBeFocused()
})

test('keyboard only: a host saves a sentence with Ctrl+Enter and focus returns to the sentence', async ({
  page,
  request,
}) => {
  const host = await createUser('keyhost', 'host')
  await page.goto(`/sign-in?next=${encodeURIComponent('/episodes/001-sqlite-is-enough')}`)
  await tabTo(page, page.getByLabel('Email'), 30)
  await page.keyboard.type(host.email)
  await page.keyboard.press('Tab')
  await page.keyboard.type(host.password)
  await page.keyboard.press('Enter')
  await page.waitForURL((url) => url.pathname === '/episodes/001-sqlite-is-enough')

  // Into the transcript (its one tab stop is the first sentence), then a few sentences on.
  const first = page.locator('.transcript [role="button"][tabindex="0"]')
  await tabTo(page, first, 40)
  for (let n = 0; n < 5; n++) await page.keyboard.press('ArrowRight')
  const id = await page.evaluate(() => document.activeElement?.id ?? '')
  expect(id).toMatch(/^s-\d+$/)
  const sentence = page.locator(`[id="${id}"]`)
  const before = (await sentence.innerText()).trim()
  await page.keyboard.press('Enter')
  const thread = page.getByRole('region', { name: 'Comments on this sentence' })
  await expect(thread).toBeFocused()

  const text = thread.getByLabel('Sentence text')
  await tabTo(page, text, 20)
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.type(' Edited by keyboard.')
  // A start time that is not a number: refused, the draft kept, the error under the field.
  const start = thread.getByLabel('Start (ms)')
  await tabTo(page, start, 5)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('soon')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(start).toHaveAttribute('aria-invalid', 'true')
  await expect(start).toBeFocused()
  await expect(text).toHaveValue(`${before} Edited by keyboard.`)

  // Fixed, saved with Ctrl+Enter: announced, and focus is back on the sentence, now edited.
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(String(await sentence.getAttribute('data-start-ms')))
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect.poll(async () => (await sentence.innerText()).trim()).toBe(`${before} Edited by keyboard.`)
  await expect(sentence).toBeFocused()
  await expect(page.locator('#live-announcer')).toHaveText('Sentence saved.')

  // The demo sentence as it was, for the specs after this one.
  const path = `/api/sentences/${id.slice(2)}`
  const { sentence: now } = await (await request.get(path)).json()
  const restored = await request.patch(path, {
    headers: bearer(host),
    data: { text: before, version: now.version },
  })
  expect(restored.status()).toBe(200)
})
