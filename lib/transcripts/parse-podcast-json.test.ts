import { describe, expect, it } from 'vitest'
import { parsePodcastJson } from './parse-podcast-json'
import { TranscriptParseError } from './types'

const document = (segments: unknown[]) => JSON.stringify({ version: '1.0.0', segments }, null, 2)

describe('parsePodcastJson', () => {
  it('reads segments, turning seconds into integer milliseconds', () => {
    const parsed = parsePodcastJson(
      document([
        { speaker: 'Ana', startTime: 0.5, endTime: 1.2345, body: 'Hello ' },
        { speaker: 'Tom', startTime: 1.3, body: 'there.' },
      ]),
    )
    expect(parsed).toEqual({
      format: 'podcast-json',
      cues: [
        { id: null, startMs: 500, endMs: 1235, speaker: 'Ana', text: 'Hello', line: 4 },
        { id: null, startMs: 1300, endMs: null, speaker: 'Tom', text: 'there.', line: 10 },
      ],
      repairs: [],
    })
  })

  it('accepts a missing version and missing speakers, and leaves out empty bodies', () => {
    const parsed = parsePodcastJson(
      '{"segments":[{"startTime":1,"endTime":2,"body":"Hi."},{"startTime":2,"endTime":3,"body":"  "}]}',
    )
    expect(parsed.cues).toEqual([
      { id: null, startMs: 1000, endMs: 2000, speaker: null, text: 'Hi.', line: 1 },
    ])
  })

  it('keeps a segment that ends before it starts, without an end, naming its line', () => {
    const parsed = parsePodcastJson(
      document([
        { startTime: 5, endTime: 4, body: 'Backwards.' },
        { startTime: 6, endTime: 7, body: 'Fine.' },
      ]),
    )
    expect(parsed.cues.map((cue) => [cue.text, cue.endMs])).toEqual([
      ['Backwards.', null],
      ['Fine.', 7000],
    ])
    expect(parsed.repairs).toEqual([
      {
        line: 4,
        message: 'segments[0]: endTime 4 is before startTime 5: kept, ending where the next segment starts',
      },
    ])
  })

  it('fails on truncated JSON with the parser’s message', () => {
    const parse = () => parsePodcastJson('{"version":"1.0.0","segments":[{"startTime":0,"body":"Hel')
    expect(parse).toThrow(TranscriptParseError)
    // Node 22 adds "(line 1 column 58)" to V8's message; the start is the same.
    expect(parse).toThrow(/^line 1: invalid JSON \(Unterminated string in JSON at position 57/)
  })

  it('points at the line of a JSON syntax error', () => {
    expect(() => parsePodcastJson('{\n  "segments": [\n    {"startTime": 0,, "body": "x"}\n  ]\n}')).toThrow(
      expect.objectContaining({ name: 'TranscriptParseError', line: 3 }),
    )
  })

  it('names the field and line of a segment that does not match the schema', () => {
    const input = document([
      { startTime: 0, endTime: 1, body: 'Fine.' },
      { startTime: '2', endTime: 3, body: 'Bad.' },
    ])
    expect(() => parsePodcastJson(input)).toThrow(
      new TranscriptParseError(
        'not a Podcasting 2.0 JSON transcript: segments[1].startTime: Invalid input: expected number, received string',
        9,
      ),
    )
  })

  it('counts the other problems it does not spell out', () => {
    expect(() => parsePodcastJson('{"segments":[{"startTime":-1}]}')).toThrow(
      new TranscriptParseError(
        'not a Podcasting 2.0 JSON transcript: segments[0].startTime: Too small: expected number to be >=0 (and 1 more problem)',
        1,
      ),
    )
  })

  it('rejects JSON that has no segments array', () => {
    expect(() => parsePodcastJson('{"version":"1.0.0","cues":[]}')).toThrow(
      new TranscriptParseError(
        'not a Podcasting 2.0 JSON transcript: segments: Invalid input: expected array, received undefined',
      ),
    )
  })

  it('fails when no segment is usable', () => {
    expect(() => parsePodcastJson('{"segments":[]}')).toThrow(
      new TranscriptParseError('no cues with valid timestamps and text found'),
    )
  })
})
