// User administration through its one home (lib/users/operations.ts), as the CLI, the
// moderation page and POST /api/users/:id/ban call it. Roles were once checked only by the
// page's action: the operation itself must refuse anyone but an unbanned admin.
import { describe, expect, it } from 'vitest'
import { OPERATOR, type Caller } from '../../lib/auth/caller'
import { createUserToken } from '../../lib/tokens/operations'
import { banUser, createUser, setUserRole } from '../../lib/users/operations'
import { freshApp, makeUser, type TestApp } from '../support/app-database'

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, auth: app.auth, caller, ip: '203.0.113.7' }
}

async function roleOf(app: TestApp, id: string): Promise<string> {
  return (await app.db.user.findUniqueOrThrow({ where: { id } })).role
}

describe('setUserRole', () => {
  it('lets only an unbanned admin change roles, and not their own', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const admin = await makeUser(app, 'admin')
    const makeAdmin = { email: ana.caller.email, role: 'admin' }

    expect(await setUserRole(as(app, null), makeAdmin)).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    expect(await setUserRole(as(app, ana.caller), makeAdmin)).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await setUserRole(as(app, host.caller), makeAdmin)).toMatchObject({
      ok: false,
      failure: { error: 'forbidden', need: 'admin' },
    })
    const banned = { ...admin.caller, bannedAt: new Date() }
    expect(await setUserRole(as(app, banned), makeAdmin)).toEqual({ ok: false, failure: { error: 'banned' } })
    expect(await roleOf(app, ana.caller.id)).toBe('listener')

    const self = await setUserRole(as(app, admin.caller), { email: admin.caller.email, role: 'listener' })
    expect(self).toMatchObject({ ok: false, failure: { error: 'forbidden' } })
    expect(await setUserRole(as(app, admin.caller), { email: 'ghost@example.test', role: 'host' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'user' },
    })
    expect(await setUserRole(as(app, admin.caller), { email: ana.caller.email, role: 'boss' })).toMatchObject(
      {
        ok: false,
        failure: { error: 'invalid' },
      },
    )
    expect(await setUserRole(as(app, admin.caller), { email: ana.caller.email, role: 'host' })).toEqual({
      ok: true,
      value: { userId: ana.caller.id, role: 'host' },
    })
    expect(await roleOf(app, ana.caller.id)).toBe('host')
  })
})

describe('banUser', () => {
  it('lets hosts ban listeners and admins ban hosts, nobody an admin', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const other = await makeUser(app, 'host')
    const admin = await makeUser(app, 'admin')
    const ban = (caller: Caller, userId: string) =>
      banUser(as(app, caller), { userId, body: { banned: true } })
    expect((await ban(host.caller, other.caller.id)).ok).toBe(false)
    expect((await ban(host.caller, admin.caller.id)).ok).toBe(false)
    expect((await ban(admin.caller, admin.caller.id)).ok).toBe(false)
    expect(await ban(host.caller, ana.caller.id)).toEqual({ ok: true, value: { banned: true } })
    expect(await ban(admin.caller, other.caller.id)).toEqual({ ok: true, value: { banned: true } })
    expect(await ban(host.caller, 'x'.repeat(500))).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'user' },
    })
  })
})

describe('the operator (npm run user)', () => {
  it('creates the first admin, gives out a token, and is refused a taken email', async () => {
    const app = await freshApp()
    const operator = as(app, OPERATOR)
    const created = await createUser(operator, {
      email: 'Boss@Example.test',
      password: 'long enough password',
      role: 'admin',
    })
    expect(created).toMatchObject({ ok: true, value: { role: 'admin' } })
    expect(await app.db.user.findUniqueOrThrow({ where: { email: 'boss@example.test' } })).toMatchObject({
      role: 'admin',
    })
    const again = await createUser(operator, { email: 'boss@example.test', password: 'long enough password' })
    expect(again).toMatchObject({ ok: false, failure: { error: 'unprocessable' } })
    const token = await createUserToken(operator, { email: 'boss@example.test' })
    expect(token).toMatchObject({ ok: true, value: { token: expect.stringMatching(/^hs_/) } })

    const host = await makeUser(app, 'host')
    expect(
      await createUser(as(app, host.caller), { email: 'x@example.test', password: 'long enough password' }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
  })
})
