// The demo episode the comment specs write on, and how they find its sentences and threads.
import type { Page } from '@playwright/test'

export const EPISODE = '/episodes/001-sqlite-is-enough'

/** The id of the demo episode's n-th sentence, read from its #s-<id> anchor. */
export async function sentenceId(page: Page, n: number): Promise<number> {
  await page.goto(EPISODE)
  const anchor = await page.locator('.sentence').nth(n).getAttribute('id')
  return Number(anchor!.slice('s-'.length))
}

export function threadOf(page: Page) {
  return page.getByRole('region', { name: 'Comments on this sentence' })
}
