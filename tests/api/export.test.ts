// GET /episodes/:slug/transcript.<ext> through the real handler, and the full round trip:
// export an edited episode, import the file as a new episode, get the same sentences back.
import { describe, expect, it } from 'vitest'
import { exportTranscriptHandler } from '../../lib/api/export-api'
import { importTranscript } from '../../lib/import/import-transcript'
import { EXPORT_EXTENSIONS } from '../../lib/transcripts/export-formats'
import { freshApp, type TestApp } from '../support/app-database'

async function sentencesOf(app: TestApp, slug: string) {
  return app.db.sentence.findMany({
    where: { episode: { slug } },
    orderBy: { position: 'asc' },
    select: { text: true, startMs: true, speaker: true },
  })
}

describe('transcript export', () => {
  it('serves every format with its content type, and 404 for an unknown episode', async () => {
    const app = await freshApp()
    const vtt = await exportTranscriptHandler(app, 'ep-1', 'vtt')
    expect(vtt.headers.get('content-type')).toBe('text/vtt; charset=utf-8')
    expect(await vtt.text()).toContain('<v Ana>Second sentence.</v>')
    const json = await exportTranscriptHandler(app, 'ep-1', 'json')
    expect((await json.json()).segments).toHaveLength(3)
    expect((await exportTranscriptHandler(app, 'nope', 'srt')).status).toBe(404)
  })

  it('round-trips an edited episode through export and import for vtt, srt and json', async () => {
    const app = await freshApp()
    const [first] = app.sentenceIds as [number]
    // Two words: SRT readers take a one-word "Name:" prefix for a speaker only when it recurs.
    await app.db.sentence.update({
      where: { id: first },
      data: { text: 'Fixed: Turso & Litestream.', speaker: 'Bea Ortiz' },
    })
    const original = await sentencesOf(app, 'ep-1')
    const db = app.connect()
    try {
      for (const extension of EXPORT_EXTENSIONS.filter((ext) => ext !== 'txt')) {
        const file = await (await exportTranscriptHandler(app, 'ep-1', extension)).text()
        importTranscript(db, { name: `copy-${extension}.${extension}`, content: file })
        expect(await sentencesOf(app, `copy-${extension}`)).toEqual(original)
      }
    } finally {
      db.close()
    }
  })
})
