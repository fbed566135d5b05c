// Which sentence a comment (or a suggestion) belongs to after the transcript changes. A
// comment keeps the sentence text it was written on (Comment.quote); after a split, a merge
// or a re-import it goes to the sentence holding most of that quote's words.
//
// The one re-anchoring rule, used by split (lib/sentences/split-merge.ts) and re-import
// (lib/sentences/transcript-writes.ts) alike: the candidate holding the largest share of the
// quote's words wins; on a tie, the candidate nearest to where the comment was (`near`: for a
// split the first half, which keeps the old id; for a re-import the removed sentence's place
// in the new transcript); at equal distance, the earlier one. Pure functions, shared by server
// code and the page (to say a comment was written on an earlier wording).

/** Lowercased words without punctuation: "Okin," and "okin" are the same word here. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean)
}

/** How many words of `a` also stand in `b`, each occurrence matched at most once (multiset overlap). */
export function sharedWordCount(a: readonly string[], b: readonly string[]): number {
  const available = new Map<string, number>()
  for (const word of b) available.set(word, (available.get(word) ?? 0) + 1)
  let shared = 0
  for (const word of a) {
    const left = available.get(word) ?? 0
    if (left > 0) {
      shared += 1
      available.set(word, left - 1)
    }
  }
  return shared
}

/** The share (0–1) of the quote's words that `text` holds, counting repeated words once each. */
export function quoteShare(quote: string, text: string): number {
  return shareOfWords(wordsOf(quote), wordsOf(text))
}

function shareOfWords(quoted: readonly string[], words: readonly string[]): number {
  return quoted.length === 0 ? 0 : sharedWordCount(quoted, words) / quoted.length
}

/**
 * The re-anchoring rule over words already split (re-import scores many quotes against the
 * same candidates): the index of the candidate holding most of the quote; on a tie the one
 * nearest `near`, then the earlier one. -1 when there are no candidates.
 */
export function bestAnchorAmongWords(
  quoted: readonly string[],
  candidates: readonly (readonly string[])[],
  near = 0,
): number {
  let best = -1
  let bestShare = -1
  let bestDistance = Infinity
  candidates.forEach((words, index) => {
    const share = shareOfWords(quoted, words)
    const distance = Math.abs(index - near)
    if (share > bestShare || (share === bestShare && distance < bestDistance)) {
      best = index
      bestShare = share
      bestDistance = distance
    }
  })
  return best
}

/** The re-anchoring rule over texts: most of the quote wins, then nearest to `near` (default: the first), then earliest. */
export function bestAnchorIndex(quote: string, candidates: readonly string[], near = 0): number {
  return bestAnchorAmongWords(wordsOf(quote), candidates.map(wordsOf), near)
}

/** A comment was written on an earlier wording when its quote is not the sentence's text now. */
export function isEarlierWording(quote: string, currentText: string): boolean {
  return quote.trim() !== currentText.trim()
}
