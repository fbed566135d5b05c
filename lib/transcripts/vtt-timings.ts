// "Collect WebVTT cue timings and settings" and "collect a WebVTT timestamp", as the spec writes them
// (https://w3c.github.io/webvtt/#collect-webvtt-cue-timings-and-settings). Cue settings are ignored.

export type CueTimings = { ok: true; startMs: number; endMs: number } | { ok: false; reason: string }

type Timestamp = { ok: true; ms: number; end: number } | { ok: false; reason: string }

const WHITESPACE = /[ \t\n\f\r]/

function skipWhitespace(line: string, pos: number): number {
  while (pos < line.length && WHITESPACE.test(line.charAt(pos))) pos++
  return pos
}

function digitsEnd(line: string, pos: number): number {
  while (pos < line.length && line.charCodeAt(pos) >= 48 && line.charCodeAt(pos) <= 57) pos++
  return pos
}

/** Reads `[hh:]mm:ss.ttt` at `pos`. Hours may have any number of digits; minutes and seconds two. */
export function collectTimestamp(line: string, pos: number): Timestamp {
  let end = digitsEnd(line, pos)
  if (end === pos) return { ok: false, reason: 'a timestamp must start with a digit' }
  const first = line.slice(pos, end)
  const hasHours = first.length !== 2 || Number(first) > 59
  if (line[end] !== ':') return { ok: false, reason: 'a timestamp needs ":" after its first number' }
  pos = end + 1
  end = digitsEnd(line, pos)
  const second = line.slice(pos, end)
  if (second.length !== 2) return { ok: false, reason: 'minutes and seconds take exactly two digits' }
  let third: string | null = null
  if (hasHours || line[end] === ':') {
    if (line[end] !== ':')
      return {
        ok: false,
        reason: 'the first field must be hours (it is not two digits, or is above 59), so mm:ss must follow',
      }
    pos = end + 1
    end = digitsEnd(line, pos)
    third = line.slice(pos, end)
    if (third.length !== 2) return { ok: false, reason: 'minutes and seconds take exactly two digits' }
  }
  if (line[end] !== '.') return { ok: false, reason: 'a timestamp needs "." before its milliseconds' }
  pos = end + 1
  end = digitsEnd(line, pos)
  const millis = line.slice(pos, end)
  if (millis.length !== 3) return { ok: false, reason: 'milliseconds take exactly three digits' }
  const [hours, minutes, seconds] = third == null ? ['0', first, second] : [first, second, third]
  if (Number(minutes) > 59) return { ok: false, reason: 'minutes above 59' }
  if (Number(seconds) > 59) return { ok: false, reason: 'seconds above 59' }
  const ms = Number(hours) * 3_600_000 + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(millis)
  if (!Number.isSafeInteger(ms)) return { ok: false, reason: 'hours out of range' }
  return { ok: true, ms, end }
}

/** Parses a cue timing line such as `00:01.000 --> 00:02.500 align:start` (settings ignored). */
export function parseCueTimings(line: string): CueTimings {
  const start = collectTimestamp(line, skipWhitespace(line, 0))
  if (!start.ok) return { ok: false, reason: `start time: ${start.reason}` }
  const arrow = skipWhitespace(line, start.end)
  if (line.slice(arrow, arrow + 3) !== '-->')
    return { ok: false, reason: 'expected "-->" after the start time' }
  const end = collectTimestamp(line, skipWhitespace(line, arrow + 3))
  if (!end.ok) return { ok: false, reason: `end time: ${end.reason}` }
  return { ok: true, startMs: start.ms, endMs: end.ms }
}
