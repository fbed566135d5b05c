// The reading and search pages fit a phone screen: no sideways scrolling.
import { expect, test } from '@playwright/test'

for (const path of ['/', '/episodes/001-sqlite-is-enough', '/search?q=sqlite']) {
  test(`${path} fits a phone screen`, async ({ page }) => {
    await page.goto(path)
    await expect(page.locator('main')).toBeVisible()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })
}
