// Administering hosts per show (issue 13 items 4 and 5): only admins list users and grant or
// revoke shows; a grant makes a listener a host of that show, an admin needs none, a role change
// away from host drops the grants; bad input is 400, unknown users and shows 404.
import { describe, expect, it } from 'vitest'
import type { Caller } from '../../lib/auth/caller'
import { OPERATOR } from '../../lib/auth/caller'
import { authorizeOnShow } from '../../lib/auth/show-access'
import { setUserRole } from '../../lib/users/operations'
import { grantShow, revokeShow, userDirectory } from '../../lib/users/show-host-operations'
import { hostedShowIds } from '../../lib/users/show-hosts'
import { buildShow, buildEpisode, buildSentences, writeEpisode } from '../../lib/seed/factories'
import { freshApp, makeUser, type TestApp } from '../support/app-database'

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, caller, ip: '203.0.113.7' }
}

async function withSecondShow() {
  const app = await freshApp()
  writeEpisode(
    app.sqlite,
    buildEpisode({
      show: buildShow({ slug: 'other', title: 'Other show' }),
      slug: 'b-1',
      title: 'B one',
      transcript: { sentences: buildSentences(['Bee.']) },
    }),
  )
  const shows = await app.db.show.findMany({ orderBy: { slug: 'asc' }, select: { id: true, slug: true } })
  const ids = Object.fromEntries(shows.map((show) => [show.slug, show.id])) as { show: number; other: number }
  return { app, ids }
}

