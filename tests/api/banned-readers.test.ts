// A banned host reads like a listener: held and hidden comments, and who is banned, are for
// moderators who may moderate (review of issue 9: the read path checked the role only).
import { describe, expect, it } from 'vitest'
import { createCommentHandler, listEpisodeCommentsHandler } from '../../lib/api/comment-api'
import { banUserHandler, moderateCommentHandler } from '../../lib/api/moderation-api'
import { apiRequest, freshApp, makeUser } from '../support/app-database'

describe('a banned host reading comments', () => {
  it('no longer sees hidden comments, while an active host still does', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const admin = await makeUser(app, 'admin')
    const created = await createCommentHandler(
      app,
      apiRequest('POST', '/x', { token: ana.token, body: { body: 'soon hidden' } }),
      String(app.sentenceIds[0]),
    )
    const { comment } = await created.json()
    const hide = await moderateCommentHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { action: 'hide' } }),
      String(comment.id),
    )
    expect(hide.status).toBe(200)
    const bodiesSeenBy = async (token: string) => {
      const response = await listEpisodeCommentsHandler(
        app,
        apiRequest('GET', '/x', { token }),
        app.episode.slug,
      )
      return ((await response.json()).comments as { body: string }[]).map((c) => c.body)
    }
    expect(await bodiesSeenBy(host.token)).toContain('soon hidden')

    const ban = await banUserHandler(
      app,
      apiRequest('POST', '/x', { token: admin.token, body: { banned: true } }),
      host.caller.id,
    )
    expect(ban.status).toBe(200)
    expect(await bodiesSeenBy(host.token)).not.toContain('soon hidden')
    expect(await bodiesSeenBy(admin.token)).toContain('soon hidden')
  })
})
