// How far a typed word is from a vocabulary word, the way listeners' typos happen and the way
// Meilisearch budgets them. A swap of two neighbouring letters is one edit (optimal string
// alignment, "restricted Damerau"): plain Levenshtein counts "pyhton" → "python" as two and
// prefers "pyston". A different first letter costs one more, because people rarely get the
// first letter wrong and a word that starts differently is usually another word.

/** Typos a word of this many characters may carry: 0 under 5, 1 for 5–8, 2 for 9 and more. */
export function allowedTypos(length: number): number {
  if (length < 5) return 0
  return length < 9 ? 1 : 2
}

/**
 * Optimal string alignment distance, plus one when the first letters differ; stops early and
 * returns `limit + 1` once the distance is certain to exceed `limit`.
 */
export function typoDistance(a: string, b: string, limit: number): number {
  const firstLetterPenalty = a.charAt(0) === b.charAt(0) ? 0 : 1
  const budget = limit - firstLetterPenalty
  if (budget < 0 || Math.abs(a.length - b.length) > budget) return limit + 1
  const distance = osaDistance(a, b, budget)
  return distance > budget ? limit + 1 : distance + firstLetterPenalty
}

// Three rolling rows of the dynamic-programming table: the transposition looks two rows back.
function osaDistance(a: string, b: string, budget: number): number {
  const width = b.length + 1
  let beforePrevious = new Array<number>(width).fill(0)
  let previous = Array.from({ length: width }, (_, j) => j)
  let current = new Array<number>(width).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        value = Math.min(value, beforePrevious[j - 2]! + 1)
      }
      current[j] = value
      if (value < rowMin) rowMin = value
    }
    if (rowMin > budget) return budget + 1
    ;[beforePrevious, previous, current] = [previous, current, beforePrevious]
  }
  return previous[b.length]!
}
