import { describe, expect, it } from 'vitest'
import { collectTimestamp, parseCueTimings } from './vtt-timings'

const ms = (timestamp: string) => {
  const result = collectTimestamp(timestamp, 0)
  return result.ok ? result.ms : result.reason
}

describe('collectTimestamp', () => {
  it('reads hh:mm:ss.ttt and the hours-optional mm:ss.ttt', () => {
    expect(ms('01:02:03.004')).toBe(3_723_004)
    expect(ms('02:03.004')).toBe(123_004)
  })

  it('takes hours of any width, including one digit as the spec allows', () => {
    expect(ms('0:00:01.000')).toBe(1000)
    expect(ms('100:00:00.000')).toBe(360_000_000)
  })

  it.each([
    ['00:00:61.000', 'seconds above 59'],
    ['00:60:00.000', 'minutes above 59'],
    [
      '0:01.000',
      'the first field must be hours (it is not two digits, or is above 59), so mm:ss must follow',
    ],
    [
      '75:00.000',
      'the first field must be hours (it is not two digits, or is above 59), so mm:ss must follow',
    ],
    ['00:01,000', 'a timestamp needs "." before its milliseconds'],
    ['00:01.00', 'milliseconds take exactly three digits'],
    ['00:01.0000', 'milliseconds take exactly three digits'],
    ['00:1.000', 'minutes and seconds take exactly two digits'],
    ['x00:01.000', 'a timestamp must start with a digit'],
    ['0001.000', 'a timestamp needs ":" after its first number'],
  ])('rejects %s (%s)', (timestamp, reason) => {
    expect(ms(timestamp)).toBe(reason)
  })
})

describe('parseCueTimings', () => {
  it('ignores cue settings after the end time', () => {
    expect(parseCueTimings('00:01.000 --> 00:02.500 align:start line:0 position:10%')).toEqual({
      ok: true,
      startMs: 1000,
      endMs: 2500,
    })
  })

  it('accepts tabs, and no whitespace at all, around the arrow', () => {
    expect(parseCueTimings('00:01.000\t-->\t00:02.000')).toEqual({ ok: true, startMs: 1000, endMs: 2000 })
    expect(parseCueTimings('00:01.000-->00:02.000')).toEqual({ ok: true, startMs: 1000, endMs: 2000 })
  })

  it('says which side of the arrow is wrong', () => {
    expect(parseCueTimings('00:01.000 -> 00:02.000')).toEqual({
      ok: false,
      reason: 'expected "-->" after the start time',
    })
    expect(parseCueTimings('00:01.000 --> 00:02')).toEqual({
      ok: false,
      reason: 'end time: a timestamp needs "." before its milliseconds',
    })
    expect(parseCueTimings('--> 00:02.000')).toEqual({
      ok: false,
      reason: 'start time: a timestamp must start with a digit',
    })
  })
})
