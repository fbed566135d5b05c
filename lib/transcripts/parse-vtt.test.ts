import { describe, expect, it } from 'vitest'
import { parseVtt } from './parse-vtt'
import { TranscriptParseError } from './types'

const vtt = (...lines: string[]) => lines.join('\n')
const texts = (input: string) => parseVtt(input).cues.map((cue) => cue.text)

describe('parseVtt: file structure', () => {
  it('reads cues with ids, times, text and the line each cue starts on', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        'intro',
        '00:00:01.000 --> 00:00:02.500',
        'Hello',
        'again.',
        '',
        '00:03.000 --> 00:04.000',
        'Bye.',
      ),
    )
    expect(parsed).toEqual({
      format: 'vtt',
      cues: [
        { id: 'intro', startMs: 1000, endMs: 2500, speaker: null, text: 'Hello again.', line: 3 },
        { id: null, startMs: 3000, endMs: 4000, speaker: null, text: 'Bye.', line: 8 },
      ],
      repairs: [],
    })
  })

  it('accepts a BOM, CRLF and lone CR line endings', () => {
    expect(texts('\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOne\r\n')).toEqual(['One'])
    expect(texts('WEBVTT\r\r00:01.000 --> 00:02.000\rTwo\r\r00:02.000 --> 00:03.000\rThree')).toEqual([
      'Two',
      'Three',
    ])
  })

  it('accepts text after WEBVTT following a space or a tab, and header lines below it', () => {
    expect(
      texts(vtt('WEBVTT - Episode 12', 'Kind: captions', 'Language: en', '', '00:01.000 --> 00:02.000', 'A')),
    ).toEqual(['A'])
    expect(texts(vtt('WEBVTT\tdraft', '', '00:01.000 --> 00:02.000', 'B'))).toEqual(['B'])
  })

  it.each(['WEBVTTX', 'webvtt', ' WEBVTT', 'WEBVT', ''])('rejects the signature line %j', (signature) => {
    expect(() => parseVtt(vtt(signature, '', '00:01.000 --> 00:02.000', 'A'))).toThrow(
      new TranscriptParseError(
        'not WebVTT: the first line must be "WEBVTT" (optionally followed by a space and text)',
        1,
      ),
    )
  })

  it('reads a cue that follows the signature line without a blank line', () => {
    expect(texts(vtt('WEBVTT', '00:01.000 --> 00:02.000', 'Straight in.'))).toEqual(['Straight in.'])
  })

  it('skips NOTE, STYLE and REGION blocks without a repair', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        'REGION',
        'id:fred',
        'width:40%',
        '',
        'STYLE',
        '::cue { color: lime }',
        '',
        'NOTE a comment',
        'on two lines',
        '',
        'NOTE',
        '',
        '00:01.000 --> 00:02.000',
        'Kept.',
      ),
    )
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Kept.'])
    expect(parsed.repairs).toEqual([])
  })

  it('starts a new cue at a "-->" line even without the blank line before it', () => {
    expect(
      texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'First.', '00:02.000 --> 00:03.000', 'Second.')),
    ).toEqual(['First.', 'Second.'])
  })

  it('never reads an id containing "-->": that line is a (bad) timing line, and the cue after it has no id', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', 'intro-->part', '00:01.000 --> 00:02.000', 'Text.'))
    expect(parsed.cues).toEqual([
      { id: null, startMs: 1000, endMs: 2000, speaker: null, text: 'Text.', line: 4 },
    ])
    expect(parsed.repairs).toEqual([
      {
        line: 3,
        message:
          'cue skipped: invalid timing "intro-->part" (start time: a timestamp must start with a digit)',
      },
    ])
  })

  it('reports stray text that has no timing line, and goes on', () => {
    const parsed = parseVtt(vtt('WEBVTT', '', 'lost words', 'more', '', '00:01.000 --> 00:02.000', 'Kept.'))
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Kept.'])
    expect(parsed.repairs).toEqual([{ line: 3, message: 'text without a cue timing line skipped' }])
  })

  it('leaves out cues that have no text', () => {
    expect(
      texts(
        vtt(
          'WEBVTT',
          '',
          '00:01.000 --> 00:02.000',
          '',
          '00:02.000 --> 00:03.000',
          '<i> </i>',
          '',
          '00:03.000 --> 00:04.000',
          'Text.',
        ),
      ),
    ).toEqual(['Text.'])
  })

  it('turns NUL characters into U+FFFD as the spec does', () => {
    expect(texts(vtt('WEBVTT', '', '00:01.000 --> 00:02.000', 'a\0b'))).toEqual(['a\ufffdb'])
  })
})

