import { describe, expect, it } from 'vitest'
import { parseCueText } from './vtt-cue-text'

describe('parseCueText', () => {
  it('returns plain text with no voice when the cue has no <v> span', () => {
    expect(parseCueText('Hello there,\nfriends.')).toEqual([{ voice: null, text: 'Hello there, friends.' }])
  })

  it('reads the speaker from <v>, with or without classes, closed or not', () => {
    expect(parseCueText('<v Ana Reyes>Hi.</v>')).toEqual([{ voice: 'Ana Reyes', text: 'Hi.' }])
    expect(parseCueText('<v.host.loud   Ana   Reyes >Hi.')).toEqual([{ voice: 'Ana Reyes', text: 'Hi.' }])
  })

  it('splits a cue that holds two voices, and keeps text after </v> with its speaker', () => {
    expect(parseCueText('<v Ana>Ready?</v> <v Tom>Yes.</v> Go!')).toEqual([
      { voice: 'Ana', text: 'Ready?' },
      { voice: 'Tom', text: 'Yes. Go!' },
    ])
  })

  it('gives text before the first <v> no voice', () => {
    expect(parseCueText('So <v Tom>yes.')).toEqual([
      { voice: null, text: 'So' },
      { voice: 'Tom', text: 'yes.' },
    ])
  })

  it('strips nested <c>, <i>, <b>, <u>, <lang> and timestamp tags', () => {
    const raw =
      '<c.yellow.bg_blue>One <i>two <b>three</b></i></c> <u>four</u> <lang en-GB>five</lang><00:00:01.500> six'
    expect(parseCueText(raw)).toEqual([{ voice: null, text: 'One two three four five six' }])
  })

  it('drops ruby text, which annotates the base text rather than adding words', () => {
    expect(parseCueText('<ruby>東京<rt>とうきょう</rt></ruby>に行く')).toEqual([
      { voice: null, text: '東京に行く' },
    ])
    expect(parseCueText('<ruby>A<rt>a</ruby> B')).toEqual([{ voice: null, text: 'A B' }])
  })

  it('keeps the text of unknown tags and of <rt> outside <ruby>', () => {
    expect(parseCueText('<span>kept</span> <rt>also kept</rt>')).toEqual([
      { voice: null, text: 'kept also kept' },
    ])
  })

  it('decodes character references in text and in the voice name', () => {
    expect(parseCueText('<v Tom &amp; Ana>Fish &amp; chips &lt;3 &gt; &#65;&#x42;&nbsp;!')).toEqual([
      { voice: 'Tom & Ana', text: 'Fish & chips <3 > AB\u00a0!' },
    ])
  })

  it('treats a lone "<" as the start of a tag, as the spec does', () => {
    expect(parseCueText('1 < 2 is true')).toEqual([{ voice: null, text: '1' }])
  })

  it('returns no runs for a cue with only tags or whitespace', () => {
    expect(parseCueText('<v Ana></v>  \n ')).toEqual([])
  })
})
