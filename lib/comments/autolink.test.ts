import { describe, expect, it } from 'vitest'
import { autolink } from './autolink'

describe('autolink', () => {
  it('links http and https URLs and leaves trailing punctuation as text', () => {
    expect(autolink('See https://example.com/a?b=1. Or http://x.test!')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'http://x.test', href: 'http://x.test/' },
      { kind: 'text', text: '!' },
    ])
  })

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '[click](javascript:alert(1))',
    'data:text/html,<script>alert(1)</script>',
    'JaVaScRiPt:alert(document.cookie)',
    '<a href="javascript:alert(1)">x</a>',
  ])('keeps %s as one plain text part', (payload) => {
    expect(autolink(payload)).toEqual([{ kind: 'text', text: payload }])
  })

  it('stops a URL at quotes and angle brackets so markup cannot ride along', () => {
    const parts = autolink('https://ok.test/"onmouseover="alert(1)')
    expect(parts[0]).toEqual({ kind: 'link', text: 'https://ok.test/', href: 'https://ok.test/' })
    expect(parts.slice(1)).toEqual([{ kind: 'text', text: '"onmouseover="alert(1)' }])
  })

  it('returns nothing for empty text', () => {
    expect(autolink('')).toEqual([])
  })
})
