import { describe, expect, it } from 'vitest'
import { parseStartingPoint } from './parse-starting-point'
import { TranscriptParseError } from './types'

describe('parseStartingPoint', () => {
  it('makes a cue per block, ending where the next block starts', () => {
    const parsed = parseStartingPoint(
      'Starting point is 00:00:00 Hello there.\nStarting point is 00:00:36 Bye now.\n',
    )
    expect(parsed).toEqual({
      format: 'starting-point',
      cues: [
        { id: null, startMs: 0, endMs: 36_000, speaker: null, text: 'Hello there.', line: 1 },
        { id: null, startMs: 36_000, endMs: null, speaker: null, text: 'Bye now.', line: 2 },
      ],
      repairs: [],
    })
  })

  it('reads H:MM:SS and MM:SS, CRLF, blank lines and text continued on later lines', () => {
    const parsed = parseStartingPoint(
      'Starting point is 1:02:03 One\r\nstill one.\r\n\r\n\r\nStarting point is 62:10 Two.\r\n',
    )
    expect(parsed.cues.map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
      [3_723_000, 3_730_000, 'One still one.'],
      [3_730_000, null, 'Two.'],
    ])
  })

  it('keeps the end of an empty block as the end of the block before it', () => {
    const parsed = parseStartingPoint(
      'Starting point is 00:00 A.\nStarting point is 00:10\nStarting point is 00:20 B.',
    )
    expect(parsed.cues.map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
      [0, 10_000, 'A.'],
      [20_000, null, 'B.'],
    ])
  })

  it('joins a block with an invalid or backwards time to the block before, without losing its words', () => {
    const parsed = parseStartingPoint(
      'Starting point is 00:01:00 One.\nStarting point is 00:61:00 Two.\nStarting point is 00:00:30 Three.\nStarting point is 00:02:00 Four.',
    )
    expect(parsed.cues.map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([
      [60_000, 120_000, 'One. Two. Three.'],
      [120_000, null, 'Four.'],
    ])
    expect(parsed.repairs).toEqual([
      { line: 2, message: 'invalid time "00:61:00"; its text joined to the block before it' },
      {
        line: 3,
        message: 'time 00:00:30 is before the previous block; its text joined to the block before it',
      },
    ])
  })

  it('skips text before the first block, and a cut-off last line', () => {
    const parsed = parseStartingPoint('Episode 12\nStarting point is 00:00:00 Hello.\nStarting point is 00:1')
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Hello.'])
    expect(parsed.repairs).toEqual([
      { line: 1, message: 'text before the first "Starting point is" skipped' },
      { line: 3, message: 'invalid time "00:1"; its text joined to the block before it' },
    ])
  })

  it('treats "Starting point is" without a time as ordinary text', () => {
    const parsed = parseStartingPoint('Starting point is 00:00:00 Well,\nStarting point is the tide table.')
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Well, Starting point is the tide table.'])
  })

  it('fails when no block has a valid time', () => {
    expect(() => parseStartingPoint('Starting point is 99:99 Nothing.')).toThrow(
      new TranscriptParseError(
        'no cues with valid timestamps (first problem: block skipped: invalid time "99:99")',
        1,
      ),
    )
  })
})
