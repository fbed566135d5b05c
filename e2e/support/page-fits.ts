// A page fits its screen: nothing scrolls sideways. Shared by the layout spec (phone widths) and
// the accessibility spec (the desktop width, in the same visits as axe).
import { expect, type Page, type TestInfo } from '@playwright/test'

/** The page is no wider than the screen; the message names the elements that stick out. */
export async function expectFits(page: Page, state: string, width: number): Promise<void> {
  const measured = await page.evaluate(() => {
    const wider = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${String(element.className).split(' ')[0]}`)
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      wider: [...new Set(wider)].slice(0, 6),
    }
  })
  expect.soft(measured.innerWidth, `${state}: the viewport itself`).toBe(width)
  expect
    .soft(measured.scrollWidth, `${state} is wider than the screen: ${measured.wider.join(', ')}`)
    .toBeLessThanOrEqual(measured.innerWidth)
}

export async function keepScreenshot(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  const name = `${state.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.png`
  // Written into the test's output folder (kept after passing runs too) and linked from the report.
  const path = testInfo.outputPath(name)
  await page.screenshot({ path, fullPage: true })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}
