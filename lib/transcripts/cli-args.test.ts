import { describe, expect, it } from 'vitest'
import { parseTranscriptArgs } from './cli-args'

describe('parseTranscriptArgs', () => {
  it('reads parse <file>, with --json before or after the file', () => {
    expect(parseTranscriptArgs(['parse', 'a.vtt'])).toEqual({ kind: 'parse', file: 'a.vtt', json: false })
    expect(parseTranscriptArgs(['parse', 'a.vtt', '--json'])).toEqual({
      kind: 'parse',
      file: 'a.vtt',
      json: true,
    })
    expect(parseTranscriptArgs(['--json', 'parse', 'a.vtt'])).toEqual({
      kind: 'parse',
      file: 'a.vtt',
      json: true,
    })
  })

  it('takes a file name starting with "-" after "--"', () => {
    expect(parseTranscriptArgs(['parse', '--', '-odd.srt'])).toEqual({
      kind: 'parse',
      file: '-odd.srt',
      json: false,
    })
  })

  it('answers -h and --help wherever they appear', () => {
    expect(parseTranscriptArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseTranscriptArgs(['parse', 'a.vtt', '-h'])).toEqual({ kind: 'help' })
  })

  it.each([
    [[], 'missing command'],
    [['export', 'a.vtt'], 'unknown command "export"'],
    [['parse'], 'missing <file> to parse'],
    [['parse', ''], 'missing <file> to parse'],
    [['parse', 'a.vtt', 'b.vtt'], 'unexpected argument "b.vtt"'],
    [['parse', 'a.vtt', '--xml'], 'unknown option "--xml"'],
    [['parse', '-j', 'a.vtt'], 'unknown option "-j"'],
  ])('rejects %j: %s', (argv, message) => {
    expect(parseTranscriptArgs(argv)).toEqual({ kind: 'usage-error', message })
  })
})
