// <itunes:duration> in every form feeds use: seconds ("3725", "75.25"), MM:SS ("1:40",
// "62:03"), HH:MM:SS ("1:02:03", "00:45:10.5"). Feedsmith reads the integer forms only, so
// the raw text is parsed here.

export type DurationReading = { ok: true; ms: number | null } | { ok: false; message: string }

const SECONDS = /^(\d+)(?:\.(\d+))?$/
const CLOCK = /^(?:(\d+):)?(\d+):(\d{1,2})(?:\.(\d+))?$/

/**
 * Parses an itunes:duration to integer milliseconds (rounded). Empty or missing: ok with null.
 * In H:MM:SS the minutes stop at 59; in MM:SS the minutes may run on ("75:30"); seconds stop at 59.
 */
export function parseItunesDuration(raw: string | null | undefined): DurationReading {
  const text = raw?.trim() ?? ''
  if (text === '') return { ok: true, ms: null }
  const seconds = SECONDS.exec(text)
  if (seconds != null) return { ok: true, ms: toMs(Number(seconds[1]), seconds[2]) }
  const clock = CLOCK.exec(text)
  if (clock != null) {
    const [, hours, minutes = '0', secs = '0', fraction] = clock
    if (Number(secs) > 59 || (hours !== undefined && Number(minutes) > 59)) {
      return { ok: false, message: `itunes:duration "${text}" is not a valid time` }
    }
    const whole = Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(secs)
    return { ok: true, ms: toMs(whole, fraction) }
  }
  return { ok: false, message: `itunes:duration "${text}" is not a duration (seconds, MM:SS or HH:MM:SS)` }
}

function toMs(wholeSeconds: number, fraction: string | undefined): number {
  return wholeSeconds * 1000 + (fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0)
}
