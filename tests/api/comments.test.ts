// The comment endpoints through their real handlers, against a fresh database per test.
import { describe, expect, it } from 'vitest'
import {
  createCommentHandler,
  deleteCommentHandler,
  editCommentHandler,
  listEpisodeCommentsHandler,
  listSentenceCommentsHandler,
} from '../../lib/api/comment-api'
import { apiRequest, freshApp, makeUser } from '../support/app-database'

async function post(
  app: Awaited<ReturnType<typeof freshApp>>,
  sentenceId: number | string,
  token: string | undefined,
  body: unknown,
) {
  return createCommentHandler(
    app,
    apiRequest('POST', `/api/sentences/${sentenceId}/comments`, { token, body }),
    String(sentenceId),
  )
}

describe('creating and listing comments', () => {
  it('creates a comment (201) with the sentence quote, and lists it for the episode and the sentence', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const sentenceId = app.sentenceIds[1]!
    const created = await post(app, sentenceId, ana.token, { body: '  Great point!  ' })
    expect(created.status).toBe(201)
    const { comment } = await created.json()
    expect(comment).toMatchObject({
      sentenceId,
      body: 'Great point!',
      quote: 'Second sentence.',
      status: 'visible',
      parentId: null,
    })

    const reply = await post(app, sentenceId, ana.token, { body: 'Replying to myself', parentId: comment.id })
    expect(reply.status).toBe(201)
    expect((await reply.json()).comment.parentId).toBe(comment.id)

    const episode = await listEpisodeCommentsHandler(
      app,
      apiRequest('GET', '/api/episodes/ep-1/comments'),
      'ep-1',
    )
    expect(episode.status).toBe(200)
    expect((await episode.json()).comments.map((c: { body: string }) => c.body)).toEqual([
      'Great point!',
      'Replying to myself',
    ])
    const sentence = await listSentenceCommentsHandler(app, apiRequest('GET', '/x'), String(sentenceId))
    expect((await sentence.json()).comments).toHaveLength(2)
    const empty = await listSentenceCommentsHandler(app, apiRequest('GET', '/x'), String(app.sentenceIds[0]))
    expect((await empty.json()).comments).toEqual([])
  })

  it('answers 404 for an unknown episode or sentence in the list endpoints', async () => {
    const app = await freshApp()
    expect((await listEpisodeCommentsHandler(app, apiRequest('GET', '/x'), 'nope')).status).toBe(404)
    expect((await listSentenceCommentsHandler(app, apiRequest('GET', '/x'), '999999')).status).toBe(404)
    expect((await listSentenceCommentsHandler(app, apiRequest('GET', '/x'), 'abc')).status).toBe(404)
  })

  it('refuses signed-out writers with 401 and an unknown bearer token with 401', async () => {
    const app = await freshApp()
    expect((await post(app, app.sentenceIds[0]!, undefined, { body: 'hi' })).status).toBe(401)
    const bogus = await post(app, app.sentenceIds[0]!, 'hs_not-a-real-token', { body: 'hi' })
    expect(bogus.status).toBe(401)
    expect((await bogus.json()).error).toMatch(/Sign in/)
    expect(await app.db.comment.count()).toBe(0)
  })
})

describe('bad request bodies get a 4xx with a clear message and write nothing', () => {
  const cases: Array<[string, unknown, number, RegExp]> = [
    ['a missing body field', {}, 400, /body/],
    ['a number as body', { body: 42 }, 400, /body must be a string/],
    ['an empty body', { body: '   ' }, 400, /cannot be empty/],
    ['a body over 2000 characters', { body: 'x'.repeat(2001) }, 400, /at most 2000/],
    ['a string parentId', { body: 'ok', parentId: '1' }, 400, /parentId/],
    ['an unknown field', { body: 'ok', html: '<b>' }, 400, /html/],
    ['an array instead of an object', ['body'], 400, /object/],
  ]
  it.each(cases)('rejects %s', async (_name, body, status, message) => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const response = await post(app, app.sentenceIds[0]!, ana.token, body)
    expect(response.status).toBe(status)
    expect((await response.json()).error).toMatch(message)
    expect(await app.db.comment.count()).toBe(0)
  })

  it('rejects malformed JSON, an unknown sentence and a parent from another sentence', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const malformed = await createCommentHandler(
      app,
      apiRequest('POST', '/x', { token: ana.token, rawBody: '{"body": ' }),
      String(app.sentenceIds[0]),
    )
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).error).toMatch(/not valid JSON/)

    const unknown = await post(app, 999999, ana.token, { body: 'hello' })
    expect(unknown.status).toBe(404)
    expect((await unknown.json()).error).toBe('That sentence does not exist.')
    expect((await post(app, 'abc', ana.token, { body: 'hello' })).status).toBe(404)
    expect((await post(app, '99999999999999999999', ana.token, { body: 'hello' })).status).toBe(404)
    const hugeParent = await post(app, app.sentenceIds[0]!, ana.token, { body: 'hello', parentId: 2 ** 40 })
    expect(hugeParent.status).toBe(400)

    const parent = await (await post(app, app.sentenceIds[0]!, ana.token, { body: 'parent' })).json()
    const crossed = await post(app, app.sentenceIds[1]!, ana.token, {
      body: 'reply',
      parentId: parent.comment.id,
    })
    expect(crossed.status).toBe(422)
    expect((await crossed.json()).error).toMatch(/same sentence/)
    expect(
      (await post(app, app.sentenceIds[0]!, ana.token, { body: 'reply', parentId: 424242 })).status,
    ).toBe(422)
    expect(await app.db.comment.count()).toBe(1)
  })
})

describe('editing and deleting', () => {
  it('lets the author edit and delete, refuses others (403), keeps a deleted parent as a placeholder', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const { comment } = await (await post(app, app.sentenceIds[0]!, ana.token, { body: 'tpyo' })).json()
    await post(app, app.sentenceIds[0]!, ben.token, { body: 'a reply', parentId: comment.id })

    const byOther = await editCommentHandler(
      app,
      apiRequest('PATCH', '/x', { token: ben.token, body: { body: 'mine now' } }),
      String(comment.id),
    )
    expect(byOther.status).toBe(403)
    const edited = await editCommentHandler(
      app,
      apiRequest('PATCH', '/x', { token: ana.token, body: { body: 'typo' } }),
      String(comment.id),
    )
    expect(edited.status).toBe(200)
    expect((await edited.json()).comment).toMatchObject({ body: 'typo', editedAt: expect.any(String) })
    const tooLong = await editCommentHandler(
      app,
      apiRequest('PATCH', '/x', { token: ana.token, body: { body: 'y'.repeat(2001) } }),
      String(comment.id),
    )
    expect(tooLong.status).toBe(400)

    expect(
      (await deleteCommentHandler(app, apiRequest('DELETE', '/x', { token: ben.token }), String(comment.id)))
        .status,
    ).toBe(403)
    expect(
      (await deleteCommentHandler(app, apiRequest('DELETE', '/x', { token: ana.token }), String(comment.id)))
        .status,
    ).toBe(204)
    expect(
      (await deleteCommentHandler(app, apiRequest('DELETE', '/x', { token: ana.token }), String(comment.id)))
        .status,
    ).toBe(404)

    const list = await (await listEpisodeCommentsHandler(app, apiRequest('GET', '/x'), 'ep-1')).json()
    expect(list.comments).toEqual([
      expect.objectContaining({ id: comment.id, deleted: true, body: '' }),
      expect.objectContaining({ body: 'a reply', parentId: comment.id }),
    ])
  })
})
