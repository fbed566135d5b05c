// Defects found in issue 9: a banned host kept every moderation power (hide, ban, comments
// off), and banning an unknown user answered that the comment did not exist.
import { describe, expect, it } from 'vitest'
import { createCommentHandler, deleteCommentHandler, reportCommentHandler } from '../../lib/api/comment-api'
import { banUserHandler, moderateCommentHandler, moderationQueueHandler } from '../../lib/api/moderation-api'
import { patchEpisodeHandler } from '../../lib/api/studio-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

async function comment(app: TestApp, token: string, body: string): Promise<number> {
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: { body } }),
    String(app.sentenceIds[0]),
  )
  expect(response.status).toBe(201)
  return (await response.json()).comment.id
}

describe('a banned host', () => {
  it('can no longer hide, remove, ban, turn comments off, work the queue or report (403 banned)', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const admin = await makeUser(app, 'admin')
    const id = await comment(app, ana.token, 'a comment')
    const ban = await banUserHandler(
      app,
      apiRequest('POST', '/x', { token: admin.token, body: { banned: true } }),
      host.caller.id,
    )
    expect(ban.status).toBe(200)

    const refusals = [
      await moderateCommentHandler(
        app,
        apiRequest('POST', '/x', { token: host.token, body: { action: 'hide' } }),
        String(id),
      ),
      await moderateCommentHandler(
        app,
        apiRequest('POST', '/x', { token: host.token, body: { action: 'delete' } }),
        String(id),
      ),
      await banUserHandler(
        app,
        apiRequest('POST', '/x', { token: host.token, body: { banned: true } }),
        ana.caller.id,
      ),
      await patchEpisodeHandler(
        app,
        apiRequest('PATCH', '/x', { token: host.token, body: { commentsEnabled: false } }),
        app.episode.slug,
      ),
      await moderationQueueHandler(app, apiRequest('GET', '/x', { token: host.token })),
      await reportCommentHandler(app, apiRequest('POST', '/x', { token: host.token }), String(id)),
      await deleteCommentHandler(app, apiRequest('DELETE', '/x', { token: host.token }), String(id)),
    ]
    for (const response of refusals) {
      expect(response.status).toBe(403)
      expect((await response.json()).error).toMatch(/banned/)
    }
    const row = await app.db.comment.findUniqueOrThrow({ where: { id } })
    expect(row).toMatchObject({ status: 'visible', deletedAt: null })
    expect((await app.db.user.findUniqueOrThrow({ where: { id: ana.caller.id } })).bannedAt).toBeNull()
    expect((await app.db.episode.findUniqueOrThrow({ where: { id: app.episode.id } })).commentsEnabled).toBe(
      true,
    )
  })
})

describe('POST /api/users/:id/ban', () => {
  it('answers 404 that the user does not exist for an unknown id', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const response = await banUserHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { banned: true } }),
      'no-such-user',
    )
    expect(response.status).toBe(404)
    expect((await response.json()).error).toBe('That user does not exist.')
  })
})
