// Hosts correct transcripts in place (issue #5): inline edit with a draft that survives a
// reload, search following the fix, history with a word diff, revert; comments staying on
// their sentence through an edit, a split and a merge; listener suggestions; conflicts.
// Every test puts the demo text back, so specs that run later see the original transcript.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { bearer, createUser, signIn, type E2eUser } from './support/accounts'
import { EPISODE, threadOf } from './support/episode'

async function sentenceWith(page: Page, words: string): Promise<number> {
  const id = await page.locator('.sentence', { hasText: words }).getAttribute('id')
  return Number(id!.slice(2))
}

async function searchIds(request: APIRequestContext, q: string): Promise<number[]> {
  const body = await (await request.get(`/api/search?q=${encodeURIComponent(q)}`)).json()
  return body.hits.map((hit: { sentence: { id: number } }) => hit.sentence.id)
}

async function comment(request: APIRequestContext, user: E2eUser, id: number, body: string): Promise<number> {
  const response = await request.post(`/api/sentences/${id}/comments`, {
    headers: bearer(user),
    data: { body },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).comment.id
}

test('a host fixes a misspelled name: page, search, comment, history with a diff, and revert', async ({
  page,
  request,
}) => {
  // The longest walk of the suite (edit, draft across a reload, search, comment, history, revert):
  // past 30 s on a busy 2-core machine.
  test.setTimeout(60_000)
  const host = await createUser('host', 'host')
  const listener = await createUser('listener')
  await page.goto(EPISODE)
  const id = await sentenceWith(page, 'with me as always is Brian Okin.')
  const commentId = await comment(request, listener, id, 'Who is Brian?')
  await signIn(page, host, EPISODE)

  await page.locator(`#s-${id}`).click()
  const editor = threadOf(page).getByRole('form', { name: 'Edit this sentence' })
  const original = await editor.getByLabel('Sentence text').inputValue()
  const fixed = original.replace('Brian Okin.', 'Brian Okken.')
  await editor.getByLabel('Sentence text').fill(fixed)
  // The draft survives a reload.
  await page.reload()
  await page.locator(`#s-${id}`).click()
  await expect(editor.getByLabel('Sentence text')).toHaveValue(fixed)
  await expect(editor).toContainText('Restored your unsaved draft.')
  await editor.getByLabel('Reason').fill('Spelling of Brian’s name')
  await editor.getByLabel('Sentence text').press('Control+Enter')

  await expect(page.locator(`#s-${id}`)).toHaveText(/Brian Okken\.\s*$/)
  expect(await searchIds(request, 'okin')).not.toContain(id)
  expect(await searchIds(request, 'okken')).toContain(id)
  const thread = threadOf(page)
  await expect(thread.locator(`#c-${commentId}`)).toContainText('Written on an earlier wording')
  await expect(thread.locator(`#c-${commentId}`)).toContainText('Brian Okin.')
  const history = thread.getByRole('region', { name: 'History of this sentence' })
  await expect(history.locator('del')).toHaveText('Okin.')
  await expect(history.locator('ins')).toHaveText('Okken.')
  await expect(history).toContainText('Spelling of Brian’s name')

  await history.getByRole('button', { name: /^Revert revision/ }).click()
  await expect(page.locator(`#s-${id}`)).toHaveText(/Brian Okin\.\s*$/)
  expect(await searchIds(request, 'okin')).toContain(id)
  await expect(thread.locator(`#c-${commentId}`)).not.toContainText('Written on an earlier wording')
  await page.goto(`${EPISODE}/history`)
  await expect(page.locator('li[id^="change-"]').first()).toContainText(/revert/i)
})

test('a comment stays with its sentence through a split and a merge', async ({ page, request }) => {
  const host = await createUser('splitter', 'host')
  const listener = await createUser('reader')
  await page.goto(EPISODE)
  const id = await sentenceWith(page, 'which is what Lightstream does.')
  const original = await page.locator(`#s-${id}`).innerText()
  const commentId = await comment(request, listener, id, 'Litestream, surely?')
  await signIn(page, host, EPISODE)

  await page.locator(`#s-${id}`).click()
  const editor = threadOf(page).getByRole('form', { name: 'Edit this sentence' })
  const text = editor.getByLabel('Sentence text')
  const at = original.indexOf(' unless')
  await text.evaluate((element: HTMLTextAreaElement, offset) => element.setSelectionRange(offset, offset), at)
  await editor.getByRole('button', { name: 'Split at cursor' }).click()
  const second = page.locator('.sentence', { hasText: /^unless you stream/ })
  await expect(second).toHaveCount(1)
  const secondId = Number((await second.getAttribute('id'))!.slice(2))
  const afterSplit = await (await request.get(`/api/episodes/001-sqlite-is-enough/comments`)).json()
  const moved = afterSplit.comments.find((c: { id: number }) => c.id === commentId)
  // Most of the quoted words are in the second half, so the comment went there.
  expect(moved.sentenceId).toBe(secondId)

  // The first half's panel is still open after the split.
  await threadOf(page).getByRole('button', { name: 'Merge with next' }).click()
  await expect(page.locator(`#s-${secondId}`)).toHaveCount(0)
  await expect(page.locator(`#s-${id}`)).toHaveText(original)
  const afterMerge = await (await request.get(`/api/sentences/${id}/comments`)).json()
  expect(afterMerge.comments.map((c: { id: number }) => c.id)).toContain(commentId)
})

test('a listener suggests fixes: an accepted one is a credited revision, a rejected one changes nothing', async ({
  page,
  request,
}) => {
  const host = await createUser('reviewer', 'host')
  const listener = await createUser('suggester')
  await page.goto(EPISODE)
  const id = await sentenceWith(page, 'same trick Terso and')
  await signIn(page, listener, EPISODE)
  await page.locator(`#s-${id}`).click()
  await threadOf(page).getByRole('button', { name: 'Suggest a fix' }).click()
  const field = threadOf(page).getByLabel('Your suggested text')
  await field.fill((await field.inputValue()).replace('Terso', 'Turso'))
  await threadOf(page).getByRole('button', { name: 'Send suggestion' }).click()
  await expect(threadOf(page)).toContainText('A host will review it')
  const rejected = await request.post(`/api/sentences/${id}/suggestions`, {
    headers: bearer(listener),
    data: { text: 'Something nobody said.' },
  })
  expect(rejected.status()).toBe(201)

  await page.context().clearCookies()
  await signIn(page, host, '/suggestions')
  const queue = page.getByRole('region', { name: 'Review queue' })
  const good = queue.locator('.suggestion', { hasText: 'Turso' })
  await expect(good.locator('ins')).toHaveText('Turso')
  await good.getByRole('button', { name: 'Accept' }).click()
  const bad = queue.locator('.suggestion', { hasText: 'nobody said' })
  await bad.getByLabel('Reason').fill('Not in the recording')
  await bad.getByRole('button', { name: 'Reject' }).click()
  await expect(queue).toContainText('Nothing to review.')

  await page.goto(EPISODE)
  await expect(page.locator(`#s-${id}`)).toContainText('same trick Turso and')
  const { revisions } = await (await request.get(`/api/sentences/${id}/revisions`)).json()
  expect(revisions).toHaveLength(1)
  expect(revisions[0]).toMatchObject({ kind: 'suggestion', creditedTo: { name: listener.name } })
  const mine = await (await request.get('/api/suggestions?mine=1', { headers: bearer(listener) })).json()
  expect(mine.suggestions.map((s: { status: string }) => s.status).sort()).toEqual(['accepted', 'rejected'])

  const revert = await request.post(`/api/revisions/${revisions[0].id}/revert`, {
    headers: bearer(host),
    data: {},
  })
  expect(revert.status()).toBe(200)
})

test('two hosts edit one sentence: one wins, the other sees both versions and keeps their text', async ({
  page,
  request,
}) => {
  const first = await createUser('first', 'host')
  const second = await createUser('second', 'host')
  await page.goto(EPISODE)
  const id = await sentenceWith(page, 'would never notice.')
  const { sentence } = await (await request.get(`/api/sentences/${id}`)).json()
  await signIn(page, second, EPISODE)
  await page.locator(`#s-${id}`).click()
  const editor = threadOf(page).getByRole('form', { name: 'Edit this sentence' })
  await editor.getByLabel('Sentence text').fill('Theirs is the second version.')

  const [a, b] = await Promise.all([
    request.patch(`/api/sentences/${id}`, {
      headers: bearer(first),
      data: { text: 'API edit A.', version: sentence.version },
    }),
    request.patch(`/api/sentences/${id}`, {
      headers: bearer(first),
      data: { text: 'API edit B.', version: sentence.version },
    }),
  ])
  expect([a.status(), b.status()].sort()).toEqual([200, 409])
  const conflict = await (a.status() === 409 ? a : b).json()
  expect(conflict.current.version).toBe(sentence.version + 1)
  expect(conflict.yours.text).toMatch(/^API edit [AB]\.$/)

  await editor.getByRole('button', { name: 'Save sentence' }).click()
  const alert = editor.getByRole('alert')
  await expect(alert).toContainText(conflict.current.text)
  await expect(alert).toContainText('Theirs is the second version.')
  await alert.getByRole('button', { name: /Keep mine/ }).click()
  await editor.getByRole('button', { name: 'Save sentence' }).click()
  await expect(page.locator(`#s-${id}`)).toHaveText(/Theirs is the second version\./)

  const now = await (await request.get(`/api/sentences/${id}`)).json()
  const restore = await request.patch(`/api/sentences/${id}`, {
    headers: bearer(first),
    data: { text: sentence.text, version: now.sentence.version },
  })
  expect(restore.status()).toBe(200)
})

test('the corrected transcript downloads as WebVTT, SRT, JSON and text from the episode page', async ({
  page,
  request,
}) => {
  await page.goto(EPISODE)
  const links = page.getByRole('navigation', { name: 'Transcript files and history' })
  await expect(links.getByRole('link', { name: 'WebVTT' })).toHaveAttribute(
    'href',
    `${EPISODE}/transcript.vtt`,
  )
  const vtt = await request.get(`${EPISODE}/transcript.vtt`)
  expect(vtt.headers()['content-type']).toContain('text/vtt')
  expect(await vtt.text()).toContain('<v Brian Okken>')
  const json = await (await request.get(`${EPISODE}/transcript.json`)).json()
  expect(json.segments[0]).toMatchObject({ speaker: 'Ana Ortiz', startTime: 0 })
  expect(await (await request.get(`${EPISODE}/transcript.srt`)).text()).toMatch(/^1\n00:00:00,000 --> /)
  expect(await (await request.get(`${EPISODE}/transcript.txt`)).text()).toMatch(
    /^Starting point is 00:00:00 /,
  )
  expect((await request.get('/episodes/no-such-episode/transcript.vtt')).status()).toBe(404)
})

test('a host finds and replaces a word with a preview, and renames a speaker', async ({ page, request }) => {
  const host = await createUser('replacer', 'host')
  await signIn(page, host, EPISODE)
  await page.getByText('Find and replace, rename a speaker').click()
  const form = page.getByRole('form', { name: 'Find and replace' })
  await form.getByLabel('Find').fill('Lightstream')
  await form.getByLabel('Replace with').fill('Litestream')
  await form.getByRole('button', { name: 'Preview' }).click()
  const preview = page.getByRole('region', { name: 'Replacement preview' })
  await expect(preview.locator('del')).toHaveText('Lightstream')
  await expect(preview.locator('ins')).toHaveText('Litestream')
  await preview.getByRole('button', { name: 'Apply 1 change(s)' }).click()
  await expect(page.locator('.sentence', { hasText: 'which is what Litestream does.' })).toHaveCount(1)

  const rename = page.getByRole('form', { name: 'Rename a speaker' })
  await rename.getByLabel('Speaker').selectOption('Ana Ortiz')
  await rename.getByLabel('New name').fill('Ana Ortiz-Reyes')
  await rename.getByRole('button', { name: 'Rename' }).click()
  await expect(page.locator('.segment .speaker').first()).toHaveText('Ana Ortiz-Reyes')

  // Put the demo back for the specs that follow.
  const back = await request.post('/api/episodes/001-sqlite-is-enough/speakers', {
    headers: bearer(host),
    data: { from: 'Ana Ortiz-Reyes', to: 'Ana Ortiz' },
  })
  expect(back.status()).toBe(200)
  const undo = await request.post('/api/episodes/001-sqlite-is-enough/replace', {
    headers: bearer(host),
    data: { find: 'Litestream', replace: 'Lightstream', apply: true },
  })
  expect((await undo.json()).changes).toHaveLength(1)
})
