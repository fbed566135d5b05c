// Listening along (issue 10, item 3): the demo episode's audio (prisma/demo, stored beside the
// database by the demo seed) plays from any sentence, the transcript follows it, ?t= links
// start there, and the player works from the keyboard alone. Chromium runs with autoplay
// allowed and muted (playwright.config.ts).
import { expect, test } from '@playwright/test'
import { createUser, signIn } from './support/accounts'
import { EPISODE, threadOf } from './support/episode'
import {
  audioState,
  player,
  recordedStarts,
  recordStarts,
  recordStartsFromLoad,
  tabTo,
} from './support/player'

const OBJECTION = "Let's start with the objection people raise first."
const OBJECTION_START = 22.4
const CONCURRENCY = 'What about concurrency?'
const CONCURRENCY_START = 25.777

test('plays from a sentence: lands on its start, and the highlight moves on as it plays', async ({
  page,
}) => {
  await page.goto(EPISODE)
  await expect(player(page)).toBeVisible()
  await recordStarts(page)

  const objection = page.locator('.sentence', { hasText: OBJECTION })
  const concurrency = page.locator('.sentence', { hasText: CONCURRENCY })
  await objection.click()
  await threadOf(page)
    .getByRole('group', { name: 'This sentence' })
    .getByRole('button', { name: 'Play from here (0:22)' })
    .click()

  await expect.poll(async () => (await recordedStarts(page)).length).toBeGreaterThan(0)
  const [start] = await recordedStarts(page)
  expect(Math.abs(start! - OBJECTION_START)).toBeLessThan(0.5)
  await expect(objection).toHaveAttribute('aria-current', 'true')
  await expect(player(page).getByRole('button', { name: 'Pause' })).toBeVisible()

  // 3.4 s later the next sentence is spoken; exactly one sentence is marked at a time.
  await expect(concurrency).toHaveAttribute('aria-current', 'true', { timeout: 8_000 })
  await expect(objection).not.toHaveAttribute('aria-current')
  await expect(page.locator('.sentence[aria-current]')).toHaveCount(1)
  expect((await audioState(page)).currentTime).toBeGreaterThanOrEqual(CONCURRENCY_START)
})

test('a segment’s ▶ plays from the segment’s start', async ({ page }) => {
  await page.goto(EPISODE)
  await recordStarts(page)
  await page.getByRole('button', { name: 'Play from 0:22, Ana Ortiz' }).click()
  await expect.poll(async () => (await recordedStarts(page)).length).toBeGreaterThan(0)
  expect(Math.abs((await recordedStarts(page))[0]! - OBJECTION_START)).toBeLessThan(0.5)
})

test('?t=95 starts at 1:35 and marks the sentence spoken there', async ({ page }) => {
  await recordStartsFromLoad(page)
  await page.goto(`${EPISODE}?t=95`)
  await expect.poll(async () => (await recordedStarts(page)).length).toBeGreaterThan(0)
  const [start] = await recordedStarts(page)
  expect(start).toBeGreaterThanOrEqual(95)
  expect(start).toBeLessThan(95.5)
  await expect(page.locator('.sentence', { hasText: 'A rowid table with an integer key' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await page.keyboard.press('k')
  await expect.poll(async () => (await audioState(page)).paused).toBe(true)
  const shown = Math.floor((await audioState(page)).currentTime)
  await expect(player(page).locator('.player-current')).toHaveText(`1:${String(shown - 60).padStart(2, '0')}`)
})

test('a sentence permalink cues its sentence: the play button says where it starts', async ({ page }) => {
  await page.goto(EPISODE)
  const id = await page.locator('.sentence', { hasText: CONCURRENCY }).getAttribute('id')
  // A fresh load, as a shared link is (a hash change alone does not reload the page).
  await page.goto('about:blank')
  await page.goto(`${EPISODE}#${id}`)
  const play = player(page).getByRole('button', { name: 'Play from 0:25' })
  await expect(play).toBeVisible()
  await play.click()
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  expect(Math.abs((await audioState(page)).currentTime - CONCURRENCY_START)).toBeLessThan(1)
})

test('keyboard only: play, seek and speed; never while typing', async ({ page }) => {
  await page.goto(EPISODE)
  // Shortcuts typed into a text field stay text.
  const search = page.locator('#header-search')
  await search.focus()
  await page.keyboard.type('k l > ')
  expect(await audioState(page)).toMatchObject({ paused: true, currentTime: 0, playbackRate: 1 })
  await expect(search).toHaveValue('k l > ')
  await search.blur()

  const status = player(page).getByRole('status')
  await page.keyboard.press('k')
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  await expect(status).toHaveText('Playing')

  const before = (await audioState(page)).currentTime
  await page.keyboard.press('l')
  await expect.poll(async () => (await audioState(page)).currentTime).toBeGreaterThanOrEqual(before + 9.5)
  await expect(status).toHaveText(/^Forward 10 seconds, 0:1\d/)
  const ahead = (await audioState(page)).currentTime
  await page.keyboard.press('j')
  await expect.poll(async () => (await audioState(page)).currentTime).toBeLessThan(ahead - 8)

  await page.keyboard.press('>')
  await expect.poll(async () => (await audioState(page)).playbackRate).toBe(1.25)
  await expect(status).toHaveText('Speed 1.25×')
  await expect(player(page).getByLabel('Speed')).toHaveValue('1.25')
  await page.keyboard.press('<')
  await page.keyboard.press('<')
  await expect.poll(async () => (await audioState(page)).playbackRate).toBe(0.75)

  // The player's own controls are reachable with Tab and work with Enter/Space.
  const pause = player(page).getByRole('button', { name: 'Pause' })
  await tabTo(page, pause)
  await expect(pause).toBeFocused()
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await audioState(page)).paused).toBe(true)
  await page.keyboard.press('Space')
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)

  // P on a focused sentence plays from it; Space still opens its comments.
  const concurrency = page.locator('.sentence', { hasText: CONCURRENCY })
  await concurrency.focus()
  await page.keyboard.press('p')
  await expect(concurrency).toHaveAttribute('aria-current', 'true')
  await page.keyboard.press('Space')
  await expect(threadOf(page)).toBeVisible()
})

