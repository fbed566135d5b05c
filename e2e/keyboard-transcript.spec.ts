// The transcript with the keyboard (issue 14, item 2; WAI-ARIA APG roving tabindex): one tab stop
// into it, arrows and Home/End between sentences, Enter opens a sentence's thread and Escape
// brings focus back to the sentence; no landmark region per paragraph.
import { expect, test, type Page } from '@playwright/test'
import { EPISODE, threadOf } from './support/episode'

// Many key presses, each waited for: slow when the machine is busy.
test.describe.configure({ timeout: 60_000 })

/** Whether the focused element is inside the transcript. */
function focusInTranscript(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('.transcript') !== null)
}

test('the transcript is one tab stop; arrows, Home and End move between sentences', async ({ page }) => {
  await page.goto(EPISODE)
  const sentences = page.locator('.transcript .sentence')
  const count = await sentences.count()
  expect(count).toBeGreaterThan(5)
  // One element of the transcript is in the tab order (its ▶ and time links are not).
  const tabStops = page.locator(
    '.transcript :is(a[href], button, input, textarea, select, [tabindex]):not([tabindex="-1"])',
  )
  await expect(tabStops).toHaveCount(1)
  await expect(sentences.first()).toHaveAttribute('tabindex', '0')
  // No landmark per paragraph.
  await expect(page.locator('.transcript :is(section, [role="region"])')).toHaveCount(0)

  await sentences.first().focus()
  await page.keyboard.press('ArrowDown')
  await expect(sentences.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(sentences.nth(2)).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(sentences.nth(1)).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(sentences.nth(0)).toBeFocused()
  await page.keyboard.press('End')
  await expect(sentences.last()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(sentences.last()).toBeFocused()
  await page.keyboard.press('Home')
  await expect(sentences.first()).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  const third = sentences.nth(3)
  await expect(third).toBeFocused()
  // The tab stop moved with focus: still one, now this sentence.
  await expect(third).toHaveAttribute('tabindex', '0')
  await expect(tabStops).toHaveCount(1)

  // One Tab leaves the transcript, one Shift+Tab comes back to the same sentence.
  await page.keyboard.press('Tab')
  expect(await focusInTranscript(page)).toBe(false)
  await page.keyboard.press('Shift+Tab')
  await expect(third).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  expect(await focusInTranscript(page)).toBe(false)
})

test('Enter and Space open the focused sentence’s thread; Escape closes it and focus returns', async ({
  page,
}) => {
  await page.goto(EPISODE)
  const sentence = page.locator('.transcript .sentence').nth(2)
  await page.locator('.transcript .sentence').first().focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(sentence).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(threadOf(page)).toBeVisible()
  await expect(sentence).toHaveAttribute('aria-expanded', 'true')
  await expect(threadOf(page)).toContainText((await sentence.innerText()).trim())
  await page.keyboard.press('Escape')
  await expect(threadOf(page)).toHaveCount(0)
  await expect(sentence).toBeFocused()
  await expect(sentence).toHaveAttribute('aria-expanded', 'false')
  await page.keyboard.press(' ')
  await expect(threadOf(page)).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(sentence).toBeFocused()
})
