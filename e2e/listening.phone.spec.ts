// Listening on a 390 px phone: the player stays on screen over a long scroll, plays from a
// segment's ▶, and nothing makes the page wider than the screen.
import { expect, test } from '@playwright/test'
import { EPISODE } from './support/episode'
import { audioState, player } from './support/player'

test.use({ viewport: { width: 390, height: 844 } })

test('the player is on screen, usable, and the page no wider than the phone', async ({ page }) => {
  await page.goto(EPISODE)
  const bar = player(page)
  await expect(bar).toBeInViewport({ ratio: 1 })
  const box = (await bar.boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(390)
  expect(box.height).toBeLessThan(844 / 3)

  await page.getByRole('button', { name: 'Play from 0:22, Ana Ortiz' }).tap()
  await expect.poll(async () => (await audioState(page)).paused).toBe(false)
  await expect(page.locator('.sentence', { hasText: 'objection people raise' })).toBeInViewport()
  await bar.getByRole('button', { name: 'Pause' }).tap()
  await expect.poll(async () => (await audioState(page)).paused).toBe(true)

  // Still in reach at the end of the transcript, and the last sentence is not hidden under it.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
  await expect(bar).toBeInViewport({ ratio: 1 })
  const last = (await page.locator('.sentence').last().boundingBox())!
  expect(last.y + last.height).toBeLessThanOrEqual((await bar.boundingBox())!.y)
  await bar.getByRole('button', { name: 'Forward 10 seconds' }).tap()
  await bar.getByLabel('Speed').selectOption('1.5')
  expect((await audioState(page)).playbackRate).toBe(1.5)

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
