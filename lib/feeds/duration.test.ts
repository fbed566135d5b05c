import { describe, expect, it } from 'vitest'
import { parseItunesDuration } from './duration'

describe('parseItunesDuration', () => {
  it.each([
    ['3725', 3_725_000],
    ['75.25', 75_250],
    ['1800.755', 1_800_755],
    ['0', 0],
    ['1:40', 100_000],
    ['62:03', 3_723_000],
    ['75:30', 4_530_000],
    ['1:02:03', 3_723_000],
    ['01:02:03', 3_723_000],
    ['00:45:10.5', 2_710_500],
    ['10:31.25', 631_250],
    ['  12:00  ', 720_000],
  ])('reads %j as %i ms', (raw, ms) => {
    expect(parseItunesDuration(raw)).toEqual({ ok: true, ms })
  })

  it.each([null, undefined, '', '   '])('reads a missing duration (%j) as null', (raw) => {
    expect(parseItunesDuration(raw)).toEqual({ ok: true, ms: null })
  })

  it.each([
    ['about an hour', 'itunes:duration "about an hour" is not a duration (seconds, MM:SS or HH:MM:SS)'],
    ['1:60', 'itunes:duration "1:60" is not a valid time'],
    ['1:75:00', 'itunes:duration "1:75:00" is not a valid time'],
    ['-5', 'itunes:duration "-5" is not a duration (seconds, MM:SS or HH:MM:SS)'],
    ['1:2:3:4', 'itunes:duration "1:2:3:4" is not a duration (seconds, MM:SS or HH:MM:SS)'],
  ])('refuses %j with a message', (raw, message) => {
    expect(parseItunesDuration(raw)).toEqual({ ok: false, message })
  })
})
