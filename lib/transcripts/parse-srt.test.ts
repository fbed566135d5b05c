import { describe, expect, it } from 'vitest'
import { parseSrt } from './parse-srt'
import { TranscriptParseError } from './types'

const srt = (...lines: string[]) => lines.join('\n')

describe('parseSrt', () => {
  it('reads counter, timing and multi-line text', () => {
    expect(
      parseSrt(
        srt(
          '1',
          '00:00:01,000 --> 00:00:02,500',
          'Hello',
          'again.',
          '',
          '2',
          '01:00:00,000 --> 01:00:01,000',
          'Bye.',
        ),
      ),
    ).toEqual({
      format: 'srt',
      cues: [
        { id: '1', startMs: 1000, endMs: 2500, speaker: null, text: 'Hello again.', line: 1 },
        { id: '2', startMs: 3_600_000, endMs: 3_601_000, speaker: null, text: 'Bye.', line: 6 },
      ],
      repairs: [],
    })
  })

  it('tolerates "." before the milliseconds, short fractions, CRLF, a BOM and position settings', () => {
    const parsed = parseSrt('\ufeff1\r\n00:00:01.5 --> 00:00:02.25 X1:10 X2:20 Y1:5 Y2:9\r\nText\r\n')
    expect(parsed.cues.map((cue) => [cue.startMs, cue.endMs, cue.text])).toEqual([[1500, 2250, 'Text']])
  })

  it('reads a cue that has no counter line', () => {
    expect(
      parseSrt(srt('00:00:01,000 --> 00:00:02,000', 'No counter.')).cues.map((cue) => [cue.id, cue.text]),
    ).toEqual([[null, 'No counter.']])
  })

  it('strips <i>, <b>, <u>, <font> and {\\an8}, decodes entities, and leaves "a < b" alone', () => {
    const parsed = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        '{\\an8}<i>Fish</i> &amp; <b>chips</b>',
        '<font color="#ff0">1 < 2</font> <u>ok</u>',
      ),
    )
    expect(parsed.cues[0]?.text).toBe('Fish & chips 1 < 2 ok')
  })

  it('reads "Name:" speakers and carries them through untagged cues when names mark changes', () => {
    const parsed = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'MICHAEL: Hello',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'and welcome.',
        '',
        '3',
        '00:00:03,000 --> 00:00:04,000',
        'Ana Reyes: Thanks!',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['MICHAEL', 'Hello'],
      ['MICHAEL', 'and welcome.'],
      ['Ana Reyes', 'Thanks!'],
    ])
  })

  it('does not take "Note:", times or URLs for speakers', () => {
    const parsed = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Note: we start at 10:30.',
        'Visit https://tidepool.example/: now.',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      [null, 'Note: we start at 10:30. Visit https://tidepool.example/: now.'],
    ])
  })

  it('splits a dialogue cue with two speakers', () => {
    const parsed = parseSrt(srt('1', '00:00:00,000 --> 00:00:02,000', '- ANA: Ready?', '- TOM: Yes.'))
    expect(parsed.cues.map((cue) => [cue.speaker, cue.startMs, cue.endMs, cue.text])).toEqual([
      ['ANA', 0, 1200, 'Ready?'],
      ['TOM', 1200, 2000, 'Yes.'],
    ])
  })

  it('skips cues with invalid timings and keeps backwards ones without an end, noting their lines', () => {
    const parsed = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'Kept.',
        '',
        '2',
        '00:00:03,000 --> 00:00:02,000',
        'Backwards.',
        '',
        '3',
        '00:61:00,000 --> 00:62:00,000',
        'Impossible.',
        '',
        '4',
        '00:00:05 --> 00:00:06',
        'No millis.',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.text, cue.endMs])).toEqual([
      ['Kept.', 2000],
      ['Backwards.', null],
    ])
    expect(parsed.repairs).toEqual([
      {
        line: 6,
        message:
          'cue ends before it starts ("00:00:03,000 --> 00:00:02,000"): kept, ending where the next cue starts',
      },
      {
        line: 10,
        message: 'cue skipped: invalid timing "00:61:00,000 --> 00:62:00,000" (start time: minutes above 59)',
      },
      {
        line: 14,
        message:
          'cue skipped: invalid timing "00:00:05 --> 00:00:06" (expected "hh:mm:ss,mmm --> hh:mm:ss,mmm")',
      },
    ])
  })

  it('joins text after a blank line inside a cue to that cue', () => {
    const parsed = parseSrt(
      srt(
        '1',
        '00:00:01,000 --> 00:00:02,000',
        'First half',
        '',
        'second half.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,000',
        'Next.',
      ),
    )
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['First half second half.', 'Next.'])
    expect(parsed.repairs).toEqual([
      { line: 5, message: 'text after a blank line joined to the cue before it' },
    ])
  })

  it('skips text before the first cue and junk above a timing line, noting both', () => {
    const parsed = parseSrt(
      srt(
        'Tidepool Radio captions',
        '',
        'cue one',
        '00:00:01,000 --> 00:00:02,000',
        'Kept.',
        '',
        '2',
        '00:00:02,000 --> 00:00:03,900',
        'Also kept.',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.id, cue.startMs, cue.text])).toEqual([
      [null, 1000, 'Kept.'],
      ['2', 2000, 'Also kept.'],
    ])
    expect(parsed.repairs).toEqual([
      { line: 1, message: 'text before the first cue skipped' },
      { line: 3, message: '1 line(s) before the timing line skipped' },
    ])
  })

  it('skips a cue whose seconds are above 59', () => {
    const parsed = parseSrt(
      srt('1', '00:00:60,000 --> 00:01:01,000', 'Lost.', '', '2', '00:01:01,000 --> 00:01:02,000', 'Kept.'),
    )
    expect(parsed.repairs).toEqual([
      {
        line: 2,
        message: 'cue skipped: invalid timing "00:00:60,000 --> 00:01:01,000" (start time: seconds above 59)',
      },
    ])
  })

  it('keeps the complete cues of a file cut after a counter, and says so', () => {
    const parsed = parseSrt(srt('1', '00:00:01,000 --> 00:00:02,000', 'Complete.', '', '2'))
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Complete.'])
    expect(parsed.repairs).toEqual([
      { line: 5, message: 'cue number without a timing line skipped (file cut short?)' },
    ])
  })

  it('fails when no cue has a timing that parses', () => {
    expect(() => parseSrt(srt('1', '00:00:05 --> 00:00:04', 'No millis.'))).toThrow(
      new TranscriptParseError(
        'no cues with valid timestamps (first problem: cue skipped: invalid timing "00:00:05 --> 00:00:04" (expected "hh:mm:ss,mmm --> hh:mm:ss,mmm"))',
        2,
      ),
    )
  })
})
