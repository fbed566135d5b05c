import { describe, expect, it } from 'vitest'
import { momentPath, parseStartTime } from './playback-time'

describe('parseStartTime', () => {
  it.each([
    ['95', 95],
    ['95.5', 95.5],
    ['95s', 95],
    ['1:35', 95],
    ['01:02:05', 3725],
    ['1m35s', 95],
    ['1h2m5s', 3725],
    ['2m', 120],
    [' 0 ', 0],
  ])('%j is %d seconds', (value, seconds) => {
    expect(parseStartTime(value)).toBe(seconds)
  })

  it.each([null, undefined, '', '-5', 'abc', '1:75', '1e3', 'Infinity', '999999', 'h', '1:2:3:4'])(
    'rejects %j',
    (value) => {
      expect(parseStartTime(value)).toBeNull()
    },
  )
})

describe('momentPath', () => {
  it('links whole seconds, never negative, with the slug encoded', () => {
    expect(momentPath('001-sqlite-is-enough', 95.9)).toBe('/episodes/001-sqlite-is-enough?t=95')
    expect(momentPath('a b', -3)).toBe('/episodes/a%20b?t=0')
  })
})
