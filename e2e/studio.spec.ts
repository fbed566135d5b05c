// The hosts' pages (issue 10 item 5, and item 1's web parts): a host makes a show and an episode,
// uploads its transcript and audio, and reads the episode page; adds a feed by its URL and sees
// the report; a listener gets no studio. Audio is a WAV the test writes; the feed is served by
// the fixture server on 127.0.0.1 (the e2e server runs with FEED_ALLOW_PRIVATE=1).
import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { startFixtureServer, type FixtureServer } from '../tests/support/fixture-server'
import { testWav } from '../tests/support/test-audio'
import { createUser, signIn } from './support/accounts'

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => {
    const wider = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
    return { by: document.documentElement.scrollWidth - window.innerWidth, wider: wider.slice(0, 5) }
  })
  expect(overflow.by, `wider than the screen: ${overflow.wider.join(', ')}`).toBeLessThanOrEqual(0)
}

test('a host makes a show and an episode, uploads its transcript and audio, and reads it', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const host = await createUser('studio-host', 'host')
  const id = randomUUID().slice(0, 6)
  await signIn(page, host, '/')
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Studio' }).click()
  await expect(page).toHaveURL(/\/studio$/)

  // A refused form keeps what was typed, with the error next to its field.
  const newShow = page.getByRole('form', { name: 'New show' })
  await newShow.getByLabel('Title').fill(`Harbour Notes ${id}`)
  await newShow.getByLabel('Slug (optional)').fill('Not A Slug')
  await newShow.getByRole('button', { name: 'Create show' }).click()
  await expect(newShow.locator('#new-show-slug-error')).toContainText('lowercase letters')
  await expect(newShow.getByLabel('Title')).toHaveValue(`Harbour Notes ${id}`)
  await expect(newShow.getByLabel('Slug (optional)')).toHaveAttribute('aria-invalid', 'true')

  await newShow.getByLabel('Slug (optional)').fill(`harbour-${id}`)
  await newShow.getByLabel('Description').fill('Made by hand in the studio.')
  await newShow.getByRole('button', { name: 'Create show' }).click()
  await expect(page).toHaveURL(new RegExp(`/studio/shows/harbour-${id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Harbour Notes ${id}`)

  const newEpisode = page.getByRole('form', { name: 'New episode' })
  await newEpisode.getByLabel('Title').fill(`Tidepool ${id}`)
  await newEpisode.getByLabel('Slug (optional)').fill(`tidepool-${id}`)
  await newEpisode.getByLabel('Publish date').fill('2026-11-20')
  await newEpisode.getByRole('button', { name: 'Create episode' }).click()
  await expect(page).toHaveURL(new RegExp(`/studio/episodes/tidepool-${id}$`))

  // The transcript, through the importer, with its report.
  await page
    .getByLabel('Transcript file', { exact: true })
    .setInputFiles('tests/fixtures/transcripts/episode.vtt')
  await page.getByRole('button', { name: 'Import transcript' }).click()
  const report = page.getByRole('region', { name: 'Import report' })
  await expect(report).toContainText('episode.vtt (vtt) imported')
  await expect(report).toContainText(/\d+ repairs?:/)

  // The audio, streamed to the server; a file that is not audio is refused first.
  const audioInput = page.getByLabel('Audio file', { exact: true })
  await audioInput.setInputFiles({
    name: 'notes.mp3',
    mimeType: 'audio/mpeg',
    buffer: Buffer.from('not audio'),
  })
  await page.getByRole('button', { name: 'Upload audio' }).click()
  await expect(page.locator('#audio-file-error')).toContainText('not MP3 audio')
  await audioInput.setInputFiles({ name: 'tone.wav', mimeType: 'audio/wav', buffer: Buffer.from(testWav(1)) })
  await page.getByRole('button', { name: 'Upload audio' }).click()
  await expect(page.getByText(/Audio uploaded/)).toBeVisible()
  const audio = await page.request.get(`/api/episodes/tidepool-${id}/audio`, {
    headers: { Range: 'bytes=0-3' },
  })
  expect(audio.status()).toBe(206)
  expect((await audio.body()).toString()).toBe('RIFF')

  // Metadata edited in place.
  const details = page.getByRole('form', { name: 'Details' })
  await details.getByLabel('Title').fill(`Tidepool at dawn ${id}`)
  await details.getByRole('button', { name: 'Save details' }).click()
  await expect(details.getByText('Details saved.')).toBeVisible()

  // The phone widths the studio must fit.
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 800 })
    await expectNoSidewaysScroll(page)
  }
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.getByRole('link', { name: 'Open the episode page' }).click()
  await expect(page).toHaveURL(new RegExp(`/episodes/tidepool-${id}$`))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Tidepool at dawn ${id}`)
  await expect(page.getByText('Welcome back to Tidepool Radio.')).toBeVisible()
})

test.describe('adding a show by its feed URL', () => {
  let server: FixtureServer

  test.beforeAll(async () => {
    server = await startFixtureServer()
  })

  test.afterAll(async () => {
    await server.close()
  })

  test('imports the feed and shows the report; Refresh now re-polls it', async ({ page }) => {
    test.setTimeout(120_000)
    const host = await createUser('feed-host', 'host')
    await signIn(page, host, '/studio')
    const addFeed = page.getByRole('form', { name: 'Add a show by its feed URL' })
    await addFeed.getByLabel('Feed URL').fill(server.url('/podcast.xml'))
    await addFeed.getByRole('button', { name: /Add feed/ }).click()
    const report = page.getByRole('region', { name: 'Report for The Tidal Hour' })
    await expect(report).toBeVisible({ timeout: 60_000 })
    await expect(report.locator('.outcome-imported').first()).toBeVisible()
    await expect(report.locator('.outcome-no-transcript')).toContainText('no transcript')
    await expect(report.getByRole('link', { name: 'Reading the tides' })).toBeVisible()

    // The imported episode reads like any other, with the feed's chapters as headings.
    await report.getByRole('link', { name: 'Reading the tides' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reading the tides')
    await expect(page.locator('.transcript .chapter-heading').first()).toBeVisible()
    // The show lists its episodes with their artwork and publish dates.
    await page.getByRole('link', { name: 'The Tidal Hour' }).first().click()
    await expect(page.locator('img.show-artwork')).toHaveAttribute('src', /\/artwork\/show\.png$/)
    const readingTheTides = page.locator('.episode-list li', { hasText: 'Reading the tides' })
    await expect(readingTheTides).toContainText('Nov 10, 2026')
    await expect(readingTheTides.locator('img.episode-artwork')).toHaveAttribute(
      'src',
      /\/artwork\/s2e4\.png$/,
    )

    await page.goto('/studio')
    await page.getByRole('button', { name: 'Refresh The Tidal Hour now' }).click()
    await expect(page.getByRole('region', { name: 'Report for The Tidal Hour' })).toContainText(
      /not modified|unchanged/,
      { timeout: 60_000 },
    )
  })
})

test('a listener has no studio: no link, and 403 on its pages; signed out, the sign-in page', async ({
  page,
}) => {
  const listener = await createUser('studio-listener')
  const signedOut = await page.goto('/studio')
  expect(signedOut?.url()).toContain('/sign-in?next=%2Fstudio')
  await signIn(page, listener, '/')
  await expect(
    page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Studio' }),
  ).toHaveCount(0)
  const refused = await page.goto('/studio')
  expect(refused?.status()).toBe(403)
  await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
  expect((await page.goto('/studio/episodes/001-sqlite-is-enough'))?.status()).toBe(403)
})
