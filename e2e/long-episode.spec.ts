// Long episodes stay fast (issue 14, item 3), measured in Chromium on a generated episode as
// long as the longest in the corpus (~1,600 sentences, e2e/support/long-episode.ts):
// - the HTML is at most 300 KB;
// - first contentful paint and interactive (navigation timing, paint entries, long tasks) within
//   a ratio of the short demo episode's, measured in the same test (held under any load), and
//   within FIRST_PAINT_BUDGET_MS / INTERACTIVE_BUDGET_MS of navigation start when the machine is
//   not saturated;
// - opening a sentence's thread takes at most 100 ms, click to visible, timed in the page.
// The same measurements with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) are printed,
// not asserted: they describe a slow phone, not a regression line for this shared machine.
import { availableParallelism, loadavg } from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { EPISODE } from './support/episode'
import { importEpisode, longConversationVtt } from './support/long-episode'

const SENTENCES = 1_600
const HTML_BUDGET_BYTES = 300 * 1024
// Budgets on this 2-core machine, shared with other work (see docs/decisions/0016-long-episode-page.md): well under
// the 1.5 s issue 14 measured for the same page before, with room for a busy machine.
const FIRST_PAINT_BUDGET_MS = 1_000
const INTERACTIVE_BUDGET_MS = 2_000
/**
 * Time budgets describe this machine doing this one thing. When other work saturates it (a load
 * average above twice the cores, as when several e2e builds run at once) a timing says more about
 * the neighbours than about the page: it is then printed with the load and not held to the budget.
 * Bytes and the thread-open budget are always held.
 */
function expectWithinTimeBudget(what: string, ms: number, budget: number): void {
  const load = loadavg()[0]!
  if (load <= 2 * availableParallelism()) {
    expect(ms, what).toBeLessThanOrEqual(budget)
    return
  }
  const description = `${what}: ${ms.toFixed(0)} ms against ${budget} ms, at load average ${load.toFixed(1)} on ${availableParallelism()} cores`
  test.info().annotations.push({ type: 'timing not asserted (machine saturated)', description })
  console.log(`long episode: not asserted, ${description}`)
}
/**
 * The long page against the short demo episode loaded in the same test: a slower machine slows
 * both, so these hold under any load. The slack absorbs a baseline of a few tens of ms.
 */
const PAINT_RATIO = 2
const INTERACTIVE_RATIO = 3
const RATIO_SLACK_MS = 300
const THREAD_OPEN_BUDGET_MS = 100
/** A wait, not a budget: the browser adds the sentences the server did not render right after hydration. */
const ALL_RENDERED_MS = 30_000

let episode: string
/** How many sentences the import made of the generated file (a few fragments join their neighbours). */
let sentenceCount: number

test.beforeAll(() => {
  test.setTimeout(120_000)
  ;({ path: episode, sentences: sentenceCount } = importEpisode(longConversationVtt(SENTENCES)))
  expect(sentenceCount).toBeGreaterThan(SENTENCES * 0.95)
})

/** Resolves when the page's main thread has been idle (all rendering and hydration work done). */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })),
  )
}

interface LoadFigures {
  responseEnd: number
  firstContentfulPaint: number
  domContentLoaded: number
  load: number
  /** The end of the last long task (≥ 50 ms) after the first paint, or DOMContentLoaded if later: when input is answered promptly. */
  interactive: number
  longTasks: number
}

/** Collects long tasks from the very start of every page (buffered observers miss none). */
async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: Array<{ start: number; end: number }> = []
    ;(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration })
    }).observe({ type: 'longtask', buffered: true })
  })
}

async function loadFigures(page: Page, url: string, sentences?: number): Promise<LoadFigures> {
  await page.goto(url, { waitUntil: 'load' })
  // The whole transcript there, and the main thread idle: hydration and what it scheduled are done.
  if (sentences !== undefined)
    await expect(page.locator('.sentence')).toHaveCount(sentences, { timeout: ALL_RENDERED_MS })
  await idle(page)
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    const paint = performance.getEntriesByName('first-contentful-paint')[0]
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; end: number }> }).__longTasks
    const firstContentfulPaint = paint?.startTime ?? Number.NaN
    const lastTask = tasks.reduce((end, task) => Math.max(end, task.end), 0)
    return {
      responseEnd: navigation.responseEnd,
      firstContentfulPaint,
      domContentLoaded: navigation.domContentLoadedEventEnd,
      load: navigation.loadEventEnd,
      interactive: Math.max(firstContentfulPaint, navigation.domContentLoadedEventEnd, lastTask),
      longTasks: tasks.length,
    }
  })
}

/**
 * Clicks sentences spread over the transcript and times, in the page, click → the thread shown
 * and settled (present, visible and not aria-busy), one frame after; closes it again each time.
 */
