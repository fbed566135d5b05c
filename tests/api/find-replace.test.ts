// Find and replace and speaker renames through the real handlers.
import { describe, expect, it } from 'vitest'
import { renameSpeakerHandler, replaceHandler } from '../../lib/api/episode-corrections-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

function replace(app: TestApp, token: string, body: unknown, slug = 'ep-1') {
  return replaceHandler(app, apiRequest('POST', '/x', { token, body }), slug)
}

describe('find and replace', () => {
  it('previews every change without writing, then applies them as revisions', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const preview = await replace(app, host.token, { find: 'sentence', replace: 'line' })
    expect(preview.status).toBe(200)
    const body = await preview.json()
    expect(body.applied).toBe(false)
    expect(body.changes.map((c: { after: string }) => c.after)).toEqual(['First line.', 'Second line.'])
    expect(await app.db.revision.count()).toBe(0)

    const applied = await replace(app, host.token, { find: 'sentence', replace: 'line', apply: true })
    expect((await applied.json()).applied).toBe(true)
    const texts = await app.db.sentence.findMany({
      where: { episodeId: app.episode.id },
      orderBy: { position: 'asc' },
    })
    expect(texts.map((s) => s.text)).toEqual(['First line.', 'Second line.', 'Third one.'])
    expect(await app.db.revision.count({ where: { kind: 'replace' } })).toBe(2)
  })

  it('respects whole words and case, can cover the whole show, and refuses listeners', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const partial = await (await replace(app, host.token, { find: 'sent', replace: 'x' })).json()
    expect(partial.changes).toEqual([])
    const cased = await (
      await replace(app, host.token, { find: 'first', replace: 'x', matchCase: true })
    ).json()
    expect(cased.changes).toEqual([])
    const show = await (
      await replace(app, host.token, { find: 'Elsewhere', replace: 'Here', scope: 'show' })
    ).json()
    expect(show.changes).toMatchObject([{ episodeSlug: 'ep-2', after: 'Here.' }])
    expect((await replace(app, listener.token, { find: 'a', replace: 'b' })).status).toBe(403)
    expect((await replace(app, host.token, { find: '', replace: 'b' })).status).toBe(400)
    expect((await replace(app, host.token, { find: 'a', replace: 'b' }, 'nope')).status).toBe(404)
  })
})

describe('renaming a speaker', () => {
  it('renames the speaker on every sentence and segment of the episode, with revisions', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const rename = (body: unknown) =>
      renameSpeakerHandler(app, apiRequest('POST', '/x', { token: host.token, body }), 'ep-1')
    const response = await rename({ from: 'Ana', to: 'Ana Ortiz' })
    expect(await response.json()).toEqual({ changed: 3 })
    const speakers = await app.db.sentence.findMany({
      where: { episodeId: app.episode.id },
      select: { speaker: true },
    })
    expect(new Set(speakers.map((s) => s.speaker))).toEqual(new Set(['Ana Ortiz']))
    expect((await app.db.segment.findFirstOrThrow({ where: { episodeId: app.episode.id } })).speaker).toBe(
      'Ana Ortiz',
    )
    expect(await app.db.revision.count()).toBe(3)
    expect((await rename({ from: 'Nobody', to: 'X' })).status).toBe(422)
    // The other episode's speaker is untouched.
    expect(
      (await app.db.sentence.findUniqueOrThrow({ where: { id: app.otherEpisodeSentenceId } })).speaker,
    ).toBe('Ana')
  })
})
