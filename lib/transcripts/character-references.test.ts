import { describe, expect, it } from 'vitest'
import { decodeCharacterReferences } from './character-references'

describe('decodeCharacterReferences', () => {
  it('decodes the references WebVTT names and any other HTML name', () => {
    expect(decodeCharacterReferences('&amp;&lt;&gt;&nbsp;&lrm;&rlm;&eacute;&hellip;')).toBe(
      '&<>\u00a0\u200e\u200f\u00e9\u2026',
    )
  })

  it('decodes decimal and hexadecimal references, astral code points included', () => {
    expect(decodeCharacterReferences('&#8217;&#x2019;&#X1F600;&#128512;')).toBe('\u2019\u2019😀😀')
  })

  it('maps the Windows-1252 range and replaces impossible code points as HTML does', () => {
    expect(decodeCharacterReferences('&#150;&#146;')).toBe('\u2013\u2019')
    expect(decodeCharacterReferences('&#0;&#xD800;&#x110000;&#99999999999;')).toBe('\ufffd\ufffd\ufffd\ufffd')
  })

  it('accepts legacy names without a semicolon', () => {
    expect(decodeCharacterReferences('Tom &amp Ana')).toBe('Tom & Ana')
  })

  it('leaves unknown names and bare ampersands as written', () => {
    expect(decodeCharacterReferences('AT&T &bogus; & more')).toBe('AT&T &bogus; & more')
  })
})
