import { describe, expect, it } from 'vitest'
import { parseTranscript } from './parse'
import { parsePlainTextTranscript } from './parse-plain-text'

const cues = (text: string) =>
  parsePlainTextTranscript(text).cues.map(({ startMs, speaker, text: words }) => [startMs, speaker, words])

describe('parsePlainTextTranscript', () => {
  it('reads paragraphs opened by a time, with "Name:" speakers', () => {
    expect(
      cues(
        '[00:00:00] Marina Okafor: Welcome to the show.\n\n[00:00:06] Tom Lindqvist: Glad to be here.\nReally glad.\n\n(1:02) Marina Okafor: Let us start.',
      ),
    ).toEqual([
      [0, 'Marina Okafor', 'Welcome to the show.'],
      [6000, 'Tom Lindqvist', 'Glad to be here. Really glad.'],
      [62_000, 'Marina Okafor', 'Let us start.'],
    ])
  })

  it('reads the "Name  time" line that transcription services export', () => {
    expect(
      cues(
        'Marina Okafor  0:00\nWelcome back.\n\nDr. Ada Mensah  0:04\nThanks, Marina.\nHappy to be here.\n',
      ),
    ).toEqual([
      [0, 'Marina Okafor', 'Welcome back.'],
      [4000, 'Dr. Ada Mensah', 'Thanks, Marina. Happy to be here.'],
    ])
  })

  it('takes one paragraph per line when the file has no blank lines', () => {
    expect(cues('00:01 One.\n00:05 Two.\nThree.')).toEqual([
      [1000, null, 'One.'],
      [5000, null, 'Two.'],
      [5000, null, 'Three.'],
    ])
  })

  it('starts everything at 0:00 without any time, and says so', () => {
    const parsed = parsePlainTextTranscript('Just words here.\n\nAnd more words, about 10:30 in the morning.')
    expect(parsed.cues.map((cue) => [cue.startMs, cue.text])).toEqual([
      [0, 'Just words here.'],
      [0, 'And more words, about 10:30 in the morning.'],
    ])
    expect(parsed.repairs).toEqual([
      { line: 1, message: 'no times in the transcript: every paragraph starts at 0:00' },
    ])
    expect(parsed.format).toBe('plain-text')
  })

  it('hands the "Starting point is" layout to its own parser', () => {
    expect(parsePlainTextTranscript('Starting point is 00:00:05 Hello.').format).toBe('starting-point')
  })

  it('is chosen by the caller (a feed says text/plain): content detection would refuse it', () => {
    expect(() => parseTranscript('Just words.')).toThrow(/unknown transcript format/)
    expect(parseTranscript('Just words.', 'plain-text').cues).toHaveLength(1)
  })

  it('fails on a file with no text', () => {
    expect(() => parsePlainTextTranscript('\n\n  \n')).toThrow('no cues with valid timestamps and text found')
  })
})
