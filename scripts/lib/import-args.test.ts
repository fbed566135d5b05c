import { describe, expect, it } from 'vitest'
import { collectTranscriptFiles, parseImportArgs } from './import-args'

describe('import CLI arguments', () => {
  it('reads paths and flags', () => {
    expect(parseImportArgs(['a.vtt', 'dir', '--show', 'talk-python', '--replace', '--dry-run'])).toEqual({
      ok: true,
      args: { paths: ['a.vtt', 'dir'], show: 'talk-python', replace: true, dryRun: true },
    })
    expect(parseImportArgs(['a.vtt'])).toEqual({
      ok: true,
      args: { paths: ['a.vtt'], replace: false, dryRun: false },
    })
  })

  it.each([
    [[], /name at least one file or folder/],
    [['a.vtt', '--show', 'Talk Python'], /show: a show slug is lowercase/],
    [['a.vtt', '--verbose'], /Unknown option '--verbose'/],
    [['a.vtt', '--show'], /argument missing/],
  ])('refuses %j with a reason and the usage line', (argv, reason) => {
    const parsed = parseImportArgs(argv)
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.message).toMatch(reason)
    expect(!parsed.ok && parsed.message).toContain('usage: npm run import')
  })

  it('walks folders recursively in name order, keeping transcript extensions and skipping hidden entries', () => {
    expect(collectTranscriptFiles(['tests/fixtures/import/folder'])).toEqual({
      ok: true,
      files: [
        'tests/fixtures/import/folder/010_first_light.vtt',
        'tests/fixtures/import/folder/nested/011-second-wind.srt',
        'tests/fixtures/import/folder/nested/012-truncated.vtt',
      ],
    })
  })

  it('keeps a file named explicitly whatever its extension, and refuses a missing path', () => {
    expect(collectTranscriptFiles(['tests/fixtures/import/folder/README.md'])).toEqual({
      ok: true,
      files: ['tests/fixtures/import/folder/README.md'],
    })
    expect(collectTranscriptFiles(['no/such/file.vtt'])).toEqual({
      ok: false,
      message: 'no/such/file.vtt: no such file or folder',
    })
  })
})
