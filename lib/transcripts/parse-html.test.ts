import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FEED_FIXTURES } from '@/tests/support/fixture-server'
import { parseHtmlTranscript } from './parse-html'
import { readTranscript } from './parse'
import { TranscriptParseError } from './types'

describe('parseHtmlTranscript', () => {
  it("reads the spec's <cite> / <time> / <p> layout", () => {
    const parsed = parseHtmlTranscript(
      [
        '<cite>Kevin:</cite>',
        '<time>0:00</time>',
        '<p>We have an update planned where we would like to give the ability to upload an artwork file</p>',
        '<cite>Alban :</cite>',
        '<time>0:09</time>',
        "<p>You're triggering Tom right now with a hey, here's a cool feature.</p>",
      ].join('\n'),
    )
    expect(parsed).toEqual({
      format: 'html',
      cues: [
        {
          id: null,
          startMs: 0,
          endMs: null,
          speaker: 'Kevin',
          text: 'We have an update planned where we would like to give the ability to upload an artwork file',
          line: 3,
        },
        {
          id: null,
          startMs: 9000,
          endMs: null,
          speaker: 'Alban',
          text: "You're triggering Tom right now with a hey, here's a cool feature.",
          line: 6,
        },
      ],
      repairs: [],
    })
  })

  it('reads the fixture page: entities decoded, head and markup left out', () => {
    const parsed = parseHtmlTranscript(readFileSync(FEED_FIXTURES + 'transcripts/s1e9.html', 'utf8'))
    expect(parsed.cues.map(({ startMs, speaker, text }) => [startMs, speaker, text])).toEqual([
      [0, 'Marina Okafor', 'We are standing on the harbour wall at low water.'],
      [
        9000,
        'Tom Lindqvist',
        'The boats are sitting on the mud. In six hours they will float again & nobody will remember.',
      ],
      [62_000, 'Marina Okafor', 'Listen to the gulls.'],
    ])
  })

  it('takes <cite> and <time> inside the paragraph too, and inline markup as text', () => {
    const parsed = parseHtmlTranscript(
      '<p><cite>Ana:</cite> <time>1:02:03.5</time> Hello <b>there</b>,<br>friend.</p><p><time>1:02:10</time>Again.</p>',
    )
    expect(parsed.cues.map(({ startMs, speaker, text }) => [startMs, speaker, text])).toEqual([
      [3_723_500, 'Ana', 'Hello there, friend.'],
      [3_730_000, 'Ana', 'Again.'],
    ])
  })

  it('keeps paragraphs without times at the time before, and repairs backwards or broken times', () => {
    const parsed = parseHtmlTranscript(
      '<time>0:30</time><p>One.</p><p>Two.</p><time>0:10</time><p>Three.</p><time>soon</time><p>Four.</p>',
    )
    expect(parsed.cues.map((cue) => cue.startMs)).toEqual([30_000, 30_000, 30_000, 30_000])
    expect(parsed.repairs.map((repair) => repair.message)).toEqual([
      'time 0:10 is before the paragraph above; it starts at 0:30',
      '<time>soon</time> is not a time; ignored',
    ])
  })

  it('starts every paragraph at 0:00 when there is no time at all, and says so', () => {
    const parsed = parseHtmlTranscript('<cite>A:</cite><p>One.</p><cite>B:</cite><p>Two.</p>')
    expect(parsed.cues.map((cue) => [cue.startMs, cue.speaker])).toEqual([
      [0, 'A'],
      [0, 'B'],
    ])
    expect(parsed.repairs).toEqual([
      { line: 1, message: 'no <time> in the transcript: every paragraph starts at 0:00' },
    ])
  })

  it('fails on a page without paragraphs', () => {
    expect(() => parseHtmlTranscript('<html><body><div>Nothing here</div></body></html>')).toThrow(
      new TranscriptParseError(
        'no cues with valid timestamps (first problem: no <p> paragraphs with text found)',
        1,
      ),
    )
  })

  it('is detected from content and normalized into sentences by readTranscript', () => {
    const transcript = readTranscript('<cite>Ana:</cite><time>0:05</time><p>First one. Second one.</p>')
    expect(transcript.format).toBe('html')
    expect(transcript.segments[0]?.sentences.map((sentence) => sentence.text)).toEqual([
      'First one.',
      'Second one.',
    ])
  })
})
