// Splitting and merging sentences through the real handlers: positions, times, search, and
// comments going with the sentence that holds most of their quoted words.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { editSentenceHandler, mergeSentenceHandler, splitSentenceHandler } from '../../lib/api/correction-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

async function comment(app: TestApp, sentenceId: number, token: string, body: string): Promise<number> {
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: { body } }),
    String(sentenceId),
  )
  return (await response.json()).comment.id
}

async function texts(app: TestApp): Promise<string[]> {
  const rows = await app.db.sentence.findMany({
    where: { episodeId: app.episode.id },
    orderBy: { position: 'asc' },
  })
  return rows.map((row) => row.text)
}

describe('split and merge', () => {
  it('splits a sentence, moves each comment to the half holding its quote, and merges back', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const first = app.sentenceIds[0]!
    // Make the first sentence two sentences' worth, with a comment written on each wording.
    const onWhole = await comment(app, first, listener.token, 'on the whole sentence')
    await editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', {
        token: host.token,
        body: { text: 'Hello there. Brian Okin said so.', version: 1 },
      }),
      String(first),
    )
    const split = await splitSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { at: 13, version: 2 } }),
      String(first),
    )
    expect(split.status).toBe(201)
    const { first: a, second: b } = await split.json()
    expect([a.text, b.text]).toEqual(['Hello there.', 'Brian Okin said so.'])
    expect(b.startMs).toBeGreaterThan(0)
    expect(b.startMs).toBeLessThan(1000)
    expect(await texts(app)).toEqual([
      'Hello there.',
      'Brian Okin said so.',
      'Second sentence.',
      'Third one.',
    ])
    const onSecondHalf = await comment(app, b.id, listener.token, 'about Brian')
    // Its quote shares no word with either half: it stays with the first (the old id).
    expect((await app.db.comment.findUniqueOrThrow({ where: { id: onWhole } })).sentenceId).toBe(a.id)

    const merged = await mergeSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { version: 3 } }),
      String(a.id),
    )
    expect(merged.status).toBe(200)
    expect((await merged.json()).sentence.text).toBe('Hello there. Brian Okin said so.')
    expect(await texts(app)).toEqual(['Hello there. Brian Okin said so.', 'Second sentence.', 'Third one.'])
    const moved = await app.db.comment.findMany({ where: { id: { in: [onWhole, onSecondHalf] } } })
    expect(moved.map((row) => row.sentenceId)).toEqual([a.id, a.id])
    expect(await app.db.sentence.findUnique({ where: { id: b.id } })).toBeNull()
    expect(await texts(app)).toHaveLength(3)
  })

  it('sends a comment on a split sentence to the half with most of its quote', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const id = app.sentenceIds[2]!
    const c = await comment(app, id, listener.token, 'quote is Third one.')
    await app.db.comment.update({ where: { id: c }, data: { quote: 'one.' } })
    const split = await splitSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { at: 6, version: 1 } }),
      String(id),
    )
    const { second } = await split.json()
    expect((await app.db.comment.findUniqueOrThrow({ where: { id: c } })).sentenceId).toBe(second.id)
  })

  it('refuses bad splits and merges', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const last = app.sentenceIds[2]!
    const post = (token: string, body: unknown) => apiRequest('POST', '/x', { token, body })
    expect(
      (await splitSentenceHandler(app, post(listener.token, { at: 3, version: 1 }), String(last))).status,
    ).toBe(403)
    expect(
      (await splitSentenceHandler(app, post(host.token, { at: 999, version: 1 }), String(last))).status,
    ).toBe(422)
    expect(
      (await splitSentenceHandler(app, post(host.token, { at: 3, version: 7 }), String(last))).status,
    ).toBe(409)
    expect((await mergeSentenceHandler(app, post(host.token, { version: 1 }), String(last))).status).toBe(422)
    expect((await mergeSentenceHandler(app, post(host.token, {}), String(last))).status).toBe(400)
    expect(await texts(app)).toEqual(['First sentence.', 'Second sentence.', 'Third one.'])
  })
})
