// SRT timing lines: "00:00:01,000 --> 00:00:02,000", tolerant of what real files contain.

export type SrtTiming = { ok: true; startMs: number; endMs: number } | { ok: false; reason: string }

// Hours optional and of any width; "," or "." before 1–3 digits of fraction; position settings after.
const TIME = String.raw`(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})`
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s.*)?$`)

/** Whether a line looks like an SRT timing line at all (used to tell cues from text). */
export function isSrtTimingLine(line: string): boolean {
  return TIMING.test(line)
}

function toMs(hours = '0', minutes = '', seconds = '', fraction = ''): number | string {
  if (Number(minutes) > 59) return 'minutes above 59'
  if (Number(seconds) > 59) return 'seconds above 59'
  // "1,5" means 1.5 s: the digits are a decimal fraction, not a count of milliseconds.
  const ms =
    Number(hours) * 3_600_000 +
    Number(minutes) * 60_000 +
    Number(seconds) * 1000 +
    Number(fraction.padEnd(3, '0'))
  return Number.isSafeInteger(ms) ? ms : 'hours out of range'
}

export function parseSrtTiming(line: string): SrtTiming {
  const match = TIMING.exec(line)
  if (match == null) return { ok: false, reason: 'expected "hh:mm:ss,mmm --> hh:mm:ss,mmm"' }
  const startMs = toMs(match[1], match[2], match[3], match[4])
  const endMs = toMs(match[5], match[6], match[7], match[8])
  if (typeof startMs === 'string') return { ok: false, reason: `start time: ${startMs}` }
  if (typeof endMs === 'string') return { ok: false, reason: `end time: ${endMs}` }
  return { ok: true, startMs, endMs }
}
