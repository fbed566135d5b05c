import { describe, expect, it } from 'vitest'
import { decodeTranscript, encodeTranscript, firstRenderedSegments } from '@/lib/episodes/transcript-encoding'

const segments = [
  {
    id: 10,
    startMs: 0,
    speaker: 'Ana',
    sentences: [
      { id: 100, startMs: 0, text: 'Hello there.', speaker: 'Ana', version: 1 },
      { id: 101, startMs: 1_500, text: 'Edited once.', speaker: 'Ana', version: 3 },
    ],
  },
  {
    id: 11,
    startMs: 4_000,
    speaker: 'Brian',
    sentences: [
      // A split made a later id; a host named another speaker on one sentence, or none.
      { id: 250, startMs: 4_000, text: 'Split off.', speaker: 'Brian', version: 1 },
      { id: 102, startMs: 3_900, text: 'Said by Cleo.', speaker: 'Cleo', version: 2 },
      { id: 103, startMs: 6_000, text: 'Nobody.', speaker: null, version: 1 },
    ],
  },
]

describe('encodeTranscript / decodeTranscript', () => {
  it('round-trips ids, times, texts, versions and speakers, with extras on the segments that have them', () => {
    const encoded = encodeTranscript(segments, (segment) =>
      segment.id === 11
        ? { chapters: [{ id: 1, startMs: 4_000, title: 'Part two' }], role: 'guest' }
        : undefined,
    )
    const decoded = decodeTranscript(JSON.parse(JSON.stringify(encoded)))
    expect(decoded.map((segment) => segment.sentences.map(({ ownSpeaker: _, ...rest }) => rest))).toEqual(
      segments.map((segment) => segment.sentences),
    )
    expect(decoded[1]!.sentences.map((sentence) => sentence.ownSpeaker)).toEqual([false, true, true])
    expect(decoded[0]).toMatchObject({
      id: 10,
      startMs: 0,
      speaker: 'Ana',
      chapters: [],
      image: null,
      role: null,
    })
    expect(decoded[1]).toMatchObject({ chapters: [{ title: 'Part two' }], role: 'guest', image: null })
  })

  it('writes a plain sentence as differences and its text only', () => {
    const [first] = encodeTranscript(segments)
    expect(first![3]).toEqual([
      [100, 0, 'Hello there.'],
      [1, 1_500, 'Edited once.', 3],
    ])
  })
})

describe('firstRenderedSegments', () => {
  const encoded = encodeTranscript(segments)

  it('takes whole segments until it has the asked-for sentences', () => {
    expect(firstRenderedSegments(encoded, { sentences: 1, atMs: null })).toBe(1)
    expect(firstRenderedSegments(encoded, { sentences: 3, atMs: null })).toBe(2)
    expect(firstRenderedSegments(encoded, { sentences: 100, atMs: null })).toBe(2)
  })

  it('reaches the segment playing at a ?t= moment further in', () => {
    expect(firstRenderedSegments(encoded, { sentences: 1, atMs: 1_000 })).toBe(1)
    expect(firstRenderedSegments(encoded, { sentences: 1, atMs: 5_000 })).toBe(2)
  })
})
