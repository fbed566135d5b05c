// A listener reads an episode: segments with their start time and speaker, one element per sentence.
import { expect, test } from '@playwright/test'

test('the episode page shows segments with timestamps and speakers', async ({ page }) => {
  await page.goto('/episodes/001-sqlite-is-enough')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is SQLite enough?')
  await expect(page.getByRole('link', { name: 'The Small Database Show' })).toBeVisible()

  const segments = page.locator('.segment')
  await expect(segments.first().locator('.timestamp')).toHaveText('0:00')
  await expect(segments.first().locator('.speaker')).toHaveText('Ana Ortiz')
  await expect(segments.nth(1).locator('.speaker')).toHaveText('Brian Okken')
  await expect(segments.nth(1).locator('.timestamp')).toHaveText('0:08')

  // The sentence the captions split over two cues is one element.
  const sentence = page.locator('.sentence', { hasText: 'is SQLite enough?' })
  await expect(sentence).toHaveCount(1)
  await expect(page.locator('.sentence', { hasText: /^databases that fit/ })).toHaveCount(0)
  await expect(page.locator('.sentence[id^="s-"]')).not.toHaveCount(0)
})

test('the starting-point episode keeps each segment at its starting point', async ({ page }) => {
  await page.goto('/episodes/002-streaming-backups')
  await expect(page.locator('.segment .timestamp')).toHaveText([
    '0:00',
    '0:21',
    '0:48',
    '1:19',
    '1:44',
    '2:12',
  ])
  await expect(page.locator('.sentence', { hasText: /^send you the show notes/ })).toHaveCount(0)
})

test('an unknown episode is a 404 page', async ({ page }) => {
  const response = await page.goto('/episodes/no-such-episode')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})
