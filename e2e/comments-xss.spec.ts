// Whatever a comment contains, the page shows it as text: no markup, no script, no javascript: link.
import { expect, test } from '@playwright/test'
import { bearer, createUser } from './support/accounts'
import { EPISODE, sentenceId, threadOf } from './support/episode'

test('comments holding script tags, event handlers and javascript: links render as inert text', async ({
  page,
  request,
}) => {
  const author = await createUser('xss')
  const id = await sentenceId(page, 7)
  const payloads = [
    '<script>window.__xss = 1</script>',
    '<img src=x onerror="window.__xss = 2">',
    '[click me](javascript:window.__xss=3)',
    'javascript:window.__xss=4',
    '<a href="javascript:window.__xss=5">link</a>',
    '<svg onload="window.__xss=6"></svg> and https://example.com/ok',
  ]
  for (const body of payloads) {
    const response = await request.post(`/api/sentences/${id}/comments`, {
      headers: bearer(author),
      data: { body },
    })
    expect(response.status()).toBe(201)
  }
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  await page.goto(EPISODE)
  await page.locator(`#s-${id}`).click()
  const bodies = threadOf(page).locator('.comment-body')
  await expect(bodies).toHaveText(payloads)
  await expect(threadOf(page).locator('script, img, svg, [onerror], [onload]')).toHaveCount(0)
  await expect(threadOf(page).locator('a[href^="javascript"]')).toHaveCount(0)
  const link = threadOf(page).getByRole('link', { name: 'https://example.com/ok' })
  await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener')
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])
})
