// Personal API tokens from the settings page (issue 13 item 5): a user creates, lists and
// revokes their own tokens through lib/tokens/operations.ts, the operations the user CLI calls
// too; a revoked token answers 401 on an API write, and lastUsedAt follows use (at most one
// write a minute per token).
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { getCallerByApiToken } from '../../lib/auth/api-tokens'
import { OPERATOR, type Caller } from '../../lib/auth/caller'
import { createUserToken, listUserTokens, revokeUserToken } from '../../lib/tokens/operations'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

function as(app: TestApp, caller: Caller | null, now?: Date) {
  return {
    db: app.db,
    sqlite: app.sqlite,
    policy: app.policy,
    caller,
    ip: '203.0.113.7',
    ...(now ? { now } : {}),
  }
}

/** An API write (a comment) with the token: 201, or 401 once the token is revoked. */
async function postWith(app: TestApp, token: string): Promise<number> {
  const body = { body: `with a token ${Math.random()}` }
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body }),
    String(app.sentenceIds[0]),
  )
  return response.status
}

describe('a user’s own API tokens', () => {
  it('are created with a name and optional expiry, listed, used (lastUsedAt), and revoked (401 afterwards)', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const created = await createUserToken(as(app, ana.caller), {
      name: '  import script ',
      expiresInDays: '30',
    })
    if (!created.ok) throw new Error(JSON.stringify(created.failure))
    expect(created.value.token).toMatch(/^hs_/)
    expect(created.value.apiToken).toMatchObject({ name: 'import script', lastUsedAt: null, revokedAt: null })
    expect(created.value.expiresAt).not.toBeNull()

    const listed = await listUserTokens(as(app, ana.caller))
    if (!listed.ok) throw new Error('not listed')
    // Newest first: the new one, then the one makeUser made; never a hash or a token.
    expect(listed.value.map((token) => token.name)).toEqual(['import script', ''])
    expect(Object.keys(listed.value[0]!).sort()).toEqual(
      ['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt'].sort(),
    )

    expect(await postWith(app, created.value.token)).toBe(201)
    const used = await listUserTokens(as(app, ana.caller))
    expect(used.ok && used.value[0]!.lastUsedAt).toBeInstanceOf(Date)

    const revoked = await revokeUserToken(as(app, ana.caller), { tokenId: String(created.value.apiToken.id) })
    expect(revoked).toEqual({ ok: true, value: { revoked: 1 } })
    expect(await postWith(app, created.value.token)).toBe(401)
    // Her other token still works; revoking again changes nothing.
    expect(await postWith(app, ana.token)).toBe(201)
    expect(await revokeUserToken(as(app, ana.caller), { tokenId: created.value.apiToken.id })).toEqual({
      ok: true,
      value: { revoked: 0 },
    })
    const after = await listUserTokens(as(app, ana.caller))
    expect(after.ok && after.value[0]!.revokedAt).toBeInstanceOf(Date)
  })

  it('writes lastUsedAt at most once a minute per token', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const lastUsed = async () =>
      (await app.db.apiToken.findFirstOrThrow({ where: { userId: ana.caller.id } })).lastUsedAt?.getTime()
    const t0 = new Date('2026-12-04T12:00:00.000Z')
    expect(await getCallerByApiToken(app.db, ana.token, t0)).toMatchObject({ id: ana.caller.id })
    expect(await lastUsed()).toBe(t0.getTime())
    await getCallerByApiToken(app.db, ana.token, new Date(t0.getTime() + 59_000))
    expect(await lastUsed()).toBe(t0.getTime())
    await getCallerByApiToken(app.db, ana.token, new Date(t0.getTime() + 60_000))
    expect(await lastUsed()).toBe(t0.getTime() + 60_000)
  })

  it('need a name from the settings page, a signed-in caller, and nobody else’s token', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    expect(await createUserToken(as(app, ana.caller), { name: '   ' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { name: ['Enter a name for the token.'] } },
    })
    expect(await createUserToken(as(app, ana.caller), {})).toMatchObject({
      ok: false,
      failure: { error: 'invalid', fieldErrors: { name: ['Enter a name for the token.'] } },
    })
    expect(await createUserToken(as(app, ana.caller), { name: 'x', expiresInDays: 'soon' })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(await createUserToken(as(app, null), { name: 'x' })).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    expect(await listUserTokens(as(app, null))).toEqual({ ok: false, failure: { error: 'unauthenticated' } })
    expect(await revokeUserToken(as(app, null), { tokenId: '1' })).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })

    // Ben's token is not Ana's to revoke: it does not exist for her, and keeps working.
    const bens = await listUserTokens(as(app, ben.caller))
    const bensId = bens.ok ? bens.value[0]!.id : 0
    expect(await revokeUserToken(as(app, ana.caller), { tokenId: bensId })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'API token' },
    })
    expect(await revokeUserToken(as(app, ana.caller), { tokenId: 'abc' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'API token' },
    })
    expect(await postWith(app, ben.token)).toBe(201)
    // Another user's tokens by email: admins only (the CLI acts as one).
    expect(await createUserToken(as(app, ana.caller), { email: ben.caller.email })).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await createUserToken(as(app, OPERATOR), { email: ben.caller.email })).toMatchObject({
      ok: true,
      value: { apiToken: { name: 'command line' } },
    })
    // The OPERATOR is no user: without an email there is nobody to make a token for.
    expect(await createUserToken(as(app, OPERATOR), { name: 'mine' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'user' },
    })
  })

  it('cannot be created by a banned user, who can still list and revoke theirs', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const banned = { ...ana.caller, bannedAt: new Date() }
    expect(await createUserToken(as(app, banned), { name: 'x' })).toEqual({
      ok: false,
      failure: { error: 'banned' },
    })
    const listed = await listUserTokens(as(app, banned))
    if (!listed.ok) throw new Error('not listed')
    expect(listed.value).toHaveLength(1)
    expect(await revokeUserToken(as(app, banned), { tokenId: listed.value[0]!.id })).toEqual({
      ok: true,
      value: { revoked: 1 },
    })
    expect(await getCallerByApiToken(app.db, ana.token)).toBeNull()
  })
})
