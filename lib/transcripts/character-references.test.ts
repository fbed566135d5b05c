import { describe, expect, it } from 'vitest'
import { decodeAnnotationReferences, decodeCharacterReferences } from './character-references'

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

  // The HTML spec's named character reference state, which WebVTT cue text follows: the longest
  // legacy name that prefixes the text is taken even when more letters follow.
  it.each([
    ['&notit;', '\u00acit;'],
    ['&copy2024 Ana', '\u00a92024 Ana'],
    ['&ampersand', '&ersand'],
    ['&amp', '&'],
    ['&#x110000;', '\ufffd'],
    ['&#0;', '\ufffd'],
    ['&#65 and &#x41', 'A and A'],
    ['&notin; &NotEqualTilde;', '\u2209 \u2242\u0338'],
  ])('decodes %j in text as HTML does', (input, decoded) => {
    expect(decodeCharacterReferences(input)).toBe(decoded)
  })

  it('keeps legacy names followed by a letter, digit or "=" as written in an annotation, as in an attribute', () => {
    expect(decodeAnnotationReferences('&notit; &copy2024 &not=')).toBe('&notit; &copy2024 &not=')
    expect(decodeAnnotationReferences('Tom &amp Ana &eacute;mile &not;')).toBe('Tom & Ana \u00e9mile \u00ac')
  })
})
