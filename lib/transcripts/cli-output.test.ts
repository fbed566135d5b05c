import { describe, expect, it } from 'vitest'
import { transcriptJson, transcriptSummary } from './cli-output'
import type { NormalizedTranscript } from './types'

const transcript: NormalizedTranscript = {
  format: 'srt',
  cues: [
    { id: '1', startMs: 0, endMs: 1500, speaker: 'ANA', text: 'Hi. Welcome', line: 1 },
    { id: '2', startMs: 1500, endMs: 3000, speaker: 'ANA', text: 'back.', line: 5 },
  ],
  repairs: Array.from({ length: 12 }, (_, i) => ({ line: i + 10, message: `mended ${i}` })),
  segments: [
    {
      startMs: 0,
      speaker: 'ANA',
      sentences: [
        { startMs: 0, endMs: 409, speaker: 'ANA', text: 'Hi.' },
        { startMs: 545, endMs: 3000, speaker: 'ANA', text: 'Welcome back.' },
      ],
    },
  ],
  speakers: ['ANA'],
}

describe('transcriptJson', () => {
  it('prints format, cues and sentences, indented by two spaces, without lines or segments', () => {
    const json = transcriptJson(transcript)
    expect(JSON.parse(json)).toEqual({
      format: 'srt',
      cues: [
        { id: '1', startMs: 0, endMs: 1500, speaker: 'ANA', text: 'Hi. Welcome' },
        { id: '2', startMs: 1500, endMs: 3000, speaker: 'ANA', text: 'back.' },
      ],
      sentences: [
        { startMs: 0, speaker: 'ANA', text: 'Hi.' },
        { startMs: 545, speaker: 'ANA', text: 'Welcome back.' },
      ],
    })
    expect(json.startsWith('{\n  "format": "srt",\n  "cues": [\n    {\n      "id": "1",')).toBe(true)
  })
})

describe('transcriptSummary', () => {
  it('names the format and counts, and lists the first ten repairs', () => {
    expect(transcriptSummary('ep.srt', transcript)).toBe(
      [
        'ep.srt: SRT',
        '  cues:      2',
        '  sentences: 2 in 1 segments',
        '  speakers:  ANA',
        '  repairs:   12',
        ...Array.from({ length: 10 }, (_, i) => `    line ${i + 10}: mended ${i}`),
        '    … and 2 more',
      ].join('\n'),
    )
  })

  it('says when no speaker is named', () => {
    const summary = transcriptSummary('x.txt', {
      ...transcript,
      format: 'starting-point',
      repairs: [],
      speakers: [],
    })
    expect(summary.split('\n')).toEqual([
      'x.txt: "Starting point is" text',
      '  cues:      2',
      '  sentences: 2 in 1 segments',
      '  speakers:  none named',
      '  repairs:   0',
    ])
  })
})
