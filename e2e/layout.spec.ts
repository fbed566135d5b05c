// Every page fits the screen from a small phone to a desktop: at 320 and 390 px wide (and at
// 1280 px, in e2e/a11y.spec.ts) no page scrolls sideways (document.documentElement.scrollWidth <= innerWidth), signed out and as
// an admin (whose header carries every link), with the panels open: a sentence's thread, and the
// host's editor in it. Each page's screenshot is kept in the test's output folder (test-results/)
// and attached to the report. Pages are read from app/ (e2e/support/pages.ts), so new ones are checked.
import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { expectFits, keepScreenshot } from './support/page-fits'
import { createUser, signIn } from './support/accounts'
import { EPISODE, threadOf } from './support/episode'
import { everyPage, pageFixtures, type PageFixtures } from './support/pages'

// The desktop width (1280 px, Playwright's Desktop Chrome) is checked by e2e/a11y.spec.ts in the
// same visits as axe, signed out and as an admin: one visit of every page instead of two.
const WIDTHS = [320, 390]

async function checkEveryPage(
  page: Page,
  role: string,
  width: number,
  fixtures: PageFixtures,
  testInfo: TestInfo,
) {
  for (const url of everyPage(fixtures)) {
    const response = await page.goto(url)
    expect.soft(response?.status(), `${url} as ${role}`).toBeLessThan(500)
    const state = `${url} as ${role} at ${width}px`
    await expectFits(page, state, width)
    await keepScreenshot(page, testInfo, state)
  }
}

async function openThread(page: Page, fixtures: PageFixtures) {
  await page.goto(EPISODE)
  await page.locator(`#s-${fixtures.sentenceId}`).click()
}

for (const width of WIDTHS) {
  const phone = width < 600

  test.describe(`at ${width} px`, () => {
    // A phone is emulated as one (meta viewport honoured, touch), not a narrow desktop window.
    test.use({ viewport: { width, height: phone ? 800 : 900 }, isMobile: phone, hasTouch: phone })

    test.describe.configure({ timeout: 900_000 })
    let fixtures: PageFixtures

    test.beforeAll(async ({ browser }) => {
      test.setTimeout(120_000)
      const page = await browser.newPage()
      fixtures = await pageFixtures(page)
      await page.close()
    })

    test('every page fits, signed out, and an open thread', async ({ page }, testInfo) => {
      await checkEveryPage(page, 'signed out', width, fixtures, testInfo)
      await openThread(page, fixtures)
      await expect(threadOf(page)).toBeVisible()
      await expectFits(page, `open thread signed out at ${width}px`, width)
      await keepScreenshot(page, testInfo, `open thread signed out at ${width}px`)
    })

    test('every page fits as an admin, and the host editor in an open thread', async ({ page }, testInfo) => {
      await signIn(page, await createUser(`layout-${width}`, 'admin'), '/')
      await checkEveryPage(page, 'admin', width, fixtures, testInfo)
      await openThread(page, fixtures)
      await expect(threadOf(page).getByRole('form', { name: 'Edit this sentence' })).toBeVisible()
      await expectFits(page, `host editor at ${width}px`, width)
      await keepScreenshot(page, testInfo, `host editor at ${width}px`)
    })
  })
}
