import { describe, expect, it } from 'vitest'
import { resolveSpeakers, splitCueByVoice, type TaggedCue } from './speakers'

const tagged = (...voices: (string | null)[]): TaggedCue[] =>
  voices.map((voice, i) => ({
    id: null,
    startMs: i * 1000,
    endMs: i * 1000 + 1000,
    voice,
    text: `cue ${i}`,
    line: i + 1,
  }))
const speakersOf = (...voices: (string | null)[]) =>
  resolveSpeakers(tagged(...voices)).map((cue) => cue.speaker)

describe('resolveSpeakers', () => {
  it('carries the speaker into untagged cues when tags only mark changes', () => {
    expect(speakersOf('Ana', null, null, 'Tom', null, 'Ana', null)).toEqual([
      'Ana',
      'Ana',
      'Ana',
      'Tom',
      'Tom',
      'Ana',
      'Ana',
    ])
  })

  it('leaves untagged cues before the first tag without a speaker', () => {
    expect(speakersOf(null, 'Ana', null)).toEqual([null, 'Ana', 'Ana'])
  })

  it('treats a single tag as the start of that speaker', () => {
    expect(speakersOf('Ana', null, null)).toEqual(['Ana', 'Ana', 'Ana'])
  })

  it('does not carry speakers when the file tags cue by cue', () => {
    expect(speakersOf('Ana', 'Ana', 'Tom', 'Tom', null, 'Ana')).toEqual([
      'Ana',
      'Ana',
      'Tom',
      'Tom',
      null,
      'Ana',
    ])
  })

  it('tolerates one repeated tag in ten before deciding the file tags cue by cue', () => {
    const changes = ['A', 'B', 'A', 'B', 'A', 'B', 'A', 'B', 'A', 'B']
    expect(speakersOf(...changes, 'B', null).at(-1)).toBe('B')
    expect(speakersOf(...changes, 'B', 'B', null).at(-1)).toBeNull()
  })

  it('keeps every other field of the cue', () => {
    expect(resolveSpeakers(tagged('Ana'))).toEqual([
      { id: null, startMs: 0, endMs: 1000, speaker: 'Ana', text: 'cue 0', line: 1 },
    ])
  })
})

describe('splitCueByVoice', () => {
  const base = { id: '7', startMs: 1000, endMs: 2000, line: 12 }

  it('keeps a one-voice cue whole', () => {
    expect(splitCueByVoice(base, [{ voice: 'Ana', text: 'Hello.' }])).toEqual([
      { id: '7', startMs: 1000, endMs: 2000, voice: 'Ana', text: 'Hello.', line: 12 },
    ])
  })

  it('divides the time in proportion to each voice’s text', () => {
    const parts = splitCueByVoice(base, [
      { voice: 'Ana', text: 'abc' },
      { voice: 'Tom', text: 'defghij' },
    ])
    expect(parts.map((part) => [part.voice, part.startMs, part.endMs])).toEqual([
      ['Ana', 1000, 1300],
      ['Tom', 1300, 2000],
    ])
  })

  it('gives every part the cue start when the cue has no end', () => {
    const parts = splitCueByVoice({ ...base, endMs: null }, [
      { voice: 'Ana', text: 'abc' },
      { voice: 'Tom', text: 'def' },
    ])
    expect(parts.map((part) => [part.startMs, part.endMs])).toEqual([
      [1000, null],
      [1000, null],
    ])
  })
})
