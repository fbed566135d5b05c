// Times in links to a moment of an episode: `/episodes/<slug>?t=<seconds>`. Pure, so the page,
// the player (client) and tests read them the same way.

/** The largest start time a link may ask for (a day), so a huge number never reaches the player. */
const MAX_SECONDS = 86_400

/**
 * `?t=` as seconds: "95", "95.5", "1:35", "1:02:05", "95s", "1m35s", "1h2m5s"; null for anything else.
 */
export function parseStartTime(value: string | null | undefined): number | null {
  const text = (value ?? '').trim().toLowerCase()
  if (!text) return null
  let seconds: number | null = null
  if (/^\d+(\.\d+)?s?$/.test(text)) seconds = Number.parseFloat(text)
  else if (/^\d+(:[0-5]?\d){1,2}(\.\d+)?$/.test(text))
    seconds = text.split(':').reduce((total, part) => total * 60 + Number.parseFloat(part), 0)
  else {
    const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text)
    if (match && (match[1] || match[2] || match[3]))
      seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)
  }
  return seconds !== null && Number.isFinite(seconds) && seconds <= MAX_SECONDS ? seconds : null
}

/** The link to a moment: whole seconds, rounded down, so the listener lands just before it. */
export function momentPath(slug: string, seconds: number): string {
  return `/episodes/${encodeURIComponent(slug)}?t=${Math.max(0, Math.floor(seconds))}`
}
