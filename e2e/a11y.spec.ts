// Every page passes axe-core (all of its default rules, best practices included: heading order,
// unique landmarks, content inside landmarks) in each role's state: signed out, listener, host
// and admin, with the panels a role opens: a sentence's thread, the host's editor over a thread
// holding a hidden comment, the moderation queue with a reported comment. Nothing is
// allow-listed: any violation fails. Each page also starts with the skip link.
// Pages are read from app/ (e2e/support/pages.ts), so a new page is checked without editing this.
// The same visits check that each page fits the desktop width (1280 px; the phone widths are
// e2e/layout.spec.ts's), signed out and as an admin, with a screenshot kept per page.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
  type TestInfo,
} from '@playwright/test'
import { bearer, createUser, signIn, type E2eUser } from './support/accounts'
import { EPISODE, threadOf } from './support/episode'
import { everyPage, pageFixtures, type PageFixtures } from './support/pages'
import { expectFits, keepScreenshot } from './support/page-fits'
import { E2E_DIR } from './support/paths'

/** Playwright's Desktop Chrome viewport, which the desktop project uses. */
const DESKTOP_WIDTH = 1280

/** Violations per page state, by rule, counted in elements: attached to the report as JSON. */
type AxeSummary = Record<string, Record<string, number>>

async function expectAccessible(page: Page, state: string, summary: AxeSummary, rules?: string[]) {
  const axe = new AxeBuilder({ page })
  const { violations } = await (rules ? axe.withRules(rules) : axe).analyze()
  summary[state] = Object.fromEntries(violations.map((rule) => [rule.id, rule.nodes.length]))
  const described = violations.map(
    (rule) =>
      `${rule.id} (${rule.impact}, ${rule.nodes.length}×): ${rule.help} — ` +
      rule.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(' | '),
  )
  expect.soft(described, `axe violations on ${state}`).toEqual([])
}

/** The first element a Tab reaches is "Skip to content", and it leads to the page's main. */
async function expectSkipLinkFirst(page: Page, state: string): Promise<void> {
  const found = await page.evaluate(() => {
    const first = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, audio[controls], [tabindex]',
      ),
    ].find(
      (element) =>
        element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0,
    )
    const main = document.getElementById('main')
    return {
      text: first?.textContent?.trim(),
      href: first?.getAttribute('href'),
      target: main?.tagName.toLowerCase(),
      // -1: focusable by the link, so the next Tab continues inside the content.
      targetTabIndex: main?.tabIndex,
    }
  })
  expect
    .soft(found, `first tab stop on ${state}`)
    .toEqual({ text: 'Skip to content', href: '#main', target: 'main', targetTabIndex: -1 })
}

/** Fits the desktop width, with a screenshot kept (only for the states the layout check covers). */
async function expectFitsDesktop(page: Page, state: string, testInfo: TestInfo): Promise<void> {
  await expectFits(page, state, DESKTOP_WIDTH)
  await keepScreenshot(page, testInfo, state)
}

/**
 * The pages a signed-in listener or host reads differently from everyone else: the rest (sign-in,
 * sign-up, search, a show, a moment) differ only in the header, which `/` shows for each role.
 * Signed out and admin (whose header carries every link) sweep every page; the listener and host
 * sweep these, so each page is checked at least twice and each role's own pages once per role.
 */
const CALLER_PAGES: Record<'listener' | 'host', RegExp> = {
  // A listener's studio pages are all the same refusal: /studio stands for them.
  listener: /^\/(|episodes\/[^/]+(\/history)?|inbox|settings|suggestions|moderation|studio|admin\/users)$/,
  host: /^\/(|episodes\/[^/]+(\/history)?|inbox|settings|suggestions|moderation|studio(\/.*)?|admin\/users)$/,
}

