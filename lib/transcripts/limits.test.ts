import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import { importTranscript } from '../import/import-transcript'
import { SENTENCE_MAX_LENGTH } from '../sentences/sentence-text'
import { cutAtWords, TRANSCRIPT_LIMITS } from './limits'
import { readTranscript } from './parse'

function vtt(cues: string[]): string {
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

function cue(second: number, text: string): string {
  const at = (s: number) =>
    `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.000`
  return `${at(second)} --> ${at(second + 1)}\n${text}`
}

const sentencesOf = (text: string) => readTranscript(text).segments.flatMap((segment) => segment.sentences)

describe('transcript limits', () => {
  it('refuses a 50 MB one-line file by its size, before reading it', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61)
    expect(() => readTranscript(bytes)).toThrow('the file is 50 MB; a transcript can be at most 10 MB')
  })

  it('refuses a file with 200,000 cues', () => {
    const text = vtt(Array.from({ length: 200_000 }, (_, n) => cue(n % 80_000, 'Hi.')))
    expect(() => readTranscript(text)).toThrow(
      'the file has 200,000 cues; a transcript can have at most 100,000',
    )
  })

  it('refuses a timestamp beyond 24 hours, naming its line', () => {
    const text = `WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n99999999:00:00.000 --> 99999999:00:01.000\nBroken.\n`
    expect(() => readTranscript(text)).toThrow('line 6: a cue starts after 24:00:00; no episode is that long')
  })

  it('refuses more sentences than an episode may hold', () => {
    const text = vtt([cue(0, 'Yes. '.repeat(TRANSCRIPT_LIMITS.maxSentences + 1))])
    expect(() => readTranscript(text)).toThrow(
      'the transcript has 20,001 sentences; an episode can have at most 20,000',
    )
  })

  it('refuses more text than an episode page may show', () => {
    const sentence = `${'Long words here and there, '.repeat(70)}end.`
    const cues = Array.from({ length: 1_200 }, (_, n) => cue(n, sentence))
    expect(() => readTranscript(vtt(cues))).toThrow(
      /characters of text; an episode can have at most 2,000,000$/,
    )
  })

  it('cuts a run-on text without punctuation at word boundaries, as a repair', () => {
    const words = Array.from({ length: 30_000 }, (_, n) => `word${n}`).join(' ')
    const transcript = readTranscript(vtt([cue(0, words)]))
    const sentences = transcript.segments.flatMap((segment) => segment.sentences)
    expect(Math.max(...sentences.map((sentence) => sentence.text.length))).toBeLessThanOrEqual(
      TRANSCRIPT_LIMITS.maxSentenceChars,
    )
    // Nothing lost, nothing cut inside a word.
    expect(sentences.map((sentence) => sentence.text).join(' ')).toBe(words)
    expect(transcript.repairs).toContainEqual({
      line: 3,
      message: expect.stringMatching(
        /^a [\d,]+-character run without sentence punctuation was cut into \d+ sentences of at most 2000 characters$/,
      ),
    })
  })

  it('cuts text without any space at the bound, never inside a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(1500)
    const pieces = cutAtWords(text, { start: 0, end: text.length }, 2000)
    expect(pieces.map((piece) => text.slice(piece.start, piece.end)).join('')).toBe(text)
    for (const piece of pieces) expect(text.slice(piece.start, piece.end).isWellFormed()).toBe(true)
    expect(sentencesOf(vtt([cue(0, 'x'.repeat(5000))])).map((sentence) => sentence.text.length)).toEqual([
      2000, 2000, 1000,
    ])
  })

  it('keeps the import limit and a host’s edit limit the same', () => {
    expect(TRANSCRIPT_LIMITS.maxSentenceChars).toBe(SENTENCE_MAX_LENGTH)
  })

  it('writes nothing for a refused file', () => {
    const db = freshDatabase()
    const before = db
      .prepare('SELECT (SELECT count(*) FROM Episode) + (SELECT count(*) FROM Sentence) AS n')
      .get()
    const broken = vtt([cue(0, 'Fine.'), '99:00:00.000 --> 99:00:01.000\nToo late.'])
    expect(() => importTranscript(db, { name: 'late.vtt', content: broken })).toThrow(/after 24:00:00/)
    expect(
      db.prepare('SELECT (SELECT count(*) FROM Episode) + (SELECT count(*) FROM Sentence) AS n').get(),
    ).toEqual(before)
  })
})
