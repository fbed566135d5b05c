// Which sentence a comment belongs to after the transcript changes. A comment keeps the
// sentence text it was written on (Comment.quote); after a split, a merge or a re-import it
// goes to the sentence holding most of that quote's words. Pure functions, shared by server
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
  const quoted = wordsOf(quote)
  if (quoted.length === 0) return 0
  return sharedWordCount(quoted, wordsOf(text)) / quoted.length
}

/** The index of the candidate holding most of the quote; the earliest wins a tie. */
export function bestAnchorIndex(quote: string, candidates: readonly string[]): number {
  let best = 0
  let bestShare = -1
  candidates.forEach((text, index) => {
    const share = quoteShare(quote, text)
    if (share > bestShare) {
      best = index
      bestShare = share
    }
  })
  return best
}

/** A comment was written on an earlier wording when its quote is not the sentence's text now. */
export function isEarlierWording(quote: string, currentText: string): boolean {
  return quote.trim() !== currentText.trim()
}
