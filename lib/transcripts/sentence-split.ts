// Sentence boundaries in transcript text. Our own rules rather than Intl.Segmenter: its cost grows
// with the length of the text it is given (a 100 KB speaker turn took ~16 ms), its boundaries move
// with the ICU version bundled in Node (sentences anchor comments, so they must not drift), and it
// breaks after "Mr." and "e.g." anyway.

export interface TextRange {
  /** Index of the first character. */
  start: number
  /** Index just past the last character. */
  end: number
}

// Terminal punctuation, then closing quotes/brackets, then whitespace (CJK stops need none).
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s)|[。！？]+["'”’」』)\]]*/gu
// Words whose period does not end a sentence ("Mr. Smith", "e.g. Python", "Alice vs. Bob").
const ABBREVIATIONS = new Set(
  'mr mrs ms mx dr prof sr jr st vs v e.g i.e cf approx gen gov rev sgt capt lt col fig'.split(' '),
)

function wordBefore(text: string, index: number): string {
  let start = index
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--
  return text.slice(start, index).replace(/^[("'“‘[]+/, '')
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)
}

function trimmed(text: string, start: number, end: number): TextRange | null {
  while (start < end && /\s/.test(text.charAt(start))) start++
  while (end > start && /\s/.test(text.charAt(end - 1))) end--
  return start < end ? { start, end } : null
}

/**
 * Splits text into sentences, as trimmed ranges (never empty). A boundary is terminal punctuation
 * followed by whitespace, except before a lowercase letter ("Wait... what", "e.g. this") and after
 * an abbreviation or an initial ("Dr.", "vs.", "J."). "3.12" and "talkpython.fm" have no space
 * after the period, so they never split.
 */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = []
  let start = 0
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length
    let next = end
    while (next < text.length && /\s/.test(text.charAt(next))) next++
    if (next >= text.length) break
    if (/\p{Ll}/u.test(text.charAt(next))) continue
    if (match[0] === '.' && isAbbreviation(wordBefore(text, match.index))) continue
    const range = trimmed(text, start, end)
    if (range != null) ranges.push(range)
    start = next
  }
  const last = trimmed(text, start, text.length)
  if (last != null) ranges.push(last)
  return ranges
}

/** Longer than this, a "sentence" is really unpunctuated text (raw captions), not one sentence. */
export const MAX_SENTENCE_CHARS = 600
/** Such text is cut at the first cue boundary after this many characters. */
const PIECE_CHARS = 250

/**
 * Cuts an over-long range at cue boundaries (`cueStarts`: sorted offsets where cues begin), so an
 * unpunctuated transcript still gives sentences a listener can click and quote. Never cuts a cue.
 */
export function capSentenceLength(text: string, range: TextRange, cueStarts: number[]): TextRange[] {
  if (range.end - range.start <= MAX_SENTENCE_CHARS) return [range]
  const pieces: TextRange[] = []
  let pieceStart = range.start
  for (let i = firstAfter(cueStarts, range.start); i < cueStarts.length; i++) {
    const cueStart = cueStarts[i] ?? range.end
    if (cueStart >= range.end) break
    if (cueStart - pieceStart < PIECE_CHARS) continue
    const piece = trimmed(text, pieceStart, cueStart)
    if (piece != null) pieces.push(piece)
    pieceStart = cueStart
  }
  const last = trimmed(text, pieceStart, range.end)
  if (last != null) pieces.push(last)
  return pieces
}

function firstAfter(sorted: number[], value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if ((sorted[middle] ?? Infinity) <= value) low = middle + 1
    else high = middle
  }
  return low
}
