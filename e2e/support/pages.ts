// Every page of the app, as URLs a test can open: the templates are read from app/ (each
// page.tsx, scripts/lib/route-sweep.ts), so a page added later is visited by the layout and
// accessibility specs without editing them. Path parameters are filled with the demo data.
import type { Page } from '@playwright/test'
import { pageTemplates } from '../../scripts/lib/route-sweep'
import { EPISODE } from './episode'

/** Real records the parameters of a page's path are filled with. */
export interface PageFixtures {
  episodeSlug: string
  showSlug: string
  sentenceId: number
}

/** Reads the demo episode's slug, its show's slug and one of its sentences from the episode page. */
export async function pageFixtures(page: Page): Promise<PageFixtures> {
  await page.goto(EPISODE)
  const showHref = await page.locator('main a[href^="/shows/"]').first().getAttribute('href')
  const sentence = await page.locator('.sentence').nth(3).getAttribute('id')
  return {
    episodeSlug: EPISODE.slice('/episodes/'.length),
    showSlug: showHref!.slice('/shows/'.length).split(/[/?#]/)[0]!,
    sentenceId: Number(sentence!.slice('s-'.length)),
  }
}

/**
 * The template with each parameter filled: a `[slug]` after `episodes` is an episode's, after
 * `shows` a show's. A parameter this does not know stops the test with a message saying where
 * to teach it, rather than skipping the page.
 */
export function fillPage(template: string, fixtures: PageFixtures): string {
  const segments = template.split('/')
  return segments
    .map((segment, index) => {
      const parameter = /^\[(.+)\]$/.exec(segment)?.[1]
      if (!parameter) return segment
      const before = segments[index - 1]
      if (parameter === 'slug' && before === 'episodes') return fixtures.episodeSlug
      if (parameter === 'slug' && before === 'shows') return fixtures.showSlug
      if (parameter === 'sentenceId') return String(fixtures.sentenceId)
      throw new Error(`No value for ${segment} in ${template}: teach fillPage in e2e/support/pages.ts`)
    })
    .join('/')
}

/** Every page's URL, plus the states of a page that read differently (search with a query). */
export function everyPage(fixtures: PageFixtures): string[] {
  const urls = pageTemplates()
    .sort()
    .map((template) => fillPage(template, fixtures))
  return [...urls, '/search?q=sqlite']
}
