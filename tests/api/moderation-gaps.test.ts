// Issue 13's moderation gaps, through the real handlers: banning from a comment and the banned
// list with unban, a queue that names episode and sentence, hidden parents that keep their
// thread (a "removed" stub), and duplicates that differ only in case, spacing or punctuation.
import { describe, expect, it } from 'vitest'
import {
  createCommentHandler,
  deleteCommentHandler,
  listEpisodeCommentsHandler,
  listSentenceCommentsHandler,
  reportCommentHandler,
} from '../../lib/api/comment-api'
import {
  bannedUsersHandler,
  banUserHandler,
  moderateCommentHandler,
  moderationQueueHandler,
} from '../../lib/api/moderation-api'
import type { CommentDto } from '../../lib/comments/types'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

async function post(app: TestApp, token: string, body: string, parentId?: number, sentence = 0) {
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: parentId === undefined ? { body } : { body, parentId } }),
    String(app.sentenceIds[sentence]),
  )
  return { status: response.status, json: await response.json() }
}

async function episodeComments(app: TestApp, token?: string): Promise<CommentDto[]> {
  const response = await listEpisodeCommentsHandler(app, apiRequest('GET', '/x', { token }), app.episode.slug)
  return (await response.json()).comments
}

const ban = (app: TestApp, token: string, userId: string, banned: boolean) =>
  banUserHandler(app, apiRequest('POST', '/x', { token, body: { banned } }), userId)

async function bannedList(app: TestApp, token?: string) {
  const response = await bannedUsersHandler(app, apiRequest('GET', '/x', { token }))
  return { status: response.status, json: await response.json() }
}

describe('banning from a comment, and the banned list', () => {
  it('shows hosts whether a comment’s author is banned, bans them by the comment’s author id, lists and unbans them', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const host = await makeUser(app, 'host')
    await post(app, ana.token, 'Buy my course')

    const [asHost] = await episodeComments(app, host.token)
    expect(asHost).toMatchObject({ body: 'Buy my course', authorBanned: false })
    // Listeners are not told who is banned.
    expect((await episodeComments(app, ben.token))[0]).not.toHaveProperty('authorBanned')

    expect((await ban(app, host.token, asHost!.author.id, true)).status).toBe(200)
    expect((await episodeComments(app, host.token))[0]).toMatchObject({ authorBanned: true })
    expect((await post(app, ana.token, 'Still here?')).status).toBe(403)

    expect((await bannedList(app)).status).toBe(401)
    expect((await bannedList(app, ben.token)).status).toBe(403)
    const listed = await bannedList(app, host.token)
    expect(listed.status).toBe(200)
    expect(listed.json.users).toEqual([
      { id: ana.caller.id, name: ana.caller.name, role: 'listener', bannedAt: expect.any(String) },
    ])

    expect((await ban(app, host.token, ana.caller.id, false)).status).toBe(200)
    expect((await bannedList(app, host.token)).json.users).toEqual([])
    expect((await episodeComments(app, host.token))[0]).toMatchObject({ authorBanned: false })
    expect((await post(app, ana.token, 'Back again')).status).toBe(201)
  })
})

describe('the moderation queue', () => {
  it('names the episode and the sentence of each item, with a link to the sentence', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const host = await makeUser(app, 'host')
    const { json } = await post(app, ana.token, 'spam spam', undefined, 1)
    await reportCommentHandler(
      app,
      apiRequest('POST', '/x', { token: ben.token, body: { reason: 'spam' } }),
      String(json.comment.id),
    )
    const queue = await (
      await moderationQueueHandler(app, apiRequest('GET', '/x', { token: host.token }))
    ).json()
    const sentenceId = app.sentenceIds[1]
    expect(queue.items).toEqual([
      expect.objectContaining({
        episodeSlug: 'ep-1',
        episodeTitle: 'Episode one',
        sentence: { id: sentenceId, text: 'Second sentence.' },
        href: `/episodes/ep-1#s-${sentenceId}`,
      }),
    ])
  })
})

describe('replies under a hidden parent', () => {
  it('keeps them in their thread under a "removed" stub that tells nothing of the hidden comment', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const cat = await makeUser(app)
    const host = await makeUser(app, 'host')
    const parent = (await post(app, ana.token, 'Something rude')).json.comment
    const reply = (await post(app, ben.token, 'That is not fair', parent.id)).json.comment
    const nested = (await post(app, cat.token, 'Agreed', reply.id)).json.comment
    const alone = (await post(app, ana.token, 'Another rude one')).json.comment
    const hide = (id: number) =>
      moderateCommentHandler(
        app,
        apiRequest('POST', '/x', { token: host.token, body: { action: 'hide' } }),
        String(id),
      )
    expect((await hide(parent.id)).status).toBe(200)
    expect((await hide(alone.id)).status).toBe(200)

    for (const token of [undefined, cat.token]) {
      const comments = await episodeComments(app, token)
      expect(comments.map((c) => [c.id, c.parentId, c.removed, c.status])).toEqual([
        [parent.id, null, true, 'hidden'],
        [reply.id, parent.id, false, 'visible'],
        [nested.id, reply.id, false, 'visible'],
      ])
      expect(comments[0]).toMatchObject({ body: '', author: { id: '', name: '' } })
    }
    // The sentence's own list shapes the thread the same way.
    const sentenceList = await listSentenceCommentsHandler(
      app,
      apiRequest('GET', '/x'),
      String(app.sentenceIds[0]),
    )
    expect((await sentenceList.json()).comments.map((c: CommentDto) => c.id)).toEqual([
      parent.id,
      reply.id,
      nested.id,
    ])
    // Hosts read everything as it is.
    const asHost = await episodeComments(app, host.token)
    expect(asHost.map((c) => [c.body, c.removed])).toEqual([
      ['Something rude', false],
      ['That is not fair', false],
      ['Agreed', false],
      ['Another rude one', false],
    ])

    // Once no reply is left to read, the stub goes too.
    for (const [who, id] of [
      [cat, nested.id],
      [ben, reply.id],
    ] as const) {
      const deleted = await deleteCommentHandler(
        app,
        apiRequest('DELETE', '/x', { token: who.token }),
        String(id),
      )
      expect(deleted.status).toBe(204)
    }
    expect(await episodeComments(app)).toEqual([])
  })
})

describe('duplicate comments', () => {
  it('refuses the same text again after folding case, spacing and punctuation (409)', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    expect((await post(app, ana.token, 'Great episode!')).status).toBe(201)
    for (const again of ['great episode', '  GREAT   Episode!!! ', 'Great, episode.', 'Ｇｒｅａｔ episode']) {
      const refused = await post(app, ana.token, again)
      expect({ again, status: refused.status }).toEqual({ again, status: 409 })
    }
    expect((await post(app, ana.token, 'Great episode, thanks')).status).toBe(201)
    expect((await post(app, ben.token, 'great episode')).status).toBe(201)
    // Bodies of symbols only are compared as written (case and spacing aside), not all as "".
    expect((await post(app, ana.token, '👍')).status).toBe(201)
    expect((await post(app, ana.token, '🎉')).status).toBe(201)
    expect((await post(app, ana.token, ' 👍 ')).status).toBe(409)
  })
})
