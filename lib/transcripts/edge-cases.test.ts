// Files that once lost text on import (issue 13): each fixture under tests/fixtures/transcripts/
// goes through the whole reader (decode, detect, parse, normalize), as the importer uses it.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readTranscript } from './parse'

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../tests/fixtures/transcripts/${name}`, import.meta.url)))

function read(name: string) {
  const transcript = readTranscript(fixture(name))
  const sentences = transcript.segments.flatMap((segment) => segment.sentences)
  return {
    format: transcript.format,
    texts: sentences.map((sentence) => sentence.text),
    times: sentences.map((sentence) => [sentence.startMs, sentence.endMs]),
    speakers: sentences.map((sentence) => sentence.speaker),
    repairs: transcript.repairs,
  }
}

describe('cues that do not end after they start', () => {
  it('keeps the text of reversed and zero-length WebVTT cues, ending them where the next cue starts', () => {
    const { texts, times, repairs } = read('reversed-cues.vtt')
    expect(texts).toEqual([
      'The first cue is fine.',
      'This one ends before it starts.',
      'This one ends as it starts.',
      'The last cue is fine.',
    ])
    expect(times).toEqual([
      [1000, 3000],
      [5000, 6000],
      [6000, 7000],
      [7000, 9000],
    ])
    expect(repairs).toEqual([
      {
        line: 6,
        message:
          'cue ends before it starts ("00:00:05.000 --> 00:00:04.000"): kept, ending where the next cue starts',
      },
      {
        line: 9,
        message:
          'cue ends as it starts ("00:00:06.000 --> 00:00:06.000"): kept, ending where the next cue starts',
      },
    ])
  })

  it('keeps the text of reversed SRT cues; the last one has no end', () => {
    const { texts, times, repairs } = read('mistimed.srt')
    expect(texts).toEqual(['This cue ends before it starts.', 'So does this one.'])
    expect(times).toEqual([
      [5000, 9000],
      [9000, null],
    ])
    expect(repairs.map((repair) => repair.line)).toEqual([2, 6])
    expect(repairs[0]?.message).toBe(
      'cue ends before it starts ("00:00:05,000 --> 00:00:04,000"): kept, ending where the next cue starts',
    )
  })
})

describe('line endings', () => {
  it.each(['cr-only.vtt', 'cr-only.srt'])('reads %s (a lone CR ends every line)', (name) => {
    const { texts, repairs } = read(name)
    expect(texts).toEqual(['First cue.', 'Second cue, two lines.', 'Third cue.'])
    expect(repairs).toEqual([])
  })

  it('reads CRLF, LF and CR mixed in one file, each as one line break', () => {
    const { texts, repairs } = read('mixed-endings.vtt')
    expect(texts).toEqual(['First cue.', 'Second cue.', 'Third cue.'])
    expect(repairs).toEqual([])
  })

  it.each([
    [
      'doubled-crlf.vtt',
      'every line ends in CR CR LF (a CRLF file converted twice): each read as one line break',
    ],
    ['lf-cr.srt', 'every line ends in LF CR: each read as one line break'],
  ])('reads %s, whose every line ends in a doubled line break, and says so', (name, message) => {
    const { texts, repairs } = read(name)
    expect(texts).toEqual(['First cue.', 'Second cue.'])
    expect(repairs).toEqual([{ line: 1, message }])
  })
})

describe('WebVTT whitespace', () => {
  it('takes form feeds as whitespace in timing lines, cue text, tags and blank-looking lines', () => {
    const { format, texts, speakers, times, repairs } = read('form-feed.vtt')
    expect(format).toBe('vtt')
    expect(texts).toEqual(['First cue.', 'Second cue.', 'Third cue.'])
    expect(speakers).toEqual([null, 'Ana', 'Ana'])
    expect(times[0]).toEqual([1000, 2000])
    expect(repairs).toEqual([])
  })
})

describe('cues without the blank line between them', () => {
  it('splits at the next counter and timing line (or a timing line alone), and reports each split', () => {
    const { texts, times, repairs } = read('missing-blank-line.srt')
    expect(texts).toEqual(['First cue.', 'Second cue.', 'Third cue, no counter.', 'Fourth cue.'])
    expect(times.map(([start]) => start)).toEqual([1000, 2000, 3000, 4000])
    expect(repairs).toEqual([
      { line: 4, message: 'no blank line before this cue: split from the cue before it' },
      { line: 7, message: 'no blank line before this cue: split from the cue before it' },
    ])
  })

  it('splits WebVTT where the next timing line starts a block, taking a number line before it as the id', () => {
    const transcript = readTranscript(fixture('missing-blank-line.vtt'))
    expect(transcript.cues.map((cue) => [cue.id, cue.text])).toEqual([
      ['1', 'First cue.'],
      ['2', 'Second cue.'],
      [null, 'Third cue, no id.'],
      ['4', 'Fourth cue.'],
    ])
    expect(transcript.repairs).toEqual([
      { line: 6, message: 'no blank line before this cue: split from the cue before it, with its id "2"' },
      { line: 9, message: 'no blank line before this cue: split from the cue before it' },
    ])
  })
})
