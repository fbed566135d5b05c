// Search results a listener can scan: when the words came up (a chart with a table, bars that
// narrow the search to their period), one group per episode with its count, sort by date, and
// find-in-this-episode driven by the keyboard alone.
import { execFileSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { CLI_NODE_ARGS } from '../scripts/lib/cli-node-args'
import { E2E_DATABASE_URL, E2E_DIR } from './support/paths'

// A word no other spec's episodes hold, fresh each run (the e2e database outlives a run).
const RUN = randomUUID()
  .replace(/[^a-f]/g, '')
  .slice(0, 6)
  .padEnd(6, 'a')
const WORD = `quokkaz${RUN}`
const SHOW_A = `search-ui-a-${RUN}`
const SHOW_B = `search-ui-b-${RUN}`
const EPISODES = {
  a1: `search-ui-a1-${RUN}`,
  a2: `search-ui-a2-${RUN}`,
  b1: `search-ui-b1-${RUN}`,
  b2: `search-ui-b2-${RUN}`,
}

function vtt(lines: string[]): string {
  const clock = (s: number) =>
    `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`
  return `WEBVTT\n\n${lines.map((text, i) => `${clock(i * 5)} --> ${clock(i * 5 + 5)}\n<v Ana Ortiz>${text}\n`).join('\n')}`
}

const TRANSCRIPTS: Record<keyof typeof EPISODES, string[]> = {
  a1: [
    `The ${WORD} came up first here.`,
    'Something else entirely.',
    `A second ${WORD} sighting.`,
    `Third time the ${WORD} appears.`,
    'Weather talk.',
    `Last ${WORD} of the episode.`,
  ],
  a2: [`Once more a ${WORD} in March.`, 'Nothing else.'],
  b1: [`The other show has a ${WORD} too.`, `And a second ${WORD}.`],
  b2: [`An undated ${WORD} episode.`],
}

// Imported with the real CLI (the path every transcript takes), then dated as a feed would date them.
function importEpisodes(show: string, keys: (keyof typeof EPISODES)[]): void {
  const folder = mkdtempSync(join(tmpdir(), 'hearsay-search-ui-'))
  try {
    const files = keys.map((key) => {
      const file = join(folder, `${EPISODES[key]}.vtt`)
      writeFileSync(file, vtt(TRANSCRIPTS[key]))
      return file
    })
    execFileSync(process.execPath, [...CLI_NODE_ARGS, 'scripts/import.ts', ...files, '--show', show], {
      env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
      encoding: 'utf8',
    })
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

// Two CLI runs and pages that search: generous under a loaded machine.
test.describe.configure({ timeout: 90_000 })

test.beforeAll(() => {
  test.setTimeout(180_000)
  importEpisodes(SHOW_A, ['a1', 'a2'])
  importEpisodes(SHOW_B, ['b1', 'b2'])
  const db = new Database(`${E2E_DIR}/hearsay.db`)
  try {
    const date = db.prepare(`UPDATE Episode SET publishedAt = ? WHERE slug = ?`)
    date.run('2024-01-15T09:00:00.000Z', EPISODES.a1)
    date.run('2024-03-20T09:00:00.000Z', EPISODES.a2)
    date.run('2024-03-02T09:00:00.000Z', EPISODES.b1)
  } finally {
    db.close()
  }
})

function groupSlugs(page: Page) {
  return page
    .locator('.result-group h2 a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')!.replace('/episodes/', '')))
}

test('the chart shows when the words came up, per show, with a table, and a bar narrows the search', async ({
  page,
}) => {
  await page.goto(`/search?q=${WORD}`)
  const chart = page.getByRole('region', { name: /When it came up/ })
  await expect(chart).toBeVisible()
  await expect(chart.locator('svg')).toBeVisible()
  await expect(chart).toContainText('1 of 4 episodes have no publish date')
  // One row per show: both shows' bars are links named by period, show and count.
  const marchA = chart.locator(`svg a[aria-label^="Mar 2024, Search Ui A "]`)
  await expect(marchA).toHaveAttribute('aria-label', /: 1 match$/)
  await expect(chart.locator('svg a[aria-label^="Jan 2024"]')).toHaveAttribute('aria-label', /: 4 matches$/)

  // The table alternative, opened from the keyboard.
  await chart.getByText('The chart as a table').focus()
  await page.keyboard.press('Enter')
  const table = chart.getByRole('table')
  await expect(table).toBeVisible()
  await expect(table.getByRole('row', { name: /Jan 2024/ })).toContainText('4')
  await expect(table.getByRole('row', { name: /Mar 2024/ })).toContainText('1')

  // A bar narrows the search to its month (and its show) through after:/before:.
  await marchA.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/after%3A2024-03\+before%3A2024-04/)
  await expect(page.getByRole('searchbox', { name: /Words/ })).toHaveValue(
    `${WORD} after:2024-03 before:2024-04 show:${SHOW_A}`,
  )
  expect(await groupSlugs(page)).toEqual([EPISODES.a2])
})

