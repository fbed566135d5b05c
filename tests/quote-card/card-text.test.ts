// What the quote card hands satori: only glyphs the bundled fonts draw, emoji as pictures,
// untrusted text as text, and long text cut with an ellipsis.
import { describe, expect, it } from 'vitest'
import { cleanCardText, ELLIPSIS, prepareCardTexts, type CardText } from '../../lib/quote-card/card-text'
import { twemojiNames } from '../../lib/quote-card/emoji-images'

function textOf(card: CardText): string {
  return card.tokens.map((token) => (token.kind === 'text' ? token.text : `[${token.label}]`)).join('')
}

describe('card text', () => {
  it('keeps Latin, Japanese and Chinese text whole and loads only the subsets it needs', async () => {
    const texts = await prepareCardTexts({
      latin: 'Hello, “world” — café',
      ja: '東京の空は青い。',
      zh: '我们讨论播客。',
    })
    expect(textOf(texts.layout('latin', 1000))).toBe('Hello, “world” — café')
    expect(textOf(texts.layout('ja', 1000))).toBe('東京の空は青い。')
    expect(textOf(texts.layout('zh', 1000))).toBe('我们讨论播客。')
    const names = new Set(texts.fonts.map((font) => font.name))
    expect([...names].some((name) => name.startsWith('card-jp-'))).toBe(true)
    expect(names.has('card-sans-latin')).toBe(true)
    // A handful of subsets, not the families' hundreds.
    expect(names.size).toBeLessThan(20)
  })

  it('draws ✓ with the symbols font and emoji as Twemoji pictures', async () => {
    const texts = await prepareCardTexts({ quote: 'Done ✓ 🎉 👩‍💻 🇯🇵 ❤️' })
    const card = texts.layout('quote', 1000)
    expect(textOf(card)).toBe('Done ✓ [🎉] [👩‍💻] [🇯🇵] [❤️]')
    expect(texts.fonts.some((font) => font.name.startsWith('card-symbols-'))).toBe(true)
    const pictures = card.tokens.flatMap((token) => (token.kind === 'emoji' ? [token.src] : []))
    expect(pictures).toHaveLength(4)
    for (const src of pictures) expect(src).toMatch(/^data:image\/svg\+xml;base64,/)
  })

  it('leaves out what no bundled font draws, and control characters', async () => {
    // Tifinagh and Linear B: no bundled font has them; next/og would go and download one.
    const texts = await prepareCardTexts({ quote: 'a\u0000b ⵣ 𐀀 c\u200bd' })
    expect(textOf(texts.layout('quote', 1000))).toBe('a b cd')
  })

  it('keeps markup as literal text', async () => {
    const texts = await prepareCardTexts({ quote: '<img src=x onerror=alert(1)> & <b>bold</b>' })
    expect(textOf(texts.layout('quote', 1000))).toBe('<img src=x onerror=alert(1)> & <b>bold</b>')
  })

  it('cuts long text at a word and ends it with an ellipsis', async () => {
    const texts = await prepareCardTexts({
      quote: 'one two three four five six seven',
      cjk: '一二三四五六七八九十',
    })
    const cut = texts.layout('quote', 16)
    expect(cut.truncated).toBe(true)
    expect(textOf(cut)).toBe(`one two three${ELLIPSIS}`)
    expect(cut.units).toBeLessThanOrEqual(16)
    // CJK characters are twice as wide and break anywhere.
    expect(textOf(texts.layout('cjk', 9))).toBe(`一二三四${ELLIPSIS}`)
    expect(texts.layout('quote', 1000).truncated).toBe(false)
  })

  it('cleans whitespace and invisible format characters', () => {
    expect(cleanCardText('  a\n\tb\u2028c\u200e ')).toBe('a b c')
    expect(cleanCardText('e\u0301')).toBe('é')
  })

  it('names Twemoji files as the package does', () => {
    expect(twemojiNames('🎉')).toEqual(['1f389'])
    expect(twemojiNames('❤️')).toEqual(['2764'])
    expect(twemojiNames('❤️‍🔥')).toEqual(['2764-fe0f-200d-1f525', '2764-200d-1f525'])
  })
})
