// Share a moment (issue 10 item 4) and publish corrections back (item 6): a sentence's share
// action copies its moment link with the time; the moment page carries Open Graph / Twitter
// tags whose image is the quote card PNG; the transcript exports and the show's feed are
// served cacheable and open to other sites; the show page lists the URLs for a feed.
import { expect, test } from '@playwright/test'
import { EPISODE, threadOf } from './support/episode'

const SHOW = '/shows/small-database-show'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

test('the share action copies the moment link with its time; the moment page unfurls as a quote card', async ({
  page,
  request,
  baseURL,
}) => {
  // Drawing a card takes seconds on a loaded machine (each server process draws it once).
  test.setTimeout(90_000)
  await page.goto(EPISODE)
  const sentence = page.locator('.sentence').nth(3)
  const id = (await sentence.getAttribute('id'))!.slice('s-'.length)
  const seconds = Math.floor(Number(await sentence.getAttribute('data-start-ms')) / 1000)

  // Keyboard only: open the sentence's thread, then its share panel.
  // (Enter again only while the thread is still closed: a press before hydration does nothing.)
  await expect(async () => {
    if (!(await threadOf(page).isVisible())) await sentence.press('Enter')
    await expect(threadOf(page)).toBeVisible({ timeout: 1_000 })
  }).toPass()
  const share = threadOf(page).getByRole('button', { name: /^Share/ })
  await share.focus()
  await page.keyboard.press('Enter')
  await expect(share).toHaveAttribute('aria-expanded', 'true')
  const link = threadOf(page).getByLabel(/Link to this moment/)
  await expect(link).toBeFocused()
  const expected = `${baseURL}/episodes/001-sqlite-is-enough/moments/${id}?t=${seconds}`
  await expect(link).toHaveValue(expected)
  await page.keyboard.press('Tab')
  await expect(threadOf(page).getByRole('button', { name: 'Copy link' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(threadOf(page).getByText(/Link copied/)).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected)

  // The panel previews the card, and the image really loads.
  const preview = threadOf(page).getByRole('img', { name: /^Quote card/ })
  await expect(preview).toBeVisible()
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 20_000 })
    .toBe(1200)
  await page.keyboard.press('Escape')
  await expect(share).toBeFocused()
  await expect(share).toHaveAttribute('aria-expanded', 'false')

  // What a chat app reads from the shared link.
  await page.goto(expected)
  const meta = (selector: string) => page.locator(`meta[${selector}]`).first().getAttribute('content')
  const ogImage = await meta('property="og:image"')
  expect(ogImage).toMatch(
    new RegExp(`^${baseURL}/episodes/001-sqlite-is-enough/moments/${id}/card\\.png\\?v=\\d+$`),
  )
  expect(await meta('property="og:image:width"')).toBe('1200')
  expect(await meta('property="og:image:height"')).toBe('630')
  expect(await meta('name="twitter:card"')).toBe('summary_large_image')
  expect(await meta('name="twitter:image"')).toBe(ogImage)
  expect(await meta('property="og:title"')).toMatch(/^“/)

  const image = await request.get(ogImage!)
  expect(image.status()).toBe(200)
  expect(image.headers()['content-type']).toBe('image/png')
  expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 })

  // The listener goes on into the episode at that moment.
  await page.getByRole('link', { name: /Play from/ }).click()
  await page.waitForURL((url) => url.pathname === EPISODE && url.searchParams.get('t') === String(seconds))
  expect(new URL(page.url()).hash).toBe(`#s-${id}`)
})

test('transcript exports are open to other sites and cacheable, with a strong ETag and 304', async ({
  request,
}) => {
  for (const format of ['vtt', 'srt', 'json', 'txt']) {
    const url = `${EPISODE}/transcript.${format}`
    const response = await request.get(url)
    expect(response.status(), url).toBe(200)
    const headers = response.headers()
    expect(headers['access-control-allow-origin']).toBe('*')
    expect(headers['cache-control']).toBe('public, max-age=300, stale-while-revalidate=86400')
    expect(headers.etag).toMatch(/^"[\w-]+"$/)
    const again = await request.get(url, { headers: { 'If-None-Match': headers.etag! } })
    expect(again.status(), url).toBe(304)
  }
  const vtt = await (await request.get(`${EPISODE}/transcript.vtt`)).text()
  expect(vtt).toMatch(/<v [^>]+>/)
  const preflight = await request.fetch(`${EPISODE}/transcript.json`, {
    method: 'OPTIONS',
    headers: { Origin: 'https://player.example', 'Access-Control-Request-Method': 'GET' },
  })
  expect(preflight.status()).toBe(204)
  expect(preflight.headers()['access-control-allow-origin']).toBe('*')
})

test('the show page lists each episode’s transcript URLs for a feed, and the show’s feed has them', async ({
  page,
  request,
  baseURL,
}) => {
  await page.goto(SHOW)
  const section = page.getByRole('region', { name: 'Transcripts for your feed' })
  await section.getByText(/^Tags for \d+ episodes?$/).click()
  const tags = section.getByLabel('Transcript tags for Is SQLite enough?')
  await expect(tags).toContainText(
    `<podcast:transcript url="${baseURL}/episodes/001-sqlite-is-enough/transcript.vtt" type="text/vtt"`,
  )
  await expect(tags).toContainText('type="application/x-subrip"')
  await expect(tags).toContainText('type="application/json"')
  await expect(section.getByRole('button', { name: 'Copy tags' }).first()).toBeVisible()

  const feed = await request.get(`${SHOW}/feed.xml`)
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toBe('application/rss+xml; charset=utf-8')
  expect(await feed.text()).toContain(`url="${baseURL}/episodes/001-sqlite-is-enough/transcript.srt"`)
})
