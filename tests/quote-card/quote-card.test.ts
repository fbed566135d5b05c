// The quote card renders as a 1200×630 PNG for Latin, Japanese and Chinese quotes, with ✓ and
// emoji, without touching the network (next/og would download fonts and emoji: card-text.ts),
// and through the real route handler with its cache rules.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImageResponse } from 'next/og'
import { createElement } from 'react'
import { quoteCardHandler } from '../../lib/api/quote-card-api'
import { renderQuoteCard, type QuoteCardContent } from '../../lib/quote-card/quote-card'
import { freshApp } from '../support/app-database'
import { refuseNetwork } from './offline-network'
import { pngSize } from './png'

const RENDER_TIMEOUT = 90_000

function content(overrides: Partial<QuoteCardContent>): QuoteCardContent {
  return {
    text: 'We shipped the whole thing in a weekend, and nobody noticed until Monday.',
    speaker: 'Ana Lima',
    startMs: 95_000,
    episodeTitle: 'Episode one',
    showTitle: 'The Show',
    ...overrides,
  }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('quote card rendering, offline', () => {
  it(
    'the network guard sees next/og download a font for a glyph it lacks (so the tests below can fail)',
    async () => {
      const network = refuseNetwork()
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const image = new ImageResponse(createElement('div', { style: { display: 'flex' } }, '今日は'), {
        width: 200,
        height: 100,
      })
      await image.arrayBuffer().catch(() => null)
      errors.mockRestore()
      expect(network.attempts.some((url) => url.startsWith('https://'))).toBe(true)
    },
    RENDER_TIMEOUT,
  )

  it.each([
    ['a Latin quote', content({})],
    [
      'a Japanese quote',
      content({
        text: '今日はとても良い天気ですね。東京の空は青いです。',
        speaker: '田中',
        showTitle: 'ポッドキャスト',
      }),
    ],
    ['a Chinese quote', content({ text: '我们今天讨论播客的未来，以及听众如何参与。', speaker: '王伟' })],
    ['a quote with ✓ and emoji', content({ text: 'It works ✓ and we love it 🎉🚀 👩‍💻 🇯🇵 ❤️' })],
    [
      'a very long quote',
      content({ text: 'Lorem ipsum dolor sit amet, '.repeat(60), episodeTitle: 'x'.repeat(300) }),
    ],
  ])(
    'renders %s as a 1200×630 PNG without the network',
    async (_name, card) => {
      const network = refuseNetwork()
      const png = await renderQuoteCard(card)
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 })
      expect(network.attempts).toEqual([])
    },
    RENDER_TIMEOUT,
  )
})

describe('GET /episodes/:slug/moments/:sentenceId/card.png', () => {
  it(
    'serves the card as image/png with cache headers, 304 for its ETag, 404 for a sentence elsewhere',
    async () => {
      const app = await freshApp()
      const network = refuseNetwork([app.databaseUrl])
      const [first] = app.sentenceIds as [number]
      const response = await quoteCardHandler(app, 'ep-1', String(first))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('image/png')
      expect(response.headers.get('cache-control')).toMatch(/^public, max-age=\d+/)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      const etag = response.headers.get('etag')
      expect(etag).toMatch(/^"[\w-]+"$/)
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 })

      const again = await quoteCardHandler(app, 'ep-1', String(first), {
        headers: new Headers({ 'If-None-Match': etag! }),
      })
      expect(again.status).toBe(304)
      expect(await again.text()).toBe('')

      // A correction changes what the card shows, so its tag.
      await app.db.sentence.update({
        where: { id: first },
        data: { text: 'Corrected words.', version: { increment: 1 } },
      })
      const corrected = await quoteCardHandler(app, 'ep-1', String(first), {
        headers: new Headers({ 'If-None-Match': etag! }),
      })
      expect(corrected.status).toBe(200)
      expect(corrected.headers.get('etag')).not.toBe(etag)
      await corrected.arrayBuffer()

      expect((await quoteCardHandler(app, 'ep-1', String(app.otherEpisodeSentenceId))).status).toBe(404)
      expect((await quoteCardHandler(app, 'ep-1', 'abc')).status).toBe(404)
      expect((await quoteCardHandler(app, 'nope', String(first))).status).toBe(404)
      expect(network.attempts).toEqual([])
    },
    RENDER_TIMEOUT,
  )
})
