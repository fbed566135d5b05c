import { describe, expect, it } from 'vitest'
import { checkDerivedText, cleanSentenceText, SENTENCE_MAX_LENGTH } from './sentence-text'

describe('sentence text rules', () => {
  it('strips control characters, search markers included, and keeps whitespace', () => {
    expect(cleanSentenceText('a\u0000b\u0002c\u0003d\u007f e\tf\ng')).toBe('abcd e\tf\ng')
  })

  it('refuses derived text that is empty or past the edit limit', () => {
    expect(checkDerivedText('fine')).toEqual({ ok: true, value: 'fine' })
    expect(checkDerivedText('  ')).toMatchObject({ ok: false, failure: { error: 'unprocessable' } })
    expect(checkDerivedText('x'.repeat(SENTENCE_MAX_LENGTH))).toMatchObject({ ok: true })
    expect(checkDerivedText('x'.repeat(SENTENCE_MAX_LENGTH + 1))).toMatchObject({
      ok: false,
      failure: { error: 'unprocessable' },
    })
  })
})
