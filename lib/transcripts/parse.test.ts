import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseTranscript, readTranscript } from './parse'
import { TranscriptParseError } from './types'

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/transcripts/${name}`, import.meta.url)))
const bytes = (...values: number[]) => new Uint8Array(values)
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('parseTranscript', () => {
  it('decodes UTF-8 bytes and drops the BOM', () => {
    const parsed = parseTranscript(utf8('\ufeffWEBVTT\n\n00:01.000 --> 00:02.000\nCafé'))
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['Café'])
  })

  it('accepts text as well as bytes', () => {
    expect(parseTranscript('Starting point is 00:00 Hi.').format).toBe('starting-point')
  })

  it('detects the format from the content, not the file name', () => {
    expect(parseTranscript(fixture('really-vtt.txt'))).toEqual({
      format: 'vtt',
      cues: [
        {
          id: null,
          startMs: 1000,
          endMs: 3000,
          speaker: null,
          text: 'Saved with the wrong extension.',
          line: 3,
        },
      ],
      repairs: [],
    })
  })

  it.each([
    ['an empty file', bytes(), new TranscriptParseError('file is empty')],
    ['a BOM alone', bytes(0xef, 0xbb, 0xbf), new TranscriptParseError('file is empty')],
    ['whitespace', utf8('\n \n'), new TranscriptParseError('file contains only whitespace')],
    [
      'NUL bytes',
      bytes(0x57, 0x0a, 0x0a, 0x00, 0x01),
      new TranscriptParseError('binary file: it contains NUL bytes', 3),
    ],
    [
      'UTF-16',
      bytes(0xff, 0xfe, 0x57, 0x00),
      new TranscriptParseError('UTF-16 text is not supported; save the transcript as UTF-8', 1),
    ],
    [
      'invalid UTF-8',
      new Uint8Array([...utf8('WEBVTT\n\nok\nbad '), 0xc3, 0x28]),
      new TranscriptParseError('not valid UTF-8 text (binary file or another encoding?)', 4),
    ],
    [
      'a Latin-1 file',
      bytes(0x43, 0x61, 0x66, 0xe9),
      new TranscriptParseError('not valid UTF-8 text (binary file or another encoding?)', 1),
    ],
  ])('rejects %s', (_name, content, error) => {
    expect(() => parseTranscript(content)).toThrow(error)
  })

  it('rejects a file with no usable cue', () => {
    expect(() => parseTranscript(fixture('untimed.srt'))).toThrow(
      new TranscriptParseError(
        'no cues with valid timestamps (first problem: cue skipped: invalid timing "00:00:61,000 --> 00:00:62,000" (start time: seconds above 59))',
        2,
      ),
    )
  })

  it('rejects truncated JSON', () => {
    expect(() => parseTranscript(fixture('truncated-json.txt'))).toThrow(
      /^line 1: invalid JSON \(Unterminated string/,
    )
  })

  it('keeps what is complete in a truncated WebVTT file', () => {
    const parsed = parseTranscript(fixture('truncated.vtt'))
    expect(parsed.cues.map((cue) => cue.text)).toEqual(['The recording starts.', 'Then the upload was cut'])
    expect(parsed.repairs).toEqual([
      {
        line: 9,
        message:
          'cue skipped: invalid timing "00:00:04.000 --> 00:00:0" (end time: minutes and seconds take exactly two digits; the file looks cut short)',
      },
    ])
  })

  it('rejects a layout it does not know', () => {
    expect(() => parseTranscript(fixture('unknown.txt'))).toThrow(/^line 1: unknown transcript format/)
  })
})

describe('readTranscript on the shipped fixtures', () => {
  it('reads the WebVTT episode: BOM, header, NOTE, STYLE, ids, settings, voices, entities, a bad cue', () => {
    const transcript = readTranscript(fixture('episode.vtt'))
    expect(transcript.cues.map((cue) => [cue.id, cue.startMs, cue.endMs, cue.speaker, cue.text])).toEqual([
      ['intro-1', 0, 4000, 'Ana Reyes', 'Welcome back to Tidepool Radio.'],
      ['intro-2', 4000, 8000, 'Ana Reyes', 'Today we visit the rock pools & their crabs.'],
      [null, 8000, 10_500, 'Tom Okafor', 'Thanks, Ana. I brought two buckets'],
      [null, 10_500, 12_000, 'Tom Okafor', 'and a net.'],
      [null, 13_000, 16_000, 'Ana Reyes', "Perfect <3 Let's go."],
    ])
    expect(transcript.repairs).toEqual([
      {
        line: 24,
        message: 'cue skipped: invalid timing "00:00:12.000 --> 00:00:61.000" (end time: seconds above 59)',
      },
    ])
    expect(transcript.speakers).toEqual(['Ana Reyes', 'Tom Okafor'])
    expect(transcript.segments).toEqual([
      {
        startMs: 0,
        speaker: 'Ana Reyes',
        sentences: [
          { startMs: 0, endMs: 4000, speaker: 'Ana Reyes', text: 'Welcome back to Tidepool Radio.' },
          {
            startMs: 4000,
            endMs: 8000,
            speaker: 'Ana Reyes',
            text: 'Today we visit the rock pools & their crabs.',
          },
        ],
      },
      {
        startMs: 8000,
        speaker: 'Tom Okafor',
        sentences: [
          { startMs: 8000, endMs: 8882, speaker: 'Tom Okafor', text: 'Thanks, Ana.' },
          { startMs: 8956, endMs: 12_000, speaker: 'Tom Okafor', text: 'I brought two buckets and a net.' },
        ],
      },
      {
        startMs: 13_000,
        speaker: 'Ana Reyes',
        sentences: [{ startMs: 13_000, endMs: 16_000, speaker: 'Ana Reyes', text: "Perfect <3 Let's go." }],
      },
    ])
  })

  it('reads the SRT episode with its speaker prefixes', () => {
    const transcript = readTranscript(fixture('episode.srt'))
    expect(transcript.cues.map((cue) => [cue.id, cue.speaker, cue.text])).toEqual([
      ['1', 'ANA', 'Welcome to Tidepool Radio.'],
      ['2', 'ANA', 'Note: the tide was low at 10:30 today.'],
      ['3', 'Tom Okafor', 'Links are at https://tidepool.example/show, as always.'],
      ['4', 'ANA', 'Thanks, Tom!'],
    ])
    expect(
      transcript.segments.map((segment) => [segment.startMs, segment.speaker, segment.sentences.length]),
    ).toEqual([
      [0, 'ANA', 2],
      [6500, 'Tom Okafor', 1],
      [9000, 'ANA', 1],
    ])
  })

  it('reads the Podcasting 2.0 JSON episode, joining a sentence split over segments', () => {
    const transcript = readTranscript(fixture('episode.json'))
    expect(transcript.segments).toEqual([
      {
        startMs: 0,
        speaker: 'Ana Reyes',
        sentences: [
          { startMs: 0, endMs: 2500, speaker: 'Ana Reyes', text: 'Welcome to Tidepool Radio.' },
          { startMs: 2500, endMs: 6000, speaker: 'Ana Reyes', text: 'Today: hermit crabs.' },
        ],
      },
      {
        startMs: 6500,
        speaker: 'Tom Okafor',
        sentences: [{ startMs: 6500, endMs: 8000, speaker: 'Tom Okafor', text: 'They trade shells.' }],
      },
    ])
  })
})
