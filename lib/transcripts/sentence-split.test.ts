import { describe, expect, it } from 'vitest'
import { capSentenceLength, MAX_SENTENCE_CHARS, splitSentences } from './sentence-split'

const sentences = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end))

describe('splitSentences', () => {
  it('splits at terminal punctuation followed by whitespace, returning trimmed ranges', () => {
    expect(splitSentences('  Hello there.  How are you?  Fine! ')).toEqual([
      { start: 2, end: 14 },
      { start: 16, end: 28 },
      { start: 30, end: 35 },
    ])
  })

  it('keeps abbreviations and initials inside the sentence', () => {
    expect(
      sentences('Mr. Smith met Dr. Jones. Ask Prof. Lee vs. St. Clair. Michael J. Fox said hi.'),
    ).toEqual(['Mr. Smith met Dr. Jones.', 'Ask Prof. Lee vs. St. Clair.', 'Michael J. Fox said hi.'])
  })

  it('keeps "e.g." and "i.e." inside the sentence, whatever follows', () => {
    expect(sentences('Use a tool, e.g. Python or (i.e. Django) today. Next one.')).toEqual([
      'Use a tool, e.g. Python or (i.e. Django) today.',
      'Next one.',
    ])
  })

  it('never splits version numbers, domains or paths', () => {
    expect(sentences('Python 3.12 is out. Visit talkpython.fm/episodes today. It runs 1.2.3. Done')).toEqual([
      'Python 3.12 is out.',
      'Visit talkpython.fm/episodes today.',
      'It runs 1.2.3.',
      'Done',
    ])
  })

  it('splits after an ellipsis only when the next word is capitalised', () => {
    expect(sentences('Wait... what? Well… Then it rained.')).toEqual([
      'Wait... what?',
      'Well…',
      'Then it rained.',
    ])
  })

  it('does not split before a lowercase word, as speech transcripts often do after "?"', () => {
    expect(sentences('You know? like the other one. Yes.')).toEqual(['You know? like the other one.', 'Yes.'])
  })

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(sentences('He said "Stop." Then he left. (It was late.) "Really?" Yes.')).toEqual([
      'He said "Stop."',
      'Then he left.',
      '(It was late.)',
      '"Really?"',
      'Yes.',
    ])
  })

  it('splits after CJK full stops without whitespace', () => {
    expect(sentences('今日は晴れ。明日は雨？')).toEqual(['今日は晴れ。', '明日は雨？'])
  })

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([])
    expect(splitSentences('   ')).toEqual([])
  })

  it('returns text without punctuation as one sentence', () => {
    expect(sentences('no punctuation at all')).toEqual(['no punctuation at all'])
  })
})

describe('capSentenceLength', () => {
  it('leaves a sentence up to the maximum alone', () => {
    const text = 'a'.repeat(MAX_SENTENCE_CHARS)
    expect(capSentenceLength(text, { start: 0, end: text.length }, [0, 100, 200])).toEqual([
      { start: 0, end: MAX_SENTENCE_CHARS },
    ])
  })

  it('cuts unpunctuated text at the first cue boundary after 250 characters', () => {
    const cue = 'word '.repeat(20).trim() // 99 characters
    const text = Array.from({ length: 8 }, () => cue).join(' ')
    const cueStarts = Array.from({ length: 8 }, (_, i) => i * 100)
    expect(capSentenceLength(text, { start: 0, end: text.length }, cueStarts)).toEqual([
      { start: 0, end: 299 },
      { start: 300, end: 599 },
      { start: 600, end: 799 },
    ])
  })

  it('never cuts inside a cue', () => {
    const text = 'x'.repeat(700)
    expect(capSentenceLength(text, { start: 0, end: 700 }, [0])).toEqual([{ start: 0, end: 700 }])
  })
})
