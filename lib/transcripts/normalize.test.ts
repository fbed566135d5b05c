import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { normalizeTranscript } from './normalize'
import { parseStartingPoint } from './parse-starting-point'
import type { Cue, NormalizedTranscript, ParsedTranscript, TranscriptFormat } from './types'

const cue = (startMs: number, endMs: number | null, text: string, speaker: string | null = null): Cue => ({
  id: null,
  startMs,
  endMs,
  speaker,
  text,
  line: 1,
})
const parsed = (cues: Cue[], format: TranscriptFormat = 'vtt'): ParsedTranscript => ({
  format,
  cues,
  repairs: [],
})
const sentencesOf = (transcript: NormalizedTranscript) =>
  transcript.segments.flatMap((segment) => segment.sentences)

describe('normalizeTranscript: sentences', () => {
  it('keeps a sentence the source splits across cues as one, starting in the cue where it begins', () => {
    const transcript = normalizeTranscript(
      parsed([
        cue(0, 4000, "Sign up for our newsletter or we'll"),
        cue(4000, 6000, 'send you links. Thanks for listening.'),
      ]),
    )
    expect(sentencesOf(transcript)).toEqual([
      { startMs: 0, endMs: 4811, speaker: null, text: "Sign up for our newsletter or we'll send you links." },
      { startMs: 4865, endMs: 6000, speaker: null, text: 'Thanks for listening.' },
    ])
  })

  it('interpolates by character position inside a cue', () => {
    // "One. " is 5 characters of 20: the second sentence starts a quarter of the way in.
    const transcript = normalizeTranscript(parsed([cue(1000, 3000, 'One. Two three four.')]))
    expect(sentencesOf(transcript).map((sentence) => [sentence.startMs, sentence.endMs])).toEqual([
      [1000, 1400],
      [1500, 3000],
    ])
  })

  it('uses the next cue’s start for a cue without an end, and leaves the last such cue uninterpolated', () => {
    const transcript = normalizeTranscript(
      parsed([cue(0, null, 'One. Two.'), cue(9000, null, 'Three. Four.')], 'starting-point'),
    )
    expect(sentencesOf(transcript).map((sentence) => [sentence.startMs, sentence.endMs])).toEqual([
      [0, 4000],
      [5000, 9000],
      [9000, null],
      [9000, null],
    ])
  })

  it('ends a sentence at every change of speaker, punctuation or not', () => {
    const transcript = normalizeTranscript(
      parsed([cue(0, 1000, 'So I think', 'Ana'), cue(1000, 2000, 'yes, exactly.', 'Tom')]),
    )
    expect(sentencesOf(transcript).map((sentence) => [sentence.speaker, sentence.text])).toEqual([
      ['Ana', 'So I think'],
      ['Tom', 'yes, exactly.'],
    ])
  })

  it('never lets startMs decrease, even when a cue starts before the one it follows', () => {
    const transcript = normalizeTranscript(
      parsed([cue(5000, 6000, 'Later.'), cue(4000, 4500, 'Earlier.'), cue(7000, 8000, 'Last.')]),
    )
    expect(sentencesOf(transcript).map((sentence) => [sentence.startMs, sentence.endMs])).toEqual([
      [5000, 6000],
      [5000, 5000],
      [7000, 8000],
    ])
  })

  it('ignores blank cues and folds whitespace, so no sentence is empty or padded', () => {
    const transcript = normalizeTranscript(
      parsed([cue(0, 1000, '  '), cue(1000, 2000, ' Hello \n  world. ')]),
    )
    expect(sentencesOf(transcript)).toEqual([
      { startMs: 1000, endMs: 2000, speaker: null, text: 'Hello world.' },
    ])
  })

  it('keeps format, cues and repairs, and lists speakers in order of appearance', () => {
    const input: ParsedTranscript = {
      format: 'srt',
      cues: [
        cue(0, 1000, 'Hi.', 'Tom'),
        cue(1000, 2000, 'Hey.', null),
        cue(2000, 3000, 'Yo.', 'Ana'),
        cue(3000, 4000, 'Ok.', 'Tom'),
      ],
      repairs: [{ line: 3, message: 'something mended' }],
    }
    const transcript = normalizeTranscript(input)
    expect(transcript.format).toBe('srt')
    expect(transcript.cues).toBe(input.cues)
    expect(transcript.repairs).toEqual([{ line: 3, message: 'something mended' }])
    expect(transcript.speakers).toEqual(['Tom', 'Ana'])
  })
})

