// The quote card: a 1200×630 PNG (Open Graph's large image) of one sentence with its speaker,
// time, episode and show, drawn by next/og (satori + resvg) with fonts and emoji from npm
// packages only (card-text.ts says why nothing may be left for next/og to download).
import 'server-only'
import { ImageResponse } from 'next/og'
import { formatTimestamp } from '@/lib/format'
import { prepareCardTexts, type CardText } from './card-text'

export const CARD_WIDTH = 1200
/** Bump when the card's look changes: it is part of the card's ETag. */
export const QUOTE_CARD_DESIGN = 1
export const CARD_HEIGHT = 630

export interface QuoteCardContent {
  text: string
  speaker: string | null
  startMs: number
  episodeTitle: string
  showTitle: string
}

const PADDING_X = 72
const QUOTE_WIDTH = CARD_WIDTH - 2 * PADDING_X - 24
const QUOTE_HEIGHT = 330
const LINE_HEIGHT = 1.3
/** Largest first; the smallest one cuts a long quote to fit. */
const QUOTE_SIZES = [68, 60, 52, 46, 40, 35, 31] as const

/**
 * How many half-em units fit in the quote box at a font size. A half-em is about one Latin
 * letter (Noto Sans averages ~0.53 em); a CJK character or emoji counts two. Word wrap wastes
 * part of each line, hence the margin.
 */
export function quoteCapacity(fontSize: number): number {
  const lines = Math.floor(QUOTE_HEIGHT / (fontSize * LINE_HEIGHT))
  const perLine = Math.floor(QUOTE_WIDTH / (fontSize * 0.56))
  return Math.floor(lines * perLine * 0.85)
}

/** The largest size the whole quote fits at, or the smallest (the quote is then cut). */
export function quoteFontSize(units: number): number {
  return QUOTE_SIZES.find((size) => units <= quoteCapacity(size)) ?? QUOTE_SIZES.at(-1)!
}

const COLORS = { paper: '#fbfaf7', ink: '#1d1f24', muted: '#5b6170', accent: '#0b5cad', line: '#e4e1d8' }

function Words(props: { text: CardText; size: number; quoted?: boolean }) {
  const { text, size, quoted } = props
  const tokens = quoted
    ? [{ kind: 'text' as const, text: '“' }, ...text.tokens, { kind: 'text' as const, text: '”' }]
    : text.tokens
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center' }}>
      {tokens.map((token, index) =>
        token.kind === 'emoji' ? (
          <img
            key={index}
            src={token.src}
            width={Math.round(size * 1.05)}
            height={Math.round(size * 1.05)}
            alt=""
            style={{ margin: `0 ${Math.round(size * 0.06)}px` }}
          />
        ) : (
          <span key={index} style={{ whiteSpace: 'pre' }}>
            {token.text}
          </span>
        ),
      )}
    </div>
  )
}

/**
 * The card as PNG bytes. Rendered to the end before anything is sent, so a failure is a 500
 * and not a 200 with a broken image, and the bytes can carry an ETag.
 */
export async function renderQuoteCard(content: QuoteCardContent): Promise<Uint8Array<ArrayBuffer>> {
  const byline = [content.speaker, formatTimestamp(content.startMs)].filter(Boolean).join(' · ')
  const texts = await prepareCardTexts({
    quote: content.text,
    byline,
    episode: content.episodeTitle,
    show: content.showTitle,
    brand: 'Hearsay',
  })
  const whole = texts.layout('quote', Number.MAX_SAFE_INTEGER)
  const size = quoteFontSize(whole.units + 2)
  const quote = texts.layout('quote', quoteCapacity(size) - 2)
  const element = (
    <div
      style={{
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: `52px ${PADDING_X}px 48px`,
        background: COLORS.paper,
        color: COLORS.ink,
        borderTop: `14px solid ${COLORS.accent}`,
      }}
    >
      <div style={{ display: 'flex', fontSize: 28, color: COLORS.muted, overflow: 'hidden' }}>
        <Words text={texts.layout('show', 70)} size={28} />
      </div>
      <div
        style={{
          display: 'flex',
          height: QUOTE_HEIGHT,
          alignItems: 'center',
          overflow: 'hidden',
          paddingLeft: 24,
          borderLeft: `6px solid ${COLORS.line}`,
          fontSize: size,
          lineHeight: LINE_HEIGHT,
        }}
      >
        <Words text={quote} size={size} quoted />
      </div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end' }}>
        <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 880, overflow: 'hidden' }}>
          <div style={{ display: 'flex', fontSize: 30, fontWeight: 700, color: COLORS.accent }}>
            <Words text={texts.layout('byline', 56)} size={30} />
          </div>
          <div style={{ display: 'flex', fontSize: 28, color: COLORS.ink, marginTop: 6 }}>
            <Words text={texts.layout('episode', 60)} size={28} />
          </div>
        </div>
        <div style={{ display: 'flex', fontSize: 30, fontWeight: 700, color: COLORS.accent }}>
          <Words text={texts.layout('brand', 20)} size={30} />
        </div>
      </div>
    </div>
  )
  const image = new ImageResponse(element, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: texts.fonts })
  return new Uint8Array(await image.arrayBuffer())
}
