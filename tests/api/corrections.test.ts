// The sentence edit, revision and revert endpoints through their real handlers: optimistic
// concurrency, roles, validation, and search and comments following edits.
import { describe, expect, it } from 'vitest'
import {
  editSentenceHandler,
  episodeRevisionsHandler,
  getSentenceHandler,
  revertRevisionHandler,
  sentenceRevisionsHandler,
} from '../../lib/api/correction-api'
import { createCommentHandler, listSentenceCommentsHandler } from '../../lib/api/comment-api'
import { searchTranscripts } from '../../lib/search/search'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

function patch(app: TestApp, id: number | string, token: string | undefined, body: unknown) {
  return editSentenceHandler(app, apiRequest('PATCH', `/api/sentences/${id}`, { token, body }), String(id))
}

function searchIds(app: TestApp, q: string): number[] {
  const db = app.connect()
  try {
    const outcome = searchTranscripts(db, { q })
    return outcome.ok ? outcome.hits.map((hit) => hit.sentence.id) : []
  } finally {
    db.close()
  }
}

describe('reading and editing a sentence', () => {
  it('reads a sentence with its version', async () => {
    const app = await freshApp()
    const id = app.sentenceIds[1]!
    const response = await getSentenceHandler(app, apiRequest('GET', '/x'), String(id))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      sentence: { id, text: 'Second sentence.', speaker: 'Ana', startMs: 1000, version: 1 },
    })
    expect((await getSentenceHandler(app, apiRequest('GET', '/x'), '999999')).status).toBe(404)
    expect((await getSentenceHandler(app, apiRequest('GET', '/x'), 'x1')).status).toBe(404)
  })

  it('lets a host fix a word: the version goes up, search finds the new word and not the old one', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[1]!
    expect(searchIds(app, 'second')).toEqual([id])
    const response = await patch(app, id, host.token, { text: 'Lightstream sentence.', version: 1 })
    expect(response.status).toBe(200)
    const body = await response.json()
    expect(body.sentence).toEqual({
      id,
      text: 'Lightstream sentence.',
      speaker: 'Ana',
      startMs: 1000,
      version: 2,
    })
    expect(searchIds(app, 'lightstream')).toEqual([id])
    expect(searchIds(app, 'second')).toEqual([])

    const speaker = await patch(app, id, host.token, { speaker: 'Bea', startMs: 1500, version: 2 })
    expect((await speaker.json()).sentence).toMatchObject({ speaker: 'Bea', startMs: 1500, version: 3 })
    // Starts stay in order: not past the next sentence (2000), not before the previous (1500).
    const late = await patch(app, id, host.token, { startMs: 2500, version: 3 })
    expect(late.status).toBe(422)
    expect((await late.json()).error).toMatch(/next sentence/)
    const early = await patch(app, app.sentenceIds[2]!, host.token, { startMs: 1000, version: 1 })
    expect((await early.json()).error).toMatch(/previous sentence/)
  })

  it('answers a stale version with 409 and both versions, and changes nothing', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const other = await makeUser(app, 'admin')
    const id = app.sentenceIds[0]!
    const [a, b] = await Promise.all([
      patch(app, id, host.token, { text: 'Version from A.', version: 1 }),
      patch(app, id, other.token, { text: 'Version from B.', version: 1 }),
    ])
    const statuses = [a.status, b.status].sort()
    expect(statuses).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    const conflict = await loser.json()
    expect(conflict.error).toMatch(/stale/)
    expect(conflict.current.version).toBe(2)
    expect(['Version from A.', 'Version from B.']).toContain(conflict.current.text)
    expect(conflict.yours.text).not.toBe(conflict.current.text)
    expect(await app.db.revision.count()).toBe(1)
  })

  it('refuses listeners (403), signed-out callers (401) and bad bodies (400)', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[0]!
    expect((await patch(app, id, listener.token, { text: 'Hacked.', version: 1 })).status).toBe(403)
    expect((await patch(app, id, undefined, { text: 'Hacked.', version: 1 })).status).toBe(401)
    const cases: unknown[] = [
      { text: 'No version.' },
      { version: 1 },
      { text: '   ', version: 1 },
      { text: 'x', version: 1, extra: true },
      { startMs: -5, version: 1 },
      { startMs: 1.5, version: 1 },
      { text: 'x'.repeat(2001), version: 1 },
    ]
    for (const body of cases) expect((await patch(app, id, host.token, body)).status).toBe(400)
    const raw = editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', { token: host.token, rawBody: '{nope' }),
      String(id),
    )
    expect((await raw).status).toBe(400)
    expect((await patch(app, 999999, host.token, { text: 'x', version: 1 })).status).toBe(404)
    expect((await app.db.sentence.findUnique({ where: { id } }))?.text).toBe('First sentence.')
  })
})

describe('revisions and revert', () => {
  it('records who changed what, per sentence and per episode, and a revert restores the text', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[2]!
    await patch(app, id, host.token, { text: 'Third one, fixed.', version: 1, reason: 'typo' })
    const list = await sentenceRevisionsHandler(app, apiRequest('GET', '/x'), String(id))
    const { revisions } = await list.json()
    expect(revisions).toHaveLength(1)
    expect(revisions[0]).toMatchObject({
      kind: 'edit',
      reason: 'typo',
      before: { text: 'Third one.' },
      after: { text: 'Third one, fixed.' },
      author: { id: host.caller.id },
      version: 2,
    })
    const revert = await revertRevisionHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: {} }),
      String(revisions[0].id),
    )
    expect(revert.status).toBe(200)
    expect((await revert.json()).sentence).toMatchObject({ text: 'Third one.', version: 3 })
    const episode = await episodeRevisionsHandler(app, apiRequest('GET', '/x'), 'ep-1')
    const all = (await episode.json()).revisions
    expect(all.map((r: { kind: string }) => r.kind)).toEqual(['revert', 'edit'])
    expect(all[0].revertOfId).toBe(revisions[0].id)
    expect(searchIds(app, 'fixed')).toEqual([])
  })

  it('refuses a revert by a listener (403) and of an unknown revision (404)', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const request = (token: string) => apiRequest('POST', '/x', { token, body: {} })
    expect((await revertRevisionHandler(app, request(listener.token), '1')).status).toBe(403)
    expect((await revertRevisionHandler(app, request(host.token), '424242')).status).toBe(404)
    expect((await episodeRevisionsHandler(app, apiRequest('GET', '/x'), 'nope')).status).toBe(404)
  })
})

describe('comments follow edits', () => {
  it('keeps a comment on its sentence after an edit, with the quote of the earlier wording', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const id = app.sentenceIds[0]!
    const posted = await createCommentHandler(
      app,
      apiRequest('POST', '/x', { token: listener.token, body: { body: 'Nice' } }),
      String(id),
    )
    expect(posted.status).toBe(201)
    await patch(app, id, host.token, { text: 'First sentence, corrected.', version: 1 })
    const list = await listSentenceCommentsHandler(app, apiRequest('GET', '/x'), String(id))
    const { comments } = await list.json()
    expect(comments).toHaveLength(1)
    expect(comments[0]).toMatchObject({ sentenceId: id, quote: 'First sentence.' })
  })
})