describe('normalizeTranscript: segments', () => {
  const segmentsOf = (cues: Cue[]) =>
    normalizeTranscript(parsed(cues)).segments.map((segment) => [
      segment.startMs,
      segment.speaker,
      segment.sentences.map((s) => s.text),
    ])

  it('starts a segment at every change of speaker', () => {
    expect(
      segmentsOf([
        cue(0, 1000, 'Hi.', 'Ana'),
        cue(1000, 2000, 'Hello.', 'Tom'),
        cue(2000, 3000, 'Bye.', 'Ana'),
      ]),
    ).toEqual([
      [0, 'Ana', ['Hi.']],
      [1000, 'Tom', ['Hello.']],
      [2000, 'Ana', ['Bye.']],
    ])
  })

  it('starts a paragraph after a silence of two seconds, not less', () => {
    expect(segmentsOf([cue(0, 1000, 'One.'), cue(2999, 4000, 'Two.'), cue(6000, 7000, 'Three.')])).toEqual([
      [0, null, ['One.', 'Two.']],
      [6000, null, ['Three.']],
    ])
  })

  it('breaks paragraphs only between sentences, even across a long silence', () => {
    expect(segmentsOf([cue(0, 1000, 'It was'), cue(5000, 6000, 'late. Then')])).toEqual([
      [0, null, ['It was late.', 'Then']],
    ])
  })

  it('starts a paragraph at the first sentence once one has run 60 seconds', () => {
    const cues = Array.from({ length: 8 }, (_, i) => cue(i * 10_000, i * 10_000 + 10_000, `Sentence ${i}.`))
    expect(segmentsOf(cues).map(([startMs, , texts]) => [startMs, (texts as string[]).length])).toEqual([
      [0, 6],
      [60_000, 2],
    ])
  })
})

describe('normalizeTranscript: "Starting point is" blocks', () => {
  const fixture = readFileSync(
    new URL('../../tests/fixtures/transcripts/starting-point.txt', import.meta.url),
    'utf8',
  )

  it('makes one segment per block, at exactly the block’s time, with a cut sentence in the block it began in', () => {
    const transcript = normalizeTranscript(parseStartingPoint(fixture))
    expect(
      transcript.segments.map((segment) => [
        segment.startMs,
        segment.sentences.map((s) => [s.startMs, s.text]),
      ]),
    ).toEqual([
      [
        0,
        [
          [0, 'Welcome to Tidepool Radio, the show about the small lives between the tides.'],
          [8063, "I'm Ana Reyes."],
          [9634, 'With me as always is Tom Okafor.'],
          [
            13_089,
            "If you enjoy the show, you can sign up for our newsletter or we'll send you the links after every episode.",
          ],
        ],
      ],
      [20_000, [[26_027, 'Today we talk about hermit crabs.']]],
      [
        31_000,
        [
          [31_000, 'Tom, what surprised you most about them this week?'],
          [40_520, 'They line up by size and swap shells one after another, the biggest crab first.'],
        ],
      ],
      [
        52_000,
        [
          [53_569, 'That is wonderful.'],
          [57_828, "Let's hear more after the break."],
        ],
      ],
      [65_000, [[65_000, 'This episode is brought to you by Kelp & Co.']]],
      [72_000, [[72_000, 'Thanks for listening.']]],
    ])
  })

  it('ends the cut sentence inside the next block, by interpolation', () => {
    const transcript = normalizeTranscript(parseStartingPoint(fixture))
    // "send you the links after every episode." is 39 of the next block's 73 characters (20 s to 31 s):
    // 20000 + 11000 * 39 / 73 = 25876.7.
    expect(transcript.segments[0]?.sentences.at(-1)?.endMs).toBe(25_877)
  })
})
