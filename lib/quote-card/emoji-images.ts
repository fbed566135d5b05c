// Emoji on a quote card are drawn as Twemoji SVGs from the @twemoji/svg npm package (graphics
// CC-BY 4.0, jdecked/twemoji), read from node_modules: next/og would otherwise download them,
// and without the network an emoji fails the whole image.
import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u
const VARIATION_SELECTOR_16 = 0xfe0f
const ZERO_WIDTH_JOINER = 0x200d

/** Whether a grapheme is (or may be) an emoji: pictographs, flags, keycaps. */
export function looksLikeEmoji(grapheme: string): boolean {
  return EMOJI.test(grapheme)
}

/** Twemoji's file names: code points in hex joined by "-", VS16 kept only inside ZWJ sequences. */
export function twemojiNames(grapheme: string): string[] {
  const codes = [...grapheme].map((char) => char.codePointAt(0)!)
  const stripped = codes.filter((code) => code !== VARIATION_SELECTOR_16)
  const names = codes.includes(ZERO_WIDTH_JOINER) ? [codes, stripped] : [stripped]
  return [...new Set(names.map((list) => list.map((code) => code.toString(16)).join('-')))]
}

const TWEMOJI_DIRECTORY = path.join(process.cwd(), 'node_modules', '@twemoji', 'svg')
const SAFE_NAME = /^[0-9a-f]{1,6}(?:-[0-9a-f]{1,6}){0,15}$/

const MAX_CACHED = 512
const cache = new Map<string, string | null>()

/** A data: URL of the emoji's SVG, or null when Twemoji has no picture for it. */
export async function emojiImage(grapheme: string): Promise<string | null> {
  if (cache.has(grapheme)) return cache.get(grapheme)!
  let image: string | null = null
  for (const name of twemojiNames(grapheme)) {
    if (!SAFE_NAME.test(name)) continue
    try {
      const svg = await readFile(path.join(TWEMOJI_DIRECTORY, `${name}.svg`))
      image = `data:image/svg+xml;base64,${svg.toString('base64')}`
      break
    } catch {
      // no such emoji under this name; try the next spelling
    }
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!)
  cache.set(grapheme, image)
  return image
}
