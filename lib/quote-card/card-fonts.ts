// The fonts a quote card is drawn with, from npm packages (@fontsource/*) read from
// node_modules at request time, so rendering never reaches the internet. Only the subsets a
// quote needs are loaded: each family's CSS names its subset files and their unicode-range;
// the file's own cmap (font-cmap.ts) then says exactly which code points it draws.
// Satori reads ttf/otf/woff but not woff2, so the .woff of each subset is used.
import 'server-only'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fontCodePoints } from './font-cmap'

export type CardWeight = 400 | 700

/** A font as satori (next/og's `fonts` option) takes it. */
export interface CardFont {
  name: string
  data: Buffer
  weight: CardWeight
  style: 'normal'
}

interface Family {
  id: string
  packageName: string
  weights: readonly CardWeight[]
}

const NOTO_SANS: Family = { id: 'sans', packageName: '@fontsource/noto-sans', weights: [400, 700] }
const SYMBOLS: Family = { id: 'symbols', packageName: '@fontsource/noto-sans-symbols-2', weights: [400] }
const JAPANESE: Family = { id: 'jp', packageName: '@fontsource/noto-sans-jp', weights: [400] }
const SIMPLIFIED_CHINESE: Family = { id: 'sc', packageName: '@fontsource/noto-sans-sc', weights: [400] }
const KOREAN: Family = { id: 'kr', packageName: '@fontsource/noto-sans-kr', weights: [400] }

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/u
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/u

/**
 * Families in the order satori tries them. Han characters look different in Japanese, Chinese
 * and Korean fonts, so the text's other scripts pick which CJK family comes first.
 */
export function familyOrder(text: string): Family[] {
  const cjk = KANA.test(text)
    ? [JAPANESE, SIMPLIFIED_CHINESE, KOREAN]
    : HANGUL.test(text)
      ? [KOREAN, JAPANESE, SIMPLIFIED_CHINESE]
      : [SIMPLIFIED_CHINESE, JAPANESE, KOREAN]
  return [NOTO_SANS, SYMBOLS, ...cjk]
}

interface Face {
  /** The subset's name, unique across families: "sans-latin", "jp-42". */
  key: string
  /** Absolute path of the .woff, per weight. */
  files: Partial<Record<CardWeight, string>>
  /** The CSS unicode-range: a quick filter before the file's cmap is read. */
  ranges: Array<[number, number]>
}

function packageDirectory(packageName: string): string {
  return path.join(process.cwd(), 'node_modules', ...packageName.split('/'))
}

const FONT_FACE = /@font-face\s*\{([^}]*)\}/g
const WOFF_URL = /url\(\.\/files\/([a-z0-9-]+)-(\d00)-normal\.woff\)\s*format\('woff'\)/
const UNICODE_RANGE = /unicode-range:\s*([^;]+);/

function parseRanges(value: string): Array<[number, number]> {
  return value.split(',').map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, '').split('-')
    const from = parseInt(start ?? '', 16)
    return [from, end ? parseInt(end, 16) : from] as [number, number]
  })
}

const facesByFamily = new Map<string, Promise<Face[]>>()

/** A family's subsets, read once from its @fontsource CSS (`400.css`, `700.css`). */
function facesOf(family: Family): Promise<Face[]> {
  let faces = facesByFamily.get(family.id)
  if (!faces) {
    faces = readFaces(family)
    facesByFamily.set(family.id, faces)
    faces.catch(() => facesByFamily.delete(family.id))
  }
  return faces
}

async function readFaces(family: Family): Promise<Face[]> {
  const directory = packageDirectory(family.packageName)
  const byBase = new Map<string, Face>()
  for (const weight of family.weights) {
    const css = await readFile(path.join(directory, `${weight}.css`), 'utf8')
    for (const [, block = ''] of css.matchAll(FONT_FACE)) {
      const url = WOFF_URL.exec(block)
      if (!url?.[1]) continue
      const base = url[1]
      const subset = base.slice(path.basename(family.packageName).length + 1)
      const face = byBase.get(base) ?? {
        key: `${family.id}-${subset}`,
        files: {},
        ranges: parseRanges(UNICODE_RANGE.exec(block)?.[1] ?? 'U+0-10FFFF'),
      }
      face.files[weight] = path.join(directory, 'files', `${base}-${weight}-normal.woff`)
      byBase.set(base, face)
    }
  }
  return [...byBase.values()]
}

// Font bytes, most recently used last; bounded so a burst of CJK quotes cannot hold every subset.
const MAX_CACHED_BYTES = 48 * 1024 * 1024
const fontBytes = new Map<string, Buffer>()
let cachedBytes = 0
const codePointsByFile = new Map<string, Set<number>>()

async function readFont(file: string): Promise<Buffer> {
  const cached = fontBytes.get(file)
  if (cached) {
    fontBytes.delete(file)
    fontBytes.set(file, cached)
    return cached
  }
  const data = await readFile(file)
  fontBytes.set(file, data)
  cachedBytes += data.length
  for (const [oldest, bytes] of fontBytes) {
    if (cachedBytes <= MAX_CACHED_BYTES || oldest === file) break
    fontBytes.delete(oldest)
    cachedBytes -= bytes.length
  }
  return data
}

async function codePointsOf(file: string): Promise<Set<number>> {
  let covered = codePointsByFile.get(file)
  if (!covered) {
    covered = fontCodePoints(await readFont(file))
    codePointsByFile.set(file, covered)
  }
  return covered
}

/** A loaded subset: its satori name and exactly what it draws. */
export interface LoadedFace {
  name: string
  codePoints: Set<number>
}

export interface CardFontSet {
  /** In satori's fallback order (the order it was given them). */
  faces: LoadedFace[]
  fonts: CardFont[]
}

function touches(ranges: Array<[number, number]>, wanted: Set<number>): boolean {
  for (const code of wanted) {
    if (ranges.some(([from, to]) => code >= from && code <= to)) return true
  }
  return false
}

/**
 * The subsets that draw `codePoints` (as many as the bundled families can), in fallback order.
 * The Latin subset of Noto Sans always comes first: the card's own words and digits need it.
 */
export async function loadCardFonts(codePoints: Iterable<number>, text: string): Promise<CardFontSet> {
  const wanted = new Set(codePoints)
  const faces: LoadedFace[] = []
  const fonts: CardFont[] = []
  for (const family of familyOrder(text)) {
    for (const face of await facesOf(family)) {
      const always = face.key === 'sans-latin'
      if (!always && (wanted.size === 0 || !touches(face.ranges, wanted))) continue
      const regular = face.files[400] ?? face.files[700]
      if (!regular) continue
      const covered = await codePointsOf(regular)
      if (!always && ![...wanted].some((code) => covered.has(code))) continue
      for (const code of covered) wanted.delete(code)
      const name = `card-${face.key}`
      faces.push({ name, codePoints: covered })
      for (const weight of family.weights) {
        const file = face.files[weight]
        if (file) fonts.push({ name, data: await readFont(file), weight, style: 'normal' })
      }
    }
  }
  return { faces, fonts }
}
