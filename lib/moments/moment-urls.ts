// The URLs of a moment, in one place: the share link (its page unfurls as the quote card), the
// card image, and the spot in the episode the listener lands on (?t= starts the audio there,
// #s-<id> scrolls to and marks the sentence). Client-safe: no server imports.

/** Whole seconds, as `?t=` takes them. */
export function startSeconds(startMs: number): number {
  return Math.max(0, Math.floor(startMs / 1000))
}

function encoded(slug: string): string {
  return encodeURIComponent(slug)
}

/** The share link, with the time the sharer saw (`?t=`). */
export function momentPath(slug: string, sentenceId: number, startMs?: number): string {
  const base = `/episodes/${encoded(slug)}/moments/${sentenceId}`
  return startMs === undefined ? base : `${base}?t=${startSeconds(startMs)}`
}

/** The quote card PNG; `version` (the sentence's) changes the URL when the sentence is corrected. */
export function quoteCardPath(slug: string, sentenceId: number, version?: number): string {
  const base = `/episodes/${encoded(slug)}/moments/${sentenceId}/card.png`
  return version === undefined ? base : `${base}?v=${version}`
}

/** The episode page at the moment: plays from `seconds`, scrolled to the sentence. */
export function episodeMomentPath(slug: string, sentenceId: number, seconds: number): string {
  return `/episodes/${encoded(slug)}?t=${seconds}#s-${sentenceId}`
}

/** `?t=` as the share link carries it: whole seconds, else null. */
export function parseSeconds(raw: unknown): number | null {
  const value = Array.isArray(raw) ? raw[0] : raw
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value)) return null
  return Number(value)
}
