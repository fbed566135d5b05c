// A listener searches every transcript and lands on the exact sentence.
import { expect, test } from '@playwright/test'

test('search from the home page, click a hit, land on that sentence highlighted', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search all transcripts' }).first().fill('"integer primary key"')
  await page.getByRole('button', { name: 'Search' }).first().click()

  await expect(page).toHaveURL(/\/search\?q=/)
  const hit = page.getByRole('link', { name: /integer primary key/i })
  await expect(hit).toHaveCount(1)
  await expect(hit.locator('mark').first()).toHaveText(/integer primary key/i)
  const href = await hit.getAttribute('href')
  expect(href).toMatch(/^\/episodes\/001-sqlite-is-enough#s-\d+$/)

  await hit.click()
  await expect(page).toHaveURL(/\/episodes\/001-sqlite-is-enough#s-\d+$/)
  const sentenceId = href!.split('#')[1]!
  const sentence = page.locator(`[id="${sentenceId}"]`)
  await expect(sentence).toHaveText(/should every table have an integer primary key\?/)
  await expect(sentence).toBeInViewport()
  // Highlighted: it is the :target and wears the highlight colour (after its short transition).
  expect(await sentence.evaluate((element) => element.matches(':target'))).toBe(true)
  await expect
    .poll(() => sentence.evaluate((element) => getComputedStyle(element).backgroundColor))
    .toBe('rgb(255, 241, 184)')
})

test('a sentence cut across two captions is found whole and opens at its beginning', async ({ page }) => {
  await page.goto('/search?q=%22sign+up+for+the+newsletter%22')
  const hit = page.getByRole('link', { name: /sign up for the newsletter/i })
  await expect(hit).toHaveCount(1)
  await expect(hit).toContainText("or we'll send you the show notes afterwards")
  // It begins late in the block that starts at 0:00, not at 0:21 where the next block starts.
  await expect(hit.locator('.timestamp')).toHaveText(/^0:(1\d|20)$/)
})

test('search filters by speaker and by show, and explains an empty result', async ({ page }) => {
  await page.goto('/search?q=sqlite&speaker=Ana')
  const hits = page.locator('.hit')
  await expect(hits.first()).toBeVisible()
  for (const speaker of await hits.locator('.speaker').allInnerTexts()) expect(speaker).toBe('Ana Ortiz')

  await page.goto('/search?q=elasticsearch+-sqlite+postgresql')
  await expect(page.getByRole('status').filter({ hasText: 'No sentence matches' })).toBeVisible()
})

test('the JSON API returns hits with episode, sentence and a marked snippet', async ({ request }) => {
  const response = await request.get('/api/search?q=fts5&limit=5')
  expect(response.status()).toBe(200)
  const body = await response.json()
  expect(body.total).toBeGreaterThan(0)
  expect(body.hits[0]).toMatchObject({
    episode: { slug: '001-sqlite-is-enough', title: 'Is SQLite enough?' },
    sentence: { speaker: 'Brian Okken' },
  })
  expect(body.hits[0].snippet).toContain('<mark>FTS5</mark>')

  const bad = await request.get('/api/search?q=sqlite&limit=zero')
  expect(bad.status()).toBe(400)
  expect((await bad.json()).error).toMatch(/limit/)
})

// `npm start`'s worker answers the search API itself, with the route's own handler, beside Next's
// router (lib/http/direct-routes.ts, docs/decisions/0027). Next's answers vary on its router
// headers too (rsc, next-router-state-tree, …); the worker's vary on Accept-Encoding only.
test('the search API is answered by the web worker, with the headers and compression Next gives', async ({
  request,
}) => {
  const zipped = await request.get('/api/search?q=sqlite&limit=20', {
    headers: { 'Accept-Encoding': 'gzip' },
  })
  expect(zipped.status()).toBe(200)
  const headers = zipped.headers()
  expect(headers.vary).toBe('Accept-Encoding')
  expect(headers['content-encoding']).toBe('gzip')
  expect(headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'")
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  const plain = await request.get('/api/search?q=sqlite&limit=20', {
    headers: { 'Accept-Encoding': 'identity' },
  })
  expect(plain.headers()['content-encoding']).toBeUndefined()
  expect(await zipped.json()).toEqual(await plain.json())
  const head = await request.head('/api/search?q=sqlite&limit=20', {
    headers: { 'Accept-Encoding': 'identity' },
  })
  expect(head.status()).toBe(200)
  expect(head.headers()['content-length']).toBe(String((await plain.body()).length))
  expect(await head.body()).toHaveLength(0)
})