async function threadOpenTimes(page: Page, samples = 5): Promise<number[]> {
  const times: number[] = []
  const count = await page.locator('.sentence').count()
  for (let n = 0; n < samples; n++) {
    const sentence = page.locator('.sentence').nth(Math.floor(((n + 0.5) * count) / samples))
    await sentence.scrollIntoViewIfNeeded()
    await idle(page)
    times.push(
      await sentence.evaluate(
        (element) =>
          new Promise<number>((resolve) => {
            const started = performance.now()
            ;(element as HTMLElement).click()
            const check = () => {
              const panel = document.querySelector<HTMLElement>('.comment-panel')
              if (panel && panel.checkVisibility() && panel.getAttribute('aria-busy') !== 'true')
                requestAnimationFrame(() => resolve(performance.now() - started))
              else requestAnimationFrame(check)
            }
            check()
          }),
      ),
    )
    await page.keyboard.press('Escape')
    await expect(page.locator('.comment-panel')).toHaveCount(0)
  }
  return times
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function summary(figures: LoadFigures): string {
  return (
    `response end ${figures.responseEnd.toFixed(0)} ms, first contentful paint ${figures.firstContentfulPaint.toFixed(0)} ms, ` +
    `DOMContentLoaded ${figures.domContentLoaded.toFixed(0)} ms, load ${figures.load.toFixed(0)} ms, ` +
    `interactive ${figures.interactive.toFixed(0)} ms (${figures.longTasks} long tasks)`
  )
}

test('a 1,600-sentence episode: HTML within 300 KB, paints and turns interactive within budget', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000)
  const response = await request.get(episode)
  expect(response.status()).toBe(200)
  const bytes = (await response.body()).byteLength
  await observeLongTasks(page)
  await page.goto(episode)
  await expect(page.locator('.sentence')).toHaveCount(sentenceCount, { timeout: ALL_RENDERED_MS })
  // The first load warms the server's caches; the second is the one measured.
  const figures = await loadFigures(page, episode, sentenceCount)
  // The baseline, in the same run on the same machine: the short demo episode, loaded the same way.
  await loadFigures(page, EPISODE)
  const baseline = await loadFigures(page, EPISODE)
  console.log(
    `long episode (${sentenceCount} sentences): HTML ${(bytes / 1024).toFixed(0)} KB (${bytes} bytes); ${summary(figures)}; ` +
      `short demo episode: ${summary(baseline)}`,
  )
  expect(bytes).toBeLessThanOrEqual(HTML_BUDGET_BYTES)
  // Held whatever the machine is doing: against the short episode measured beside it.
  expect(figures.firstContentfulPaint, 'first paint against the short episode').toBeLessThanOrEqual(
    PAINT_RATIO * baseline.firstContentfulPaint + RATIO_SLACK_MS,
  )
  expect(figures.interactive, 'interactive against the short episode').toBeLessThanOrEqual(
    INTERACTIVE_RATIO * baseline.interactive + RATIO_SLACK_MS,
  )
  expectWithinTimeBudget('first contentful paint', figures.firstContentfulPaint, FIRST_PAINT_BUDGET_MS)
  expectWithinTimeBudget('interactive', figures.interactive, INTERACTIVE_BUDGET_MS)
})

test('a 1,600-sentence episode: a sentence’s thread opens within 100 ms', async ({ page }) => {
  test.setTimeout(90_000)
  await page.goto(episode)
  await expect(page.locator('.sentence')).toHaveCount(sentenceCount, { timeout: ALL_RENDERED_MS })
  await idle(page)
  // One open first: code and data a first open loads are not what a listener waits for each time.
  await threadOpenTimes(page, 1)
  const times = await threadOpenTimes(page)
  console.log(
    `long episode: thread open ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(times).toFixed(0)})`,
  )
  expect(median(times)).toBeLessThanOrEqual(THREAD_OPEN_BUDGET_MS)
})

test('a 1,600-sentence episode with the CPU slowed 4× (printed, not asserted)', async ({ page }) => {
  test.setTimeout(120_000)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  try {
    await observeLongTasks(page)
    await page.goto(episode)
    await expect(page.locator('.sentence')).toHaveCount(sentenceCount, { timeout: ALL_RENDERED_MS })
    const figures = await loadFigures(page, episode, sentenceCount)
    await threadOpenTimes(page, 1)
    const times = await threadOpenTimes(page)
    console.log(
      `long episode at 4× CPU: ${summary(figures)}; thread open ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(times).toFixed(0)})`,
    )
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  }
})

test('a 1,600-sentence episode: a link to a sentence the server did not render still lands on it', async ({
  page,
}) => {
  test.setTimeout(60_000)
  await page.goto(episode)
  await expect(page.locator('.sentence')).toHaveCount(sentenceCount, { timeout: ALL_RENDERED_MS })
  const late = await page
    .locator('.sentence')
    .nth(sentenceCount - 20)
    .getAttribute('id')
  await page.goto('about:blank')
  await page.goto(`${episode}#${late}`)
  const sentence = page.locator(`[id="${late}"]`)
  await expect(sentence).toBeInViewport({ timeout: ALL_RENDERED_MS })
  await expect.poll(() => sentence.evaluate((element) => element.matches(':target'))).toBe(true)
  // The keyboard starts there too: it is the transcript's tab stop, and End reaches the last sentence.
  await expect(sentence).toHaveAttribute('tabindex', '0')
  await sentence.focus()
  await page.keyboard.press('End')
  await expect(page.locator('.sentence').last()).toBeFocused()
})

test('a 1,600-sentence episode whose rest does not arrive says so and links the text file', async ({
  page,
}) => {
  let asked = 0
  await page.route('**/segments.json?*', (route) => {
    asked++
    return route.fulfill({ status: 503, body: 'unavailable' })
  })
  await page.goto(episode)
  const notice = page.getByRole('status').filter({ hasText: 'The rest of this transcript did not load' })
  await expect(notice).toBeVisible({ timeout: 15_000 })
  await expect(notice.getByRole('link', { name: /whole transcript as text/ })).toHaveAttribute(
    'href',
    `${episode}/transcript.txt`,
  )
  // Three attempts, then the notice; the first screens stay readable.
  expect(asked).toBe(3)
  expect(await page.locator('.sentence').count()).toBeLessThan(sentenceCount)
})