describe('granting and revoking shows', () => {
  it('lets only admins (and the CLI operator) grant, revoke and list; 401 and 403 otherwise', async () => {
    const { app } = await withSecondShow()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const body = { email: listener.caller.email, showSlug: 'other' }
    for (const caller of [host.caller, listener.caller]) {
      expect(await grantShow(as(app, caller), body)).toEqual({
        ok: false,
        failure: { error: 'forbidden', need: 'admin' },
      })
      expect(await revokeShow(as(app, caller), body)).toMatchObject({
        ok: false,
        failure: { error: 'forbidden' },
      })
      expect(await userDirectory(as(app, caller))).toMatchObject({
        ok: false,
        failure: { error: 'forbidden' },
      })
    }
    expect(await grantShow(as(app, null), body)).toEqual({ ok: false, failure: { error: 'unauthenticated' } })
    const bannedAdmin = { ...(await makeUser(app, 'admin')).caller, bannedAt: new Date() }
    expect(await grantShow(as(app, bannedAdmin), body)).toEqual({ ok: false, failure: { error: 'banned' } })
    expect(await hostedShowIds(app.db, listener.caller.id)).toEqual(new Set())
    expect(await grantShow(as(app, OPERATOR), body)).toMatchObject({ ok: true, value: { granted: 1 } })
  })

  it('makes a listener a host of one show by a grant, and takes it back by a revoke', async () => {
    const { app, ids } = await withSecondShow()
    const admin = await makeUser(app, 'admin')
    const ana = await makeUser(app)
    const ctx = as(app, admin.caller)
    const granted = await grantShow(ctx, { userId: ana.caller.id, showSlug: 'other' })
    expect(granted).toEqual({
      ok: true,
      value: { userId: ana.caller.id, email: ana.caller.email, role: 'host', granted: 1 },
    })
    // Granting again changes nothing and is no error.
    expect(await grantShow(ctx, { email: ana.caller.email, showSlug: 'other' })).toMatchObject({
      ok: true,
      value: { granted: 0 },
    })
    const grant = await app.db.showHost.findFirstOrThrow({ where: { userId: ana.caller.id } })
    expect(grant).toMatchObject({ showId: ids.other, grantedBy: admin.caller.id })
    const anaNow = { ...ana.caller, role: 'host' as const }
    expect(await authorizeOnShow(as(app, anaNow), 'edit-transcripts', ids.other)).toMatchObject({ ok: true })
    expect(await authorizeOnShow(as(app, anaNow), 'edit-transcripts', ids.show)).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await revokeShow(ctx, { userId: ana.caller.id, showSlug: 'other' })).toEqual({
      ok: true,
      value: { userId: ana.caller.id, email: ana.caller.email, revoked: true },
    })
    expect(await revokeShow(ctx, { userId: ana.caller.id, showSlug: 'other' })).toMatchObject({
      ok: true,
      value: { revoked: false },
    })
    expect(await authorizeOnShow(as(app, anaNow), 'edit-transcripts', ids.other)).toMatchObject({ ok: false })
    // The role stays host (of no show) until an admin changes it.
    expect((await app.db.user.findUniqueOrThrow({ where: { id: ana.caller.id } })).role).toBe('host')
  })

  it('grants every show at once, refuses a grant to an admin, and drops grants when the role leaves host', async () => {
    const { app, ids } = await withSecondShow()
    const admin = await makeUser(app, 'admin')
    const otherAdmin = await makeUser(app, 'admin')
    const bo = await makeUser(app)
    const ctx = as(app, admin.caller)
    expect(await grantShow(ctx, { email: bo.caller.email, everyShow: true })).toMatchObject({
      ok: true,
      value: { role: 'host', granted: 2 },
    })
    expect(await hostedShowIds(app.db, bo.caller.id)).toEqual(new Set([ids.show, ids.other]))
    expect(await grantShow(ctx, { email: otherAdmin.caller.email, showSlug: 'show' })).toMatchObject({
      ok: false,
      failure: { error: 'unprocessable', message: expect.stringContaining('admins act on every show') },
    })
    expect(await setUserRole(ctx, { email: bo.caller.email, role: 'listener' })).toMatchObject({ ok: true })
    expect(await hostedShowIds(app.db, bo.caller.id)).toEqual(new Set())
  })

  it('answers 400 for bad bodies and 404 for unknown users and shows, granting nothing', async () => {
    const { app } = await withSecondShow()
    const admin = await makeUser(app, 'admin')
    const cy = await makeUser(app)
    const ctx = as(app, admin.caller)
    const bad = [
      {},
      { email: cy.caller.email },
      { email: cy.caller.email, userId: cy.caller.id, showSlug: 'show' },
      { email: cy.caller.email, showSlug: 'show', everyShow: true },
      { email: 'not-an-email', showSlug: 'show' },
      { email: cy.caller.email, showSlug: 'Not A Slug' },
      { email: cy.caller.email, showSlug: 'show', extra: 1 },
      'show',
    ]
    for (const body of bad)
      expect(await grantShow(ctx, body)).toMatchObject({ ok: false, failure: { error: 'invalid' } })
    expect(await grantShow(ctx, { email: 'ghost@example.test', showSlug: 'show' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'user' },
    })
    expect(await grantShow(ctx, { email: cy.caller.email, showSlug: 'no-such-show' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'show' },
    })
    expect(await revokeShow(ctx, { email: cy.caller.email })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(await app.db.showHost.count({ where: { userId: cy.caller.id } })).toBe(0)
    expect((await app.db.user.findUniqueOrThrow({ where: { id: cy.caller.id } })).role).toBe('listener')
  })
})

describe('the user directory', () => {
  it('lists users with role, ban and the shows they host, every show to grant, and narrows by a query', async () => {
    const { app } = await withSecondShow()
    const admin = await makeUser(app, 'admin')
    const host = await makeUser(app, 'host')
    const ctx = as(app, admin.caller)
    await revokeShow(ctx, { email: host.caller.email, showSlug: 'other' })
    const listed = await userDirectory(ctx)
    if (!listed.ok) throw new Error(JSON.stringify(listed.failure))
    expect(listed.value.shows).toEqual([
      { slug: 'other', title: 'Other show' },
      { slug: 'show', title: 'Show' },
    ])
    expect(listed.value.users.find((user) => user.id === host.caller.id)).toMatchObject({
      email: host.caller.email,
      role: 'host',
      bannedAt: null,
      shows: [{ slug: 'show', title: 'Show' }],
    })
    const narrowed = await userDirectory(ctx, { query: host.caller.email.toUpperCase() })
    expect(narrowed.ok && narrowed.value.users.map((user) => user.id)).toEqual([host.caller.id])
    expect(await userDirectory(ctx, { query: 'x'.repeat(201) })).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
  })
})
