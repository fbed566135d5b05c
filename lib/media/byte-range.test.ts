import { describe, expect, it } from 'vitest'
import { parseRange } from './byte-range'

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { kind: 'partial', start: 0, end: 99 }],
    ['bytes=100-', { kind: 'partial', start: 100, end: 999 }],
    ['bytes=990-5000', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=-10', { kind: 'partial', start: 990, end: 999 }],
    ['bytes=-5000', { kind: 'partial', start: 0, end: 999 }],
    ['BYTES=5-9', { kind: 'partial', start: 5, end: 9 }],
  ])('%s of 1000 bytes', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected)
  })

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=99999999999999999999-'])(
    '%s of 1000 bytes cannot be satisfied',
    (header) => {
      expect(parseRange(header, 1000)).toEqual({ kind: 'unsatisfiable' })
    },
  )

  it.each([null, '', 'bytes=', 'bytes=-', 'items=0-5', 'bytes=9-3', 'bytes=0-1,5-6', 'bytes=a-b'])(
    'answers %j with the whole file',
    (header) => {
      expect(parseRange(header, 1000)).toEqual({ kind: 'whole' })
    },
  )

  it('cannot serve any range of an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=-1', 0)).toEqual({ kind: 'unsatisfiable' })
  })
})