async function checkEveryPage(
  page: Page,
  role: string,
  fixtures: PageFixtures,
  summary: AxeSummary,
  layout?: TestInfo,
  only?: RegExp,
) {
  const urls = everyPage(fixtures).filter((url) => !only || only.test(url))
  // A pattern that no longer matches a page (a route renamed) would quietly shrink the sweep.
  if (only) expect(urls.length, `pages for ${role}`).toBeGreaterThanOrEqual(8)
  for (const url of urls) {
    const response = await page.goto(url)
    expect.soft(response?.status(), `${url} as ${role}`).toBeLessThan(500)
    await expectSkipLinkFirst(page, `${url} as ${role}`)
    await expectAccessible(page, `${url} as ${role}`, summary)
    if (layout) await expectFitsDesktop(page, `${url} as ${role} at ${DESKTOP_WIDTH}px`, layout)
  }
}

async function openThread(page: Page, sentenceId: number) {
  await page.goto(EPISODE)
  await page.locator(`#s-${sentenceId}`).click()
}

async function postComment(request: APIRequestContext, user: E2eUser, sentenceId: number, body: string) {
  const response = await request.post(`/api/sentences/${sentenceId}/comments`, {
    headers: bearer(user),
    data: { body },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).comment.id as number
}

interface Arranged {
  fixtures: PageFixtures
  /** The sentence whose thread holds a reported comment, a hidden one, and a suggested fix. */
  threadSentence: number
  /** The suggestion and a host who can reject it once every test has run (other specs read the review queue). */
  suggestionId: number
  moderatorToken: string
}

// What the tests arrange is written beside the e2e database, so a worker that restarts after a
// failed test reuses it instead of making the users and comments again (the CLI is slow).
const ARRANGED_FILE = `${E2E_DIR}/a11y-arranged.json`

async function arrange(browser: Browser, request: APIRequestContext): Promise<Arranged> {
  if (existsSync(ARRANGED_FILE)) return JSON.parse(readFileSync(ARRANGED_FILE, 'utf8'))
  const page = await browser.newPage()
  const fixtures = await pageFixtures(page)
  // The second-to-last sentence: away from the first dozen, which other specs comment on, split
  // and merge.
  const sentences = page.locator('.sentence')
  const last = (await sentences.count()) - 2
  const threadSentence = Number((await sentences.nth(last).getAttribute('id'))!.slice(2))
  await page.close()
  const author = await createUser('a11y-author')
  const reader = await createUser('a11y-reader')
  const moderator = await createUser('a11y-moderator', 'host')
  const reported = await postComment(request, author, threadSentence, 'Visit my site for more.')
  const report = await request.post(`/api/comments/${reported}/reports`, {
    headers: bearer(reader),
    data: { reason: 'spam' },
  })
  expect(report.status()).toBe(201)
  const hidden = await postComment(request, author, threadSentence, 'A comment a moderator hid.')
  const hide = await request.post(`/api/comments/${hidden}/moderation`, {
    headers: bearer(moderator),
    data: { action: 'hide' },
  })
  expect(hide.status()).toBe(200)
  const suggestion = await request.post(`/api/sentences/${threadSentence}/suggestions`, {
    headers: bearer(reader),
    data: { text: 'A suggested wording for this sentence.' },
  })
  expect(suggestion.status()).toBe(201)
  const suggestionId: number = (await suggestion.json()).suggestion.id
  const arranged = { fixtures, threadSentence, suggestionId, moderatorToken: moderator.token }
  writeFileSync(ARRANGED_FILE, JSON.stringify(arranged))
  return arranged
}

test.describe('axe on every page', () => {
  test.describe.configure({ timeout: 900_000 })
  let fixtures: PageFixtures
  let threadSentence: number
  let summary: AxeSummary

  test.beforeAll(async ({ browser, request }) => {
    // Users are made with the CLI, several seconds (on a busy machine, minutes) each.
    test.setTimeout(900_000)
    ;({ fixtures, threadSentence } = await arrange(browser, request))
  })

  test.beforeEach(() => {
    summary = {}
  })

  // The counts by rule and page, kept even when a test stops early.
  test.afterEach(async ({}, testInfo) => {
    const body = JSON.stringify(summary, null, 2)
    await testInfo.attach('axe-violations.json', { body, contentType: 'application/json' })
    const failing = Object.entries(summary).filter(([, rules]) => Object.keys(rules).length > 0)
    for (const [state, rules] of failing) console.log(`axe ${state}: ${JSON.stringify(rules)}`)
  })

  // Leave the review queue as the other specs expect it: nothing waiting.
  test.afterAll(async ({ request }) => {
    if (!existsSync(ARRANGED_FILE)) return
    const { suggestionId, moderatorToken } = JSON.parse(readFileSync(ARRANGED_FILE, 'utf8')) as Arranged
    const rejected = await request.post(`/api/suggestions/${suggestionId}/reject`, {
      headers: { authorization: `Bearer ${moderatorToken}` },
      data: { reason: 'Only an accessibility test.' },
    })
    // 200, or already decided by an earlier worker of this spec (a retry runs afterAll again).
    expect([200, 409, 422]).toContain(rejected.status())
  })

  test('signed out', async ({ page }, testInfo) => {
    await checkEveryPage(page, 'signed out', fixtures, summary, testInfo)
    await openThread(page, threadSentence)
    await expect(threadOf(page)).toBeVisible()
    await expectAccessible(page, 'open thread as signed out', summary)
    await expectFitsDesktop(page, `open thread signed out at ${DESKTOP_WIDTH}px`, testInfo)
  })

  test('listener', async ({ page }) => {
    await signIn(page, await createUser('a11y-listener'), '/')
    await checkEveryPage(page, 'listener', fixtures, summary, undefined, CALLER_PAGES.listener)
    await openThread(page, threadSentence)
    await expect(threadOf(page)).toBeVisible()
    await expectAccessible(page, 'open thread as listener', summary)
    await threadOf(page)
      .getByRole('button', { name: /suggest a fix/i })
      .click()
    await expect(threadOf(page).getByRole('form', { name: /suggest/i })).toBeVisible()
    await expectAccessible(page, 'suggest a fix as listener', summary)
  })

  test('host', async ({ page }) => {
    await signIn(page, await createUser('a11y-host', 'host'), '/')
    await checkEveryPage(page, 'host', fixtures, summary, undefined, CALLER_PAGES.host)
    await page.goto('/moderation')
    await expect(
      page.getByRole('article').filter({ hasText: 'Visit my site for more.' }).first(),
    ).toBeVisible()
    await openThread(page, threadSentence)
    await expect(threadOf(page)).toContainText('A comment a moderator hid.')
    await expect(threadOf(page).getByRole('form', { name: 'Edit this sentence' })).toBeVisible()
    await expectAccessible(page, 'open thread with the editor and a hidden comment as host', summary)
  })

  test('admin', async ({ page }, testInfo) => {
    await signIn(page, await createUser('a11y-admin', 'admin'), '/')
    await checkEveryPage(page, 'admin', fixtures, summary, testInfo)
    await openThread(page, threadSentence)
    await expect(threadOf(page).getByRole('form', { name: 'Edit this sentence' })).toBeVisible()
    await expectAccessible(page, 'open thread as admin', summary)
    await expectFitsDesktop(page, `host editor at ${DESKTOP_WIDTH}px`, testInfo)
  })

  // The dark palette (prefers-color-scheme: dark) holds the same contrast: every page, and the
  // host's thread with the hidden comment, read with axe's colour-contrast rule.
  test('dark mode', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await signIn(page, await createUser('a11y-dark-host', 'host'), '/')
    for (const url of everyPage(fixtures)) {
      await page.goto(url)
      await expectAccessible(page, `${url} in dark mode`, summary, ['color-contrast'])
    }
    await openThread(page, threadSentence)
    await expect(threadOf(page)).toContainText('A comment a moderator hid.')
    await expectAccessible(page, 'open thread as host in dark mode', summary, ['color-contrast'])
  })
})
