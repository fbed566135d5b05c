import { describe, expect, it } from 'vitest'
import { detectFormat } from './detect-format'
import { TranscriptParseError } from './types'

describe('detectFormat', () => {
  it.each([
    ['WEBVTT\n\n00:01.000 --> 00:02.000\nHi', 'vtt'],
    ['\ufeffWEBVTT', 'vtt'],
    ['WEBVTT - title\r\n', 'vtt'],
    ['  \n{"version":"1.0.0","segments":[]}', 'podcast-json'],
    ['{"version":"1.0.0","segm', 'podcast-json'],
    ['1\n00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
    ['\n\n12\r\n00:00:01.000 --> 00:00:02.000\r\nHi', 'srt'],
    ['00:00:01,000 --> 00:00:02,000\nHi', 'srt'],
    ['Starting point is 00:00:00 Hello', 'starting-point'],
    ['Episode 12: the tides\n\nStarting point is 0:00 Hello', 'starting-point'],
  ])('detects %j as %s', (text, format) => {
    expect(detectFormat(text)).toBe(format)
  })

  it.each([
    ['', new TranscriptParseError('file is empty')],
    ['\ufeff', new TranscriptParseError('file is empty')],
    [' \r\n\t\n', new TranscriptParseError('file contains only whitespace')],
    ['WEBVTT\n\nab\0cd', new TranscriptParseError('binary file: it contains NUL characters', 3)],
    ['\u0001\u0002\u0003 some text', new TranscriptParseError('binary file: 3 control characters in 13')],
    [
      '[{"startTime": 0}]',
      new TranscriptParseError(
        'JSON array is not a Podcasting 2.0 transcript (expected an object with "segments")',
        1,
      ),
    ],
    [
      '\nWEBVTT\n\n00:01.000 --> 00:02.000\nHi',
      new TranscriptParseError('"WEBVTT" must be the very first line of a WebVTT file', 1),
    ],
    [
      'Just some notes about the show.\nNothing timed here.',
      new TranscriptParseError(
        'unknown transcript format (expected a WEBVTT header, SRT cues, Podcasting 2.0 JSON or "Starting point is" blocks)',
        1,
      ),
    ],
    [
      '1\nHello without a timing line',
      new TranscriptParseError(
        'unknown transcript format (expected a WEBVTT header, SRT cues, Podcasting 2.0 JSON or "Starting point is" blocks)',
        1,
      ),
    ],
  ])('rejects %j', (text, error) => {
    expect(() => detectFormat(text)).toThrow(error)
  })

  it('tolerates a few control characters in a long text', () => {
    expect(detectFormat(`Starting point is 00:00 ${'word '.repeat(100)}\u0007`)).toBe('starting-point')
  })
})
