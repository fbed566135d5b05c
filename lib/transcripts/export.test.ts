// Export → import round trips through the real parser (readTranscript) for every format.
import { describe, expect, it } from 'vitest'
import { exportPodcastJson } from './export-json'
import { exportSrt } from './export-srt'
import { exportText } from './export-txt'
import { exportVtt } from './export-vtt'
import { readTranscript } from './parse'
import type { ExportSentence } from './export-cues'

const SENTENCES: ExportSentence[] = [
  { startMs: 0, endMs: null, speaker: 'Michael Kennedy', text: 'Welcome to Python Bytes, episode 441.' },
  {
    startMs: 3250,
    endMs: 5100,
    speaker: 'Michael Kennedy',
    text: 'Today we talk about Litestream & Turso <again>.',
  },
  { startMs: 5400, endMs: null, speaker: 'Brian Okken', text: 'I love SQLite, and so does everyone.' },
  { startMs: 9001, endMs: 12000, speaker: 'Brian Okken', text: 'Is it enough?' },
  { startMs: 12500, endMs: null, speaker: 'Michael Kennedy', text: 'Yes, for most apps it is.' },
]

function roundTrip(content: string) {
  return readTranscript(content).segments.flatMap((segment) =>
    segment.sentences.map(({ startMs, speaker, text }) => ({ startMs, speaker, text })),
  )
}

const expected = SENTENCES.map(({ startMs, speaker, text }) => ({ startMs, speaker, text }))

describe('transcript export round trips', () => {
  it('keeps texts, start times and speakers through WebVTT with voice spans', () => {
    const vtt = exportVtt(SENTENCES, 'Episode 441')
    expect(vtt).toContain('<v Brian Okken>I love SQLite')
    expect(vtt).toContain('Litestream &amp; Turso &lt;again&gt;.')
    expect(readTranscript(vtt).format).toBe('vtt')
    expect(roundTrip(vtt)).toEqual(expected)
  })

  it('keeps texts, start times and speakers through SRT with name prefixes', () => {
    const srt = exportSrt(SENTENCES)
    expect(srt).toContain('00:00:03,250 --> 00:00:05,100')
    expect(readTranscript(srt).format).toBe('srt')
    expect(roundTrip(srt)).toEqual(expected)
  })

  it('keeps texts, start times and speakers through Podcasting 2.0 JSON', () => {
    const json = exportPodcastJson(SENTENCES)
    expect(JSON.parse(json).segments[1]).toEqual({
      speaker: 'Michael Kennedy',
      startTime: 3.25,
      endTime: 5.1,
      body: 'Today we talk about Litestream & Turso <again>.',
    })
    expect(readTranscript(json).format).toBe('podcast-json')
    expect(roundTrip(json)).toEqual(expected)
  })

  it('keeps texts and whole-second starts through the Starting point text layout (no speakers)', () => {
    const text = exportText(SENTENCES)
    expect(readTranscript(text).format).toBe('starting-point')
    expect(roundTrip(text)).toEqual(
      expected.map((sentence) => ({
        ...sentence,
        startMs: Math.floor(sentence.startMs / 1000) * 1000,
        speaker: null,
      })),
    )
  })

  it('exports sentences without speakers, and never ends a cue before it starts', () => {
    const plain: ExportSentence[] = [
      { startMs: 1000, endMs: 500, speaker: null, text: 'First.' },
      { startMs: 1000, endMs: null, speaker: null, text: 'Same start.' },
    ]
    expect(exportVtt(plain)).toContain('00:00:01.000 --> 00:00:01.001\nFirst.')
    expect(roundTrip(exportSrt(plain)).map((s) => s.text)).toEqual(['First.', 'Same start.'])
  })
})
