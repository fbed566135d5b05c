// The transcript exports are published for other podcast apps (a host's <podcast:transcript>
// tags point at them): CORS for every origin, a strong ETag over the body, 304 when the client
// has it, cacheable, a preflight answered; a correction changes the ETag.
import { describe, expect, it } from 'vitest'
import { exportTranscriptHandler } from '../../lib/api/export-api'
import { matchesIfNoneMatch, publicPreflightResponse, strongEtag } from '../../lib/http/conditional-get'
import { EXPORT_EXTENSIONS } from '../../lib/transcripts/export-formats'
import { freshApp } from '../support/app-database'

function ifNoneMatch(value: string) {
  return { headers: new Headers({ 'If-None-Match': value }) }
}

describe('transcript export caching and CORS', () => {
  it.each(EXPORT_EXTENSIONS)('%s: CORS, a strong ETag over the body, cacheable', async (format) => {
    const app = await freshApp()
    const response = await exportTranscriptHandler(app, 'ep-1', format)
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-expose-headers')).toContain('ETag')
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400')
    const body = await response.text()
    const etag = response.headers.get('etag')!
    expect(etag).toBe(strongEtag(body))
    expect(etag.startsWith('W/')).toBe(false)
  })

  it('answers 304 with no body for the current ETag (also weak, in a list, or *), 200 for another', async () => {
    const app = await freshApp()
    const etag = (await exportTranscriptHandler(app, 'ep-1', 'vtt')).headers.get('etag')!
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await exportTranscriptHandler(app, 'ep-1', 'vtt', ifNoneMatch(header))
      expect(response.status).toBe(304)
      expect(await response.text()).toBe('')
      expect(response.headers.get('etag')).toBe(etag)
      expect(response.headers.get('access-control-allow-origin')).toBe('*')
      expect(response.headers.get('cache-control')).toContain('max-age=300')
    }
    const stale = await exportTranscriptHandler(app, 'ep-1', 'vtt', ifNoneMatch('"something-else"'))
    expect(stale.status).toBe(200)
    expect(await stale.text()).toContain('WEBVTT')
  })

  it('a correction changes the body and the ETag, so caches fetch the fix', async () => {
    const app = await freshApp()
    const before = (await exportTranscriptHandler(app, 'ep-1', 'srt')).headers.get('etag')!
    const [first] = app.sentenceIds as [number]
    await app.db.sentence.update({ where: { id: first }, data: { text: 'Corrected first sentence.' } })
    const after = await exportTranscriptHandler(app, 'ep-1', 'srt', ifNoneMatch(before))
    expect(after.status).toBe(200)
    expect(after.headers.get('etag')).not.toBe(before)
    expect(await after.text()).toContain('Corrected first sentence.')
  })

  it('a 404 still carries CORS, so a browser app can read the error', async () => {
    const app = await freshApp()
    const response = await exportTranscriptHandler(app, 'nope', 'json')
    expect(response.status).toBe(404)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('answers a CORS preflight', () => {
    const response = publicPreflightResponse()
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(response.headers.get('access-control-allow-headers')).toContain('If-None-Match')
  })

  it('compares If-None-Match weakly, as RFC 9110 says', () => {
    expect(matchesIfNoneMatch(null, '"a"')).toBe(false)
    expect(matchesIfNoneMatch('"a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('"b", "a"', '"a"')).toBe(true)
    expect(matchesIfNoneMatch('"ab"', '"a"')).toBe(false)
  })
})
