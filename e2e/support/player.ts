// Reading the episode page's <audio> element and player from the listening specs.
import type { Locator, Page } from '@playwright/test'

export interface AudioState {
  currentTime: number
  paused: boolean
  playbackRate: number
}

export function audioState(page: Page): Promise<AudioState> {
  return page.evaluate(() => {
    const audio = document.querySelector('audio')!
    return { currentTime: audio.currentTime, paused: audio.paused, playbackRate: audio.playbackRate }
  })
}

/** Records audio.currentTime at each `playing` event, so a test reads where playback really began. */
export async function recordStarts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const starts: number[] = []
    ;(window as unknown as { __starts: number[] }).__starts = starts
    document.querySelector('audio')!.addEventListener('playing', (event) => {
      starts.push((event.target as HTMLAudioElement).currentTime)
    })
  })
}

/** The same from the page's first script on, for playback that starts by itself (?t= links). */
export async function recordStartsFromLoad(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const starts: number[] = []
    ;(window as unknown as { __starts: number[] }).__starts = starts
    // Media events do not bubble: listen in the capture phase.
    document.addEventListener(
      'playing',
      (event) => {
        if (event.target instanceof HTMLAudioElement) starts.push(event.target.currentTime)
      },
      true,
    )
  })
}

export function recordedStarts(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __starts: number[] }).__starts)
}

export function player(page: Page) {
  return page.getByRole('region', { name: 'Player' })
}

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, limit = 25): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
}
