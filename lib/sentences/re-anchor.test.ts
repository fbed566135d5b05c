// The one re-anchoring rule, as split and re-import use it.
import { describe, expect, it } from 'vitest'
import { bestAnchorAmongWords, bestAnchorIndex, wordsOf } from './re-anchor'

describe('the re-anchoring rule', () => {
  it('sends a quote to the candidate holding most of its words, wherever it is', () => {
    expect(bestAnchorIndex('Brian Okin said so.', ['Hello there.', 'Brian Okin said so.'])).toBe(1)
    expect(bestAnchorIndex('Brian Okin said so.', ['Brian said.', 'x', 'Brian Okin said so.'], 0)).toBe(2)
  })

  it('breaks a tie by nearness to where the comment was, then by order', () => {
    const candidates = ['alpha', 'beta', 'gamma', 'delta']
    // Nothing shared: every candidate ties.
    expect(bestAnchorIndex('nothing shared', candidates)).toBe(0) // a split: the first half keeps the old id
    expect(bestAnchorIndex('nothing shared', candidates, 2)).toBe(2) // a re-import: the removed sentence's place
    expect(bestAnchorIndex('alpha gamma', candidates, 1)).toBe(0) // 0 and 2 tie, both one away: the earlier
    expect(bestAnchorIndex('alpha gamma', candidates, 3)).toBe(2)
  })

  it('answers -1 when there is no candidate', () => {
    expect(bestAnchorAmongWords(wordsOf('anything'), [], 0)).toBe(-1)
  })
})