test('results come in one group per episode with its count, and sort by date', async ({ page }) => {
  await page.goto(`/search?q=${WORD}`)
  await expect(page.getByRole('status').filter({ hasText: 'matching sentences' })).toContainText(
    '8 matching sentences in 4 episodes',
  )
  const a1 = page.locator('.result-group', { has: page.locator(`a[href="/episodes/${EPISODES.a1}"]`) })
  await expect(a1.locator('.result-count')).toHaveText('4 matches')
  await expect(a1.locator('.hit')).toHaveCount(3)
  await expect(a1.locator('.hit .speaker').first()).toHaveText('Ana Ortiz')
  await expect(a1.getByRole('link', { name: '1 more in this episode' })).toHaveAttribute(
    'href',
    `/episodes/${EPISODES.a1}?find=${WORD}`,
  )

  // Newest first: the undated episode by its import date (today), then by publish date.
  await page
    .getByRole('navigation', { name: 'Sort results' })
    .getByRole('link', { name: 'Newest first' })
    .click()
  await expect(page).toHaveURL(/sort=date/)
  await expect.poll(() => groupSlugs(page)).toEqual([EPISODES.b2, EPISODES.a2, EPISODES.b1, EPISODES.a1])
  await expect(page.getByRole('combobox', { name: 'Sort', exact: true })).toHaveValue('date')
})

test('find in this episode steps through matches with the keyboard alone', async ({ page }) => {
  await page.goto(`/episodes/${EPISODES.a1}`)
  const ids = await page
    .locator('.sentence')
    .evaluateAll(
      (sentences, word) => sentences.filter((s) => s.textContent!.includes(word)).map((s) => s.id),
      WORD,
    )
  expect(ids).toHaveLength(4)

  await page.locator('body').press('/')
  const field = page.getByRole('searchbox', { name: /Find in this episode/ })
  await expect(field).toBeFocused()
  await page.keyboard.type(WORD)
  await page.keyboard.press('Enter')
  const status = page.locator('#find-in-episode-status')
  await expect(status).toHaveText('1 of 4')
  await expect(page).toHaveURL(new RegExp(`#${ids[0]}$`))
  const target = (id: string) =>
    page.locator(`[id="${id}"]`).evaluate((element) => element.matches(':target'))
  expect(await target(ids[0]!)).toBe(true)

  await page.keyboard.press('Enter')
  await expect(status).toHaveText('2 of 4')
  await expect(page).toHaveURL(new RegExp(`#${ids[1]}$`))
  await expect(page.locator(`[id="${ids[1]}"]`)).toBeInViewport()
  expect(await target(ids[1]!)).toBe(true)
  await expect(field).toBeFocused()

  await page.keyboard.press('Shift+Enter')
  await expect(status).toHaveText('1 of 4')
  await page.keyboard.press('Shift+Enter')
  await expect(status).toHaveText('4 of 4')
  await expect(page).toHaveURL(new RegExp(`#${ids[3]}$`))

  // Escape closes the find and leaves focus on the sentence found.
  await page.keyboard.press('Escape')
  await expect(status).toHaveText('')
  await expect(page.locator(`[id="${ids[3]}"]`)).toBeFocused()
})

test('"N more in this episode" opens the episode with the find already run', async ({ page }) => {
  await page.goto(`/episodes/${EPISODES.a1}?find=${WORD}`)
  // The search runs once the page is interactive; a loaded machine takes its time.
  await expect(page.locator('#find-in-episode-status')).toHaveText('1 of 4', { timeout: 20_000 })
  await expect(page.getByRole('searchbox', { name: /Find in this episode/ })).toHaveValue(WORD)
})
