import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FEED_FIXTURES } from '@/tests/support/fixture-server'
import { ChaptersParseError, parseChapters } from './chapters'

describe('parseChapters', () => {
  it('reads the fixture chapters: times in ms, images and links, silent chapters', () => {
    const text = readFileSync(FEED_FIXTURES + 'chapters/s2e4.json', 'utf8').replaceAll(
      '{{ORIGIN}}',
      'http://127.0.0.1:1',
    )
    expect(parseChapters(text)).toEqual({
      chapters: [
        {
          startMs: 0,
          endMs: null,
          title: 'Welcome',
          imageUrl: 'http://127.0.0.1:1/artwork/s2e4.png',
          url: null,
          toc: true,
        },
        {
          startMs: 20_000,
          endMs: 62_500,
          title: 'Two tides a day',
          imageUrl: null,
          url: 'https://tides.example/two',
          toc: true,
        },
        { startMs: 62_500, endMs: null, title: 'Sun and moon', imageUrl: null, url: null, toc: true },
        { startMs: 90_000, endMs: null, title: 'Sponsor', imageUrl: null, url: null, toc: false },
        { startMs: 95_000, endMs: null, title: 'Goodbye', imageUrl: null, url: null, toc: true },
      ],
      problems: [],
    })
  })

  it('sorts by start, skips unreadable chapters and unsafe links with a problem each', () => {
    const parsed = parseChapters(
      JSON.stringify({
        version: '1.2.0',
        chapters: [
          { startTime: 30.25, title: 'Second', img: 'javascript:alert(1)' },
          { startTime: -1, title: 'Negative' },
          { title: 'No start' },
          { startTime: 0, img: 'img/cover.png' },
        ],
      }),
      'https://cdn.example/chapters/ep.json',
    )
    expect(parsed.chapters).toEqual([
      {
        startMs: 0,
        endMs: null,
        title: '',
        imageUrl: 'https://cdn.example/chapters/img/cover.png',
        url: null,
        toc: true,
      },
      { startMs: 30_250, endMs: null, title: 'Second', imageUrl: null, url: null, toc: true },
    ])
    expect(parsed.problems).toEqual([
      'chapters[0].img "javascript:alert(1)" is not an http(s) URL; ignored',
      'chapters[1] skipped: startTime: Too small: expected number to be >=0',
      'chapters[2] skipped: startTime: Invalid input: expected number, received undefined',
    ])
  })

  it('refuses a file that is not JSON or not a chapters document', () => {
    expect(() => parseChapters('<html>')).toThrow(ChaptersParseError)
    expect(() => parseChapters('<html>')).toThrow(/^chapters are not valid JSON/)
    expect(() => parseChapters('{"version":"1.2.0","segments":[]}')).toThrow(
      'not a Podcasting 2.0 chapters file: expected an object with a "chapters" array',
    )
  })
})
