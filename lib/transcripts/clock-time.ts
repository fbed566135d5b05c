// Times as people write them in transcripts without cue timings (HTML <time>, plain text):
// "0:09", "1:02:03", "01:02:03.500", "75.5" (seconds).

const CLOCK = /^(?:(\d+):)?(\d+):(\d{2})(?:[.,](\d{1,3}))?$/
const SECONDS = /^(\d+)(?:[.,](\d{1,3}))?$/

/** Milliseconds, or null when `text` is not a time. In H:MM:SS minutes stop at 59; seconds always do. */
export function parseClockTime(text: string): number | null {
  const trimmed = text.trim()
  const clock = CLOCK.exec(trimmed)
  if (clock != null) {
    const [, hours, minutes = '0', seconds = '0', fraction] = clock
    if (Number(seconds) > 59 || (hours !== undefined && Number(minutes) > 59)) return null
    return (Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds)) * 1000 + millis(fraction)
  }
  const plain = SECONDS.exec(trimmed)
  if (plain != null) return Number(plain[1]) * 1000 + millis(plain[2])
  return null
}

function millis(fraction: string | undefined): number {
  return fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0
}
