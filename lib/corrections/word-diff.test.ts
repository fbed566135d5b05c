import { describe, expect, it } from 'vitest'
import { wordDiff } from './word-diff'
import { bestAnchorIndex, isEarlierWording, quoteShare } from '@/lib/sentences/re-anchor'

describe('wordDiff', () => {
  it('marks a corrected name as one deletion and one addition', () => {
    expect(wordDiff('Thanks, Brian Okin, for that.', 'Thanks, Brian Okken, for that.')).toEqual([
      { op: 'same', text: 'Thanks, Brian' },
      { op: 'del', text: 'Okin,' },
      { op: 'add', text: 'Okken,' },
      { op: 'same', text: 'for that.' },
    ])
  })

  it('handles empty sides and identical texts', () => {
    expect(wordDiff('', 'New words')).toEqual([{ op: 'add', text: 'New words' }])
    expect(wordDiff('Old words', '')).toEqual([{ op: 'del', text: 'Old words' }])
    expect(wordDiff('Same  text', 'Same text')).toEqual([{ op: 'same', text: 'Same text' }])
  })
})

describe('re-anchoring', () => {
  it('measures how much of a quote a text holds, ignoring case and punctuation', () => {
    expect(quoteShare('We use Lightstream.', 'we use lightstream')).toBe(1)
    expect(quoteShare('We use Lightstream.', 'We use Litestream.')).toBeCloseTo(2 / 3)
    expect(quoteShare('', 'anything')).toBe(0)
  })

  it('picks the candidate with most of the quote, the earliest on a tie', () => {
    expect(bestAnchorIndex('Brian Okin said so.', ['Hello there.', 'Brian Okin said so.'])).toBe(1)
    expect(bestAnchorIndex('nothing shared', ['a', 'b'])).toBe(0)
  })

  it('knows when a comment was written on an earlier wording', () => {
    expect(isEarlierWording('Brian Okin.', 'Brian Okken.')).toBe(true)
    expect(isEarlierWording('Same. ', 'Same.')).toBe(false)
  })
})
