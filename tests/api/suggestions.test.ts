// Listener suggestions through the real handlers: accepted ones become credited revisions,
// rejected ones change nothing, and the suggester sees the outcome.
import { describe, expect, it } from 'vitest'
import {
  acceptSuggestionHandler,
  createSuggestionHandler,
  listSuggestionsHandler,
  rejectSuggestionHandler,
} from '../../lib/api/suggestion-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

async function suggest(app: TestApp, sentenceId: number, token: string | undefined, body: unknown) {
  return createSuggestionHandler(app, apiRequest('POST', '/x', { token, body }), String(sentenceId))
}

const post = (token: string, body: unknown = {}) => apiRequest('POST', '/x', { token, body })

describe('suggestions', () => {
  it('turns an accepted suggestion into a revision credited to the suggester', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[0]!
    const created = await suggest(app, id, listener.token, { text: 'First sentence, fixed.' })
    expect(created.status).toBe(201)
    const { suggestion } = await created.json()
    expect(suggestion).toMatchObject({
      status: 'pending',
      baseText: 'First sentence.',
      currentText: 'First sentence.',
    })

    const queue = await listSuggestionsHandler(
      app,
      apiRequest('GET', '/api/suggestions', { token: host.token }),
    )
    expect((await queue.json()).suggestions.map((s: { id: number }) => s.id)).toEqual([suggestion.id])

    expect((await acceptSuggestionHandler(app, post(listener.token), String(suggestion.id))).status).toBe(403)
    const accepted = await acceptSuggestionHandler(app, post(host.token), String(suggestion.id))
    expect(accepted.status).toBe(200)
    expect((await accepted.json()).suggestion).toMatchObject({
      status: 'accepted',
      reviewer: { id: host.caller.id },
    })
    const revision = await app.db.revision.findFirstOrThrow({ where: { sentenceId: id } })
    expect(revision).toMatchObject({
      kind: 'suggestion',
      creditedToId: listener.caller.id,
      authorId: host.caller.id,
    })
    expect((await app.db.sentence.findUniqueOrThrow({ where: { id } })).text).toBe('First sentence, fixed.')
    expect((await acceptSuggestionHandler(app, post(host.token), String(suggestion.id))).status).toBe(409)
  })

  it('leaves the text alone when a host rejects, and tells the suggester why', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[1]!
    const { suggestion } = await (await suggest(app, id, listener.token, { text: 'Something else.' })).json()
    const noReason = await rejectSuggestionHandler(app, post(host.token, {}), String(suggestion.id))
    expect(noReason.status).toBe(400)
    const rejected = await rejectSuggestionHandler(
      app,
      post(host.token, { reason: 'Not what was said' }),
      String(suggestion.id),
    )
    expect(rejected.status).toBe(200)
    expect((await app.db.sentence.findUniqueOrThrow({ where: { id } })).text).toBe('Second sentence.')
    expect(await app.db.revision.count()).toBe(0)
    const mine = await listSuggestionsHandler(
      app,
      apiRequest('GET', '/api/suggestions?mine=1', { token: listener.token }),
    )
    expect((await mine.json()).suggestions[0]).toMatchObject({
      status: 'rejected',
      reviewNote: 'Not what was said',
    })
  })

  it('validates suggestions: 401 signed out, 400 empty, 404 unknown sentence, 422 unchanged text', async () => {
    const app = await freshApp()
    const listener = await makeUser(app)
    const id = app.sentenceIds[0]!
    expect((await suggest(app, id, undefined, { text: 'x' })).status).toBe(401)
    expect((await suggest(app, id, listener.token, { text: ' ' })).status).toBe(400)
    expect((await suggest(app, 999999, listener.token, { text: 'x' })).status).toBe(404)
    expect((await suggest(app, id, listener.token, { text: 'First sentence.' })).status).toBe(422)
    expect((await listSuggestionsHandler(app, apiRequest('GET', '/api/suggestions'))).status).toBe(401)
  })
})