test('following pauses when the listener scrolls away; "Back to playback" returns', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 500 })
  await page.goto(`${EPISODE}?t=22`)
  const objection = page.locator('.sentence', { hasText: OBJECTION })
  await expect(objection).toHaveAttribute('aria-current', 'true')
  await expect(objection).toBeInViewport()
  await page.mouse.move(600, 200)
  await page.mouse.wheel(0, 5000)
  const back = player(page).getByRole('button', { name: 'Back to playback' })
  await expect(back).toBeVisible()
  await expect(page.locator('.sentence[aria-current]')).not.toBeInViewport()
  await back.click()
  await expect(page.locator('.sentence[aria-current]')).toBeInViewport()
  await expect(back).toBeHidden()
})

test('"Copy link at this moment" copies a ?t= link to where the audio is', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`${EPISODE}?t=61`)
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  await page.keyboard.press('k')
  await player(page).getByRole('button', { name: 'Copy link at this moment' }).click()
  await expect(player(page).getByRole('button', { name: 'Link copied' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(new RegExp(`/episodes/001-sqlite-is-enough\\?t=6[1-3]$`))
})

test('a host correcting a sentence plays just that sentence', async ({ page }) => {
  const host = await createUser('listening-host', 'host')
  await signIn(page, host, EPISODE)
  await page.locator('.sentence', { hasText: OBJECTION }).click()
  const editor = threadOf(page).getByRole('form', { name: 'Edit this sentence' })
  await recordStarts(page)
  await editor.getByRole('button', { name: 'Play this sentence' }).click()
  await expect.poll(async () => (await recordedStarts(page)).length).toBeGreaterThan(0)
  expect(Math.abs((await recordedStarts(page))[0]! - OBJECTION_START)).toBeLessThan(0.5)
  // It stops where the next sentence starts.
  await expect.poll(async () => (await audioState(page)).paused, { timeout: 8_000 }).toBe(true)
  const stopped = (await audioState(page)).currentTime
  expect(stopped).toBeGreaterThan(CONCURRENCY_START - 0.3)
  expect(stopped).toBeLessThan(CONCURRENCY_START + 0.3)
})

test('the stored audio is served with Range support through the real server', async ({ request }) => {
  const path = '/api/episodes/001-sqlite-is-enough/audio'
  const whole = await request.head(path)
  expect(whole.status()).toBe(200)
  expect(whole.headers()['accept-ranges']).toBe('bytes')
  expect(whole.headers()['content-type']).toBe('audio/ogg')
  // Next's route handlers drop Content-Length (next/dist/server/send-response.js); the size is in
  // Content-Range, which is what a media element reads (tests/api/episode-audio.test.ts checks
  // the handler's own headers, Content-Length included).
  const first = await request.get(path, { headers: { Range: 'bytes=0-0' } })
  expect(first.status()).toBe(206)
  const size = Number(/^bytes 0-0\/(\d+)$/.exec(first.headers()['content-range'] ?? '')?.[1])
  expect(size).toBeGreaterThan(10_000)
  const part = await request.get(path, { headers: { Range: 'bytes=100-199' } })
  expect(part.status()).toBe(206)
  expect(part.headers()['content-range']).toBe(`bytes 100-199/${size}`)
  expect(await part.body()).toHaveLength(100)
  const past = await request.get(path, { headers: { Range: `bytes=${size}-` } })
  expect(past.status()).toBe(416)
  expect((await request.get('/api/episodes/002-streaming-backups/audio')).status()).toBe(404)
})
