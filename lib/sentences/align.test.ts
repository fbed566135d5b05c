import { describe, expect, it } from 'vitest'
import { alignSentences, wordSimilarity } from './align'

describe('alignSentences', () => {
  it('matches corrected sentences in order, and leaves added and removed ones unmatched', () => {
    const before = [
      'Welcome to Python Bytes.',
      'I am here with Brian Auken.',
      'Today we talk about lightstream and Terso.',
      'A sentence that goes away.',
      'Thanks for listening.',
    ]
    const after = [
      'Welcome to Python Bytes.',
      'I am here with Brian Okken.',
      'A brand new sentence nobody said before.',
      'Today we talk about Litestream and Turso.',
      'Thanks for listening.',
    ]
    expect(alignSentences(before, after)).toEqual([0, 1, null, 2, 4])
  })

  it('never matches out of order or below the similarity threshold', () => {
    expect(
      alignSentences(
        ['Alpha beta gamma.', 'Delta epsilon zeta.'],
        ['Delta epsilon zeta.', 'Alpha beta gamma.'],
      ),
    ).toEqual([1, null]) // swapped: one keeps its id, they never cross
    expect(alignSentences(['Completely different words.'], ['Nothing in common here.'])).toEqual([null])
    expect(alignSentences([], ['New.'])).toEqual([null])
    expect(alignSentences(['Old.'], [])).toEqual([])
  })

  it('scores word overlap with the Dice coefficient', () => {
    expect(wordSimilarity(['a', 'b'], ['a', 'b'])).toBe(1)
    expect(wordSimilarity(['a', 'b'], ['a', 'c'])).toBe(0.5)
    expect(wordSimilarity([], [])).toBe(1)
  })
})
