// Turning untrusted text (a sentence, a speaker, titles) into what the quote card draws:
// tokens of plain text and emoji pictures, only with glyphs the loaded fonts have, cut to fit.
//
// Why so careful: satori (inside next/og) asks its `loadAdditionalAsset` for every grapheme no
// given font draws, and next/og's loader fetches fonts and emoji from the internet; without a
// network a missing emoji fails the whole image. So every grapheme handed to satori is checked
// here the way satori checks it: the first font (in the order given) that has the grapheme's
// first code point must have all of its code points. What no bundled font draws is left out.
// Text stays text: it becomes React text children, never markup.
import 'server-only'
import { loadCardFonts, type CardFontSet, type LoadedFace } from './card-fonts'
import { emojiImage, looksLikeEmoji } from './emoji-images'

export type CardToken = { kind: 'text'; text: string } | { kind: 'emoji'; src: string; label: string }

export interface CardText {
  tokens: CardToken[]
  /** Width in half-em units (a CJK character or an emoji counts 2), after cutting. */
  units: number
  truncated: boolean
}

export const ELLIPSIS = '…'

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** Zero-width joiner and tag characters build emoji (👩‍💻, 🏴󠁧󠁢󠁳󠁣󠁴󠁿); other format characters go. */
const KEPT_FORMAT_CHARACTERS = /^(?:\u200d|[\u{e0020}-\u{e007f}])$/u

/** NFC, no control or format characters, whitespace runs as one space. */
export function cleanCardText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\s]+/gu, ' ')
    .replace(/\p{Cf}/gu, (char) => (KEPT_FORMAT_CHARACTERS.test(char) ? char : ''))
    .trim()
}

function graphemesOf(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment)
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u

const VARIATION_SELECTORS = /[\ufe0e\ufe0f]/g

/** Emoji drawn as pictures even when a font has a glyph: emoji presentation or a sequence. */
function wantsPicture(grapheme: string): boolean {
  return (
    /\p{Emoji_Presentation}|\ufe0f|\u200d|\p{Emoji_Modifier}|\u20e3/u.test(grapheme) ||
    /\p{Regional_Indicator}/u.test(grapheme)
  )
}

/** The face satori would draw the grapheme with, if that face draws all of it. */
function drawableIn(faces: readonly LoadedFace[], grapheme: string): boolean {
  const codes = [...grapheme].map((char) => char.codePointAt(0)!)
  const face = faces.find((candidate) => candidate.codePoints.has(codes[0]!))
  return face !== undefined && codes.every((code) => face.codePoints.has(code))
}

type Piece = { kind: 'text'; text: string; units: number; alone: boolean } | (CardToken & { kind: 'emoji' })

/** Each grapheme as something satori can draw offline, or nothing. */
async function piecesOf(text: string, faces: readonly LoadedFace[]): Promise<Piece[]> {
  const pieces: Piece[] = []
  for (const grapheme of graphemesOf(text)) {
    if (grapheme === ' ') {
      // One space between words, also where something between them was left out.
      const last = pieces.at(-1)
      if (last && !(last.kind === 'text' && last.text === ' '))
        pieces.push({ kind: 'text', text: ' ', units: 1, alone: false })
      continue
    }
    const picture = looksLikeEmoji(grapheme) || wantsPicture(grapheme)
    const plain = grapheme.replace(VARIATION_SELECTORS, '')
    if (picture && (wantsPicture(grapheme) || !drawableIn(faces, plain))) {
      const src = await emojiImage(grapheme)
      if (src) {
        pieces.push({ kind: 'emoji', src, label: grapheme })
        continue
      }
    }
    // A grapheme whose marks no font has keeps its base character; one with no font at all goes.
    const drawable = plain && drawableIn(faces, plain) ? plain : [...plain][0]
    if (!drawable || !drawableIn(faces, drawable)) continue
    // Astral characters each get a text node: satori caches its font choice per UTF-16 unit.
    const astral = drawable.codePointAt(0)! > 0xffff
    pieces.push({ kind: 'text', text: drawable, units: WIDE.test(drawable) ? 2 : 1, alone: astral })
  }
  return pieces
}

/**
 * Tokens that wrap like words: a run of text up to and including its space, each CJK character
 * on its own (they break anywhere), each emoji on its own. At most `maxUnits` wide; a longer
 * text is cut at a token and ends with an ellipsis.
 */
function tokensOf(pieces: Piece[], maxUnits: number): CardText {
  const tokens: CardToken[] = []
  let word = ''
  let units = 0
  let truncated = false
  const flush = () => {
    if (word) tokens.push({ kind: 'text', text: word })
    word = ''
  }
  for (const piece of pieces) {
    const width = piece.kind === 'emoji' ? 2 : piece.units
    if (units + width > maxUnits - 1) {
      truncated = true
      break
    }
    units += width
    if (piece.kind === 'emoji') {
      flush()
      tokens.push({ kind: 'emoji', src: piece.src, label: piece.label })
    } else if (piece.text === ' ') {
      word += ' '
      flush()
    } else if (piece.alone || piece.units === 2) {
      flush()
      word = piece.text
      flush()
    } else word += piece.text
  }
  if (truncated) {
    // Cut back to the last whole word when the cut fell inside one (not for a lone long word).
    if (word && tokens.length > 0 && !/\s$/.test(word)) word = ''
    flush()
    const last = tokens.at(-1)
    if (last?.kind === 'text') last.text = last.text.trimEnd() + ELLIPSIS
    else tokens.push({ kind: 'text', text: ELLIPSIS })
    units += 1
  } else flush()
  return { tokens, units, truncated }
}

/** Texts prepared together share one font set: the card's satori call gets all their fonts. */
export interface CardTexts<K extends string> {
  fonts: CardFontSet['fonts']
  /** The text under `key`, cut to `maxUnits`. */
  layout(key: K, maxUnits: number): CardText
}

/** Loads the fonts every given text needs and prepares each for layout. */
export async function prepareCardTexts<K extends string>(texts: Record<K, string>): Promise<CardTexts<K>> {
  const cleaned = Object.fromEntries(
    Object.entries<string>(texts).map(([key, value]) => [key, cleanCardText(value)]),
  ) as Record<K, string>
  const all = Object.values<string>(cleaned).join(' ') + ELLIPSIS
  const codePoints = new Set<number>()
  for (const grapheme of graphemesOf(all)) {
    for (const char of grapheme.replace(VARIATION_SELECTORS, '')) codePoints.add(char.codePointAt(0)!)
  }
  const { faces, fonts } = await loadCardFonts(codePoints, all)
  const pieces = new Map<K, Piece[]>()
  for (const key of Object.keys(cleaned) as K[]) pieces.set(key, await piecesOf(cleaned[key], faces))
  return { fonts, layout: (key, maxUnits) => tokensOf(pieces.get(key) ?? [], maxUnits) }
}
