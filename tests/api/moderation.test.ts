// Reports, moderation, bans and the per-episode switch through the real handlers.
import { describe, expect, it } from 'vitest'
import {
  createCommentHandler,
  listEpisodeCommentsHandler,
  reportCommentHandler,
} from '../../lib/api/comment-api'
import { banUserHandler, moderateCommentHandler, moderationQueueHandler } from '../../lib/api/moderation-api'
import { patchEpisodeHandler } from '../../lib/api/studio-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

async function comment(app: TestApp, token: string, body: string) {
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: { body } }),
    String(app.sentenceIds[0]),
  )
  return { status: response.status, json: await response.json() }
}

async function publicBodies(app: TestApp, token?: string): Promise<string[]> {
  const response = await listEpisodeCommentsHandler(app, apiRequest('GET', '/x', { token }), app.episode.slug)
  return (await response.json()).comments.map((c: { body: string }) => c.body)
}

describe('reports and the moderation queue', () => {
  it('lets anyone signed in report, and a host sees and hides the reported comment', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const host = await makeUser(app, 'host')
    const { json } = await comment(app, ana.token, 'buy cheap watches')
    const id = String(json.comment.id)

    expect((await reportCommentHandler(app, apiRequest('POST', '/x'), id)).status).toBe(401)
    expect(
      (
        await reportCommentHandler(
          app,
          apiRequest('POST', '/x', { token: ben.token, body: { reason: 'spam' } }),
          id,
        )
      ).status,
    ).toBe(201)
    expect((await reportCommentHandler(app, apiRequest('POST', '/x', { token: ben.token }), id)).status).toBe(
      200,
    )
    expect(
      (await reportCommentHandler(app, apiRequest('POST', '/x', { token: ben.token }), '999')).status,
    ).toBe(404)

    expect((await moderationQueueHandler(app, apiRequest('GET', '/x', { token: ben.token }))).status).toBe(
      403,
    )
    const queue = await (
      await moderationQueueHandler(app, apiRequest('GET', '/x', { token: host.token }))
    ).json()
    expect(queue.items).toEqual([expect.objectContaining({ openReports: 1, reasons: ['spam'] })])

    const hide = (token: string, action = 'hide') =>
      moderateCommentHandler(app, apiRequest('POST', '/x', { token, body: { action } }), id)
    expect((await hide(ben.token)).status).toBe(403)
    expect((await hide(host.token, 'explode')).status).toBe(400)
    expect((await hide(host.token)).status).toBe(200)
    expect(await publicBodies(app)).toEqual([])
    expect(await publicBodies(app, host.token)).toEqual(['buy cheap watches'])
    const after = await (
      await moderationQueueHandler(app, apiRequest('GET', '/x', { token: host.token }))
    ).json()
    expect(after.items).toEqual([])

    expect((await hide(host.token, 'unhide')).status).toBe(200)
    expect(await publicBodies(app)).toEqual(['buy cheap watches'])
  })
})

describe('bans and switching comments off', () => {
  it('stops a banned user from posting (403), and only moderators may ban', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const host = await makeUser(app, 'host')
    const ban = (token: string, userId: string, banned: boolean) =>
      banUserHandler(app, apiRequest('POST', '/x', { token, body: { banned } }), userId)
    expect((await ban(ben.token, ana.caller.id, true)).status).toBe(403)
    expect((await ban(ana.token, host.caller.id, true)).status).toBe(403)
    expect((await ban(host.token, ana.caller.id, true)).status).toBe(200)
    const refused = await comment(app, ana.token, 'still here?')
    expect(refused.status).toBe(403)
    expect(refused.json.error).toMatch(/banned/)
    expect((await ban(host.token, ana.caller.id, false)).status).toBe(200)
    expect((await comment(app, ana.token, 'back again')).status).toBe(201)
  })

  it('refuses new comments from listeners when a host turns comments off', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const off = (token: string) =>
      patchEpisodeHandler(
        app,
        apiRequest('PATCH', '/x', { token, body: { commentsEnabled: false } }),
        app.episode.slug,
      )
    expect((await off(ana.token)).status).toBe(403)
    const turnedOff = await off(host.token)
    expect(turnedOff.status).toBe(200)
    expect(await turnedOff.json()).toEqual({ ok: true })
    expect((await app.db.episode.findUniqueOrThrow({ where: { id: app.episode.id } })).commentsEnabled).toBe(
      false,
    )
    const refused = await comment(app, ana.token, 'hello?')
    expect(refused.status).toBe(403)
    expect(refused.json.error).toMatch(/turned off/)
  })

  it('holds a new listener’s first comment until a host approves it', async () => {
    const app = await freshApp({ holdFirst: 1 })
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const host = await makeUser(app, 'host')
    const first = await comment(app, ana.token, 'my first comment')
    expect(first.json.comment.status).toBe('held')
    expect(await publicBodies(app, ben.token)).toEqual([])
    expect(await publicBodies(app, ana.token)).toEqual(['my first comment'])
    const approve = await moderateCommentHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { action: 'approve' } }),
      String(first.json.comment.id),
    )
    expect(approve.status).toBe(200)
    expect(await publicBodies(app)).toEqual(['my first comment'])
    expect((await comment(app, ana.token, 'second one')).json.comment.status).toBe('visible')
  })
})
