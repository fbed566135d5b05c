import { describe, expect, it } from 'vitest'
import { chooseTranscript, transcriptKind } from './choose-transcript'
import type { TranscriptLink } from './feed-schema'

const link = (type: string, language: string | null = null, name = type): TranscriptLink => ({
  url: `https://example.com/${encodeURIComponent(name)}`,
  type,
  language,
  rel: null,
})

describe('chooseTranscript', () => {
  it('prefers JSON, then VTT, SRT, HTML and plain text', () => {
    const all = [
      link('text/plain'),
      link('text/html'),
      link('application/x-subrip'),
      link('text/vtt'),
      link('application/json'),
    ]
    expect(chooseTranscript(all, 'en')?.type).toBe('application/json')
    expect(chooseTranscript(all.slice(0, 4), 'en')?.type).toBe('text/vtt')
    expect(chooseTranscript(all.slice(0, 3), 'en')?.type).toBe('application/x-subrip')
    expect(chooseTranscript(all.slice(0, 2), 'en')?.type).toBe('text/html')
    expect(chooseTranscript(all.slice(0, 1), 'en')?.type).toBe('text/plain')
  })

  it("puts the show's language before the format", () => {
    const chosen = chooseTranscript(
      [link('application/json', 'es'), link('application/x-subrip', 'en')],
      'en',
    )
    expect(chosen).toEqual(link('application/x-subrip', 'en'))
  })

  it("takes a link without a language to be in the show's language", () => {
    expect(chooseTranscript([link('text/vtt', 'de'), link('text/html')], 'en')?.type).toBe('text/html')
  })

  it('ranks an exact language before the same primary language, and that before others', () => {
    const links = [
      link('application/json', 'fr', 'fr'),
      link('application/json', 'en', 'en'),
      link('text/vtt', 'en-gb', 'en-gb'),
    ]
    expect(chooseTranscript(links, 'en-gb')?.language).toBe('en-gb')
    expect(chooseTranscript(links, 'en-us')?.language).toBe('en')
    expect(chooseTranscript([link('text/vtt', 'fr')], 'en')?.language).toBe('fr')
  })

  it('lets the format decide when the show has no language, keeping feed order on ties', () => {
    const links = [
      link('text/vtt', 'es', 'a'),
      link('text/vtt', 'en', 'b'),
      link('application/x-subrip', 'en'),
    ]
    expect(chooseTranscript(links, null)?.url).toBe('https://example.com/a')
  })

  it('never chooses a type Hearsay cannot read', () => {
    expect(chooseTranscript([link('application/pdf'), link('audio/mpeg')], 'en')).toBeNull()
    expect(chooseTranscript([], 'en')).toBeNull()
  })

  it('reads MIME types with parameters and in any case', () => {
    expect(transcriptKind('Text/VTT; charset=utf-8')).toBe('vtt')
    expect(transcriptKind('application/srt')).toBe('srt')
    expect(transcriptKind('application/pdf')).toBeNull()
  })
})
