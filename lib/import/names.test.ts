import { describe, expect, it } from 'vitest'
import { slugFromFileName, titleFromSlug } from './names'

describe('episode names from file names', () => {
  it.each([
    ['054_enterprise_python.vtt', '054-enterprise-python'],
    ['/data/talk/100-guido-van-rossum.vtt', '100-guido-van-rossum'],
    ['Episode 12 — Ünïcode & Friends!.srt', 'episode-12-n-code-friends'],
    ['archive.tar.json', 'archive-tar'],
    ['__weird__name__.txt', 'weird-name'],
  ])('%s becomes the slug %s', (file, slug) => {
    expect(slugFromFileName(file)).toBe(slug)
  })

  it('gives an empty slug when nothing usable is left, so the importer can refuse it', () => {
    expect(slugFromFileName('——.vtt')).toBe('')
  })

  it('derives a title from the slug', () => {
    expect(titleFromSlug('054-enterprise-python')).toBe('054 Enterprise Python')
  })
})