describe('parseVtt: bad timings', () => {
  it('skips a cue with an invalid timestamp as browsers do, notes it, and keeps parsing', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:00:01.000 --> 00:00:02.000',
        'One.',
        '',
        'bad',
        '00:00:02.000 --> 00:00:61.000',
        'Lost.',
        '',
        '0:03.000 --> 0:04.000',
        'Lost too.',
        '',
        '00:05.000 --> 00:06.000',
        'Two.',
      ),
    )
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['One.', 'Two.'])
    expect(parsed.repairs).toEqual([
      {
        line: 7,
        message: 'cue skipped: invalid timing "00:00:02.000 --> 00:00:61.000" (end time: seconds above 59)',
      },
      {
        line: 10,
        message:
          'cue skipped: invalid timing "0:03.000 --> 0:04.000" (start time: the first field must be hours (it is not two digits, or is above 59), so mm:ss must follow)',
      },
    ])
  })

  it('keeps the text of a cue that ends before or as it starts, without an end (a Repair)', () => {
    const parsed = parseVtt(
      vtt('WEBVTT', '', '00:05.000 --> 00:04.000', 'Backwards.', '', '00:05.000 --> 00:05.000', 'Instant.'),
    )
    expect(parsed.cues.map((cue) => [cue.text, cue.startMs, cue.endMs])).toEqual([
      ['Backwards.', 5000, null],
      ['Instant.', 5000, null],
    ])
    expect(parsed.repairs).toEqual([
      {
        line: 3,
        message:
          'cue ends before it starts ("00:05.000 --> 00:04.000"): kept, ending where the next cue starts',
      },
      {
        line: 6,
        message: 'cue ends as it starts ("00:05.000 --> 00:05.000"): kept, ending where the next cue starts',
      },
    ])
  })

  it('keeps the complete cues of a file cut inside a timing line, and says so', () => {
    const parsed = parseVtt('WEBVTT\n\n00:00.000 --> 00:02.000\nComplete.\n\n00:02.000 --> 00:0')
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Complete.'])
    expect(parsed.repairs).toEqual([
      {
        line: 6,
        message:
          'cue skipped: invalid timing "00:02.000 --> 00:0" (end time: minutes and seconds take exactly two digits; the file looks cut short)',
      },
    ])
  })

  it('fails when no cue with valid timestamps remains, pointing at the first problem', () => {
    expect(() => parseVtt(vtt('WEBVTT', '', '00:61.000 --> 00:62.000', 'Nope.'))).toThrow(
      new TranscriptParseError(
        'no cues with valid timestamps (first problem: cue skipped: invalid timing "00:61.000 --> 00:62.000" (start time: seconds above 59))',
        3,
      ),
    )
  })

  it('fails on a file with a header and no cues', () => {
    expect(() => parseVtt('WEBVTT\n\nNOTE nothing here\n')).toThrow(
      new TranscriptParseError('no cues with valid timestamps and text found'),
    )
  })
})

describe('parseVtt: speakers', () => {
  it('lets an untagged cue continue the speaker when tags only mark changes of speaker', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '<v Ana>Hello,',
        '',
        '00:02.000 --> 00:03.000',
        'everyone.',
        '',
        '00:03.000 --> 00:04.000',
        '<v.guest Tom>Hi Ana.',
        '',
        '00:04.000 --> 00:05.000',
        'Good to be here.',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Ana', 'Hello,'],
      ['Ana', 'everyone.'],
      ['Tom', 'Hi Ana.'],
      ['Tom', 'Good to be here.'],
    ])
  })

  it('gives an untagged cue no speaker when the file tags every cue (the theme song after the talk)', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '<v Ana>One.',
        '',
        '00:02.000 --> 00:03.000',
        '<v Ana>Two.',
        '',
        '00:03.000 --> 00:04.000',
        '<v Tom>Three.',
        '',
        '00:04.000 --> 00:05.000',
        'La la la.',
      ),
    )
    expect(parsed.cues.map((cue) => cue.speaker)).toEqual(['Ana', 'Ana', 'Tom', null])
  })

  it('splits a cue holding two voices, dividing its time by text length', () => {
    const parsed = parseVtt(
      vtt('WEBVTT', '', 'x', '00:10.000 --> 00:13.000', '<v Ana>Ready?</v>', '<v Tom>Yes, go!</v>'),
    )
    expect(parsed.cues).toEqual([
      { id: 'x', startMs: 10_000, endMs: 11_286, speaker: 'Ana', text: 'Ready?', line: 3 },
      { id: 'x', startMs: 11_286, endMs: 13_000, speaker: 'Tom', text: 'Yes, go!', line: 3 },
    ])
  })

  it('reads "Name:" prefixes when the file has no voice spans', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        'Ana Reyes: Welcome.',
        '',
        '00:02.000 --> 00:03.000',
        'It is 10:30 here.',
        '',
        '00:03.000 --> 00:04.000',
        'TOM: Hi!',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Ana Reyes', 'Welcome.'],
      ['Ana Reyes', 'It is 10:30 here.'],
      ['TOM', 'Hi!'],
    ])
  })

  it('ignores "Name:" prefixes in a file that uses voice spans', () => {
    const parsed = parseVtt(
      vtt(
        'WEBVTT',
        '',
        '00:01.000 --> 00:02.000',
        '<v Ana>Hi.',
        '',
        '00:02.000 --> 00:03.000',
        '<v Ana>Tom Okafor: is here.',
      ),
    )
    expect(parsed.cues.map((cue) => [cue.speaker, cue.text])).toEqual([
      ['Ana', 'Hi.'],
      ['Ana', 'Tom Okafor: is here.'],
    ])
  })
})
