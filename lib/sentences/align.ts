// Aligning an episode's old sentences with a re-imported transcript's new ones, so ids (and
// with them comments, permalinks and history) survive a corrected file. An order-preserving
// alignment (like a diff) that maximises the summed word similarity of matched pairs; pairs
// below MIN_SIMILARITY never match. O(n·m) time over sentence counts, which for an episode
// (≤ a few thousand sentences) stays well under a second. Pure: no database here.
import { sharedWordCount, wordsOf } from '@/lib/sentences/re-anchor'

export const MIN_SIMILARITY = 0.5

/** Dice coefficient of the two texts' word multisets: 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  return (2 * sharedWordCount(a, b)) / (a.length + b.length)
}

/** For each new sentence, the index of the old sentence it continues, or null (a new sentence). */
export function alignSentences(
  oldTexts: readonly string[],
  newTexts: readonly string[],
): Array<number | null> {
  const oldWords = oldTexts.map(wordsOf)
  const newWords = newTexts.map(wordsOf)
  const n = oldTexts.length
  const m = newTexts.length
  const width = m + 1
  // best[i * width + j]: the best total for old[i..] and new[j..]; move: 1 match, 2 skip old, 3 skip new.
  const best = new Float64Array((n + 1) * width)
  const move = new Uint8Array((n + 1) * width)
  for (let row = n; row >= 0; row--) {
    for (let col = m; col >= 0; col--) {
      const here = row * width + col
      if (row === n && col === m) continue
      let value = -1
      if (row < n && col < m) {
        const similarity =
          oldTexts[row] === newTexts[col] ? 1 : wordSimilarity(oldWords[row]!, newWords[col]!)
        if (similarity >= MIN_SIMILARITY) {
          value = similarity + best[here + width + 1]!
          move[here] = 1
        }
      }
      if (row < n && best[here + width]! > value) {
        value = best[here + width]!
        move[here] = 2
      }
      if (col < m && best[here + 1]! > value) {
        value = best[here + 1]!
        move[here] = 3
      }
      best[here] = value
    }
  }
  const matches: Array<number | null> = new Array<number | null>(m).fill(null)
  let i = 0
  let j = 0
  while (i < n || j < m) {
    const step = move[i * width + j]
    if (step === 1) matches[j++] = i++
    else if (step === 2) i++
    else j++
  }
  return matches
}
