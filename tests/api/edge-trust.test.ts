// Issue 15, trust at the edge: limits that a forged X-Forwarded-For cannot escape (on the
// /api/auth handler, the sign-in form's operation and the comment API), back-off, sign-up that
// does not reveal accounts, banned users who cannot rename themselves, and API tokens that
// expire and can be revoked. Requests carry headers as scripts/web-cluster.ts hands them on:
// whatever the client sent, plus the address it resolved from the socket.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { signIn, signUp } from '../../lib/auth/account-operations'
import { getCallerByApiToken } from '../../lib/auth/api-tokens'
import { limitAttempt } from '../../lib/auth/attempt-limit'
import { OPERATOR } from '../../lib/auth/caller'
import { createAuth } from '../../lib/auth/auth'
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from '../../lib/http/client-address'
import { createUserToken, revokeUserToken } from '../../lib/tokens/operations'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

const ORIGIN = 'http://127.0.0.1:3999'

/** Headers as the web server passes them on: the client's own, plus the address it resolved. */
function served(socketAddress: string, forwardedFor: string, hops = 0): Headers {
  return new Headers({
    'x-forwarded-for': forwardedFor,
    'x-real-ip': forwardedFor,
    origin: ORIGIN,
    [CLIENT_ADDRESS_HEADER]: resolveClientAddress(
      { socketAddress, forwardedFor, realIp: forwardedFor },
      hops,
    ),
  })
}

function rotating(n: number): string {
  return `198.51.100.${n % 250}, 10.${n}.0.1`
}

function limitedAuth(app: TestApp, max: number) {
  return createAuth(app.db, {
    secret: 'another-test-secret-another-test-secret-42',
    baseURL: ORIGIN,
    signInRateMax: max,
    signInRateWindowMs: 60_000,
  })
}

describe('a rotating X-Forwarded-For', () => {
  it('does not escape the sign-in limit on POST /api/auth/sign-in/email', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 3)
    const user = await makeUser(app)
    // A different email each time: only the per-address limit stands between these guesses.
    const guess = (n: number, email: string, password: string) =>
      auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: {
            ...Object.fromEntries(served('203.0.113.50', rotating(n))),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ email, password }),
        }),
      )
    const statuses: number[] = []
    for (let n = 0; n < 6; n++)
      statuses.push((await guess(n, `guess${n}@example.test`, 'wrong password!')).status)
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429])
    // Even the right password waits now.
    expect((await guess(99, user.caller.email, 'correct horse battery')).status).toBe(429)
    // Another client, one whose socket is elsewhere, is not affected.
    const other = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: {
          ...Object.fromEntries(served('203.0.113.51', rotating(0))),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ email: user.caller.email, password: 'correct horse battery' }),
      }),
    )
    expect(other.status).toBe(200)
  })

  it('does not escape the sign-in limit on the sign-in form (its operation, as the action calls it)', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 3)
    const results = []
    for (let n = 0; n < 5; n++)
      results.push(
        await signIn(
          { auth, headers: served('203.0.113.60', rotating(n)) },
          {
            email: `guess${n}@example.test`,
            password: 'wrong password!',
          },
        ),
      )
    expect(results.map((result) => (result.ok ? 'ok' : result.failure.error))).toEqual([
      'unprocessable',
      'unprocessable',
      'unprocessable',
      'rate-limited',
      'rate-limited',
    ])
  })

  it('does not escape the per-address comment limit', async () => {
    const app = await freshApp({ ipRule: { max: 3, windowMs: 60_000 } })
    const ana = await makeUser(app)
    const statuses: number[] = []
    for (let n = 0; n < 5; n++) {
      const request = apiRequest('POST', '/x', { token: ana.token, body: { body: `comment ${n}` } })
      for (const [name, value] of served('203.0.113.70', rotating(n))) request.headers.set(name, value)
      statuses.push((await createCommentHandler(app, request, String(app.sentenceIds[0]))).status)
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429])
  })

  it('is read, hop by hop from the right, only when TRUST_PROXY_HOPS says a proxy appends it', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 1)
    // Behind one proxy (socket 10.0.0.2), two real clients, each claiming the same forged address.
    const first = served('10.0.0.2', '192.0.2.1, 203.0.113.80', 1)
    const second = served('10.0.0.2', '192.0.2.1, 203.0.113.81', 1)
    const attempt = (headers: Headers, n: number) =>
      signIn({ auth, headers }, { email: `p${n}@example.test`, password: 'wrong password!' })
    expect((await attempt(first, 1)).ok).toBe(false)
    expect(await attempt(first, 2)).toMatchObject({ failure: { error: 'rate-limited' } })
    expect(await attempt(second, 3)).toMatchObject({ failure: { error: 'unprocessable' } })
  })
})

describe('per-account limits and back-off', () => {
  it('limit one email across every address, on the API and the form alike', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 2)
    const user = await makeUser(app)
    const viaApi = (n: number) =>
      auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-in/email`, {
          method: 'POST',
          headers: {
            ...Object.fromEntries(served(`203.0.113.${90 + n}`, '')),
            'content-type': 'application/json',
          },
          body: JSON.stringify({ email: user.caller.email, password: 'wrong password!' }),
        }),
      )
    expect((await viaApi(0)).status).toBe(401)
    expect((await viaApi(1)).status).toBe(401)
    // A third address, through the form, with the right password: the email's count is spent.
    const form = await signIn(
      { auth, headers: served('203.0.113.99', '') },
      { email: user.caller.email, password: 'correct horse battery' },
    )
    expect(form).toMatchObject({ ok: false, failure: { error: 'rate-limited', action: 'sign-in' } })
  })

  it('doubles the window for whoever keeps trying while refused', async () => {
    const app = await freshApp()
    const rule = { max: 2, windowMs: 60_000 }
    const start = Date.parse('2026-01-01T00:00:00Z')
    const at = (ms: number) => new Date(start + ms)
    const who = { ip: '203.0.113.100', email: 'victim@example.test' }
    const attempt = (ms: number) => limitAttempt(app.db, 'sign-in', who, rule, at(ms))
    expect((await attempt(0)).ok).toBe(true)
    expect((await attempt(1_000)).ok).toBe(true)
    // Two refusals (as many as the limit) double the window: the next minute is still refused.
    expect(await attempt(2_000)).toMatchObject({ ok: false, failure: { retryAfterMs: 58_000 } })
    expect(await attempt(3_000)).toMatchObject({ ok: false, failure: { retryAfterMs: 57_000 } })
    expect(await attempt(61_000)).toMatchObject({ ok: false, failure: { retryAfterMs: 59_000 } })
    expect((await attempt(121_000)).ok).toBe(true)
    // A patient caller who waits out each window is not punished further.
    const patient = { ip: '203.0.113.101', email: 'patient@example.test' }
    for (const ms of [0, 1_000, 60_000, 61_000, 120_000])
      expect((await limitAttempt(app.db, 'sign-in', patient, rule, at(ms))).ok).toBe(true)
  })
})

describe('sign-up', () => {
  it('answers a taken email on the API exactly as a new one, and signs nobody in', async () => {
    const app = await freshApp()
    const taken = await makeUser(app)
    const signUpVia = (email: string) =>
      app.auth.handler(
        new Request(`${ORIGIN}/api/auth/sign-up/email`, {
          method: 'POST',
          headers: { ...Object.fromEntries(served('203.0.113.110', '')), 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: 'another long password', name: 'Someone' }),
        }),
      )
    const sessionsBefore = await app.db.session.count()
    const fresh = await signUpVia('brand-new@example.test')
    const existing = await signUpVia(taken.caller.email)
    expect(existing.status).toBe(fresh.status)
    expect(fresh.status).toBe(200)
    expect(fresh.headers.get('set-cookie')).toBeNull()
    expect(existing.headers.get('set-cookie')).toBeNull()
    const [freshBody, existingBody] = [await fresh.json(), await existing.json()]
    expect(Object.keys(existingBody).sort()).toEqual(Object.keys(freshBody).sort())
    expect(Object.keys(existingBody.user).sort()).toEqual(Object.keys(freshBody.user).sort())
    expect(existingBody.token).toBeNull()
    expect(existingBody.user.email).toBe(taken.caller.email)
    expect(await app.db.session.count()).toBe(sessionsBefore)
    // The owner's password still works; the stranger's does not.
    await expect(
      app.auth.api.signInEmail({ body: { email: taken.caller.email, password: 'another long password' } }),
    ).rejects.toThrow()
    expect(
      (
        await app.auth.api.signInEmail({
          body: { email: taken.caller.email, password: 'correct horse battery' },
        })
      ).user.id,
    ).toBe(taken.caller.id)
  })

  it('sends the form to the sign-in page with the same words for a new and a taken email', async () => {
    const app = await freshApp()
    const taken = await makeUser(app)
    const form = (email: string) =>
      signUp(
        { auth: app.auth, headers: served('203.0.113.111', '') },
        { name: 'Someone', email, password: 'another long password', next: '/episodes/ep-1#s-2' },
      )
    const expected = { ok: true, value: { next: '/sign-in?signed-up=1&next=%2Fepisodes%2Fep-1%23s-2' } }
    expect(await form('new-by-form@example.test')).toEqual(expected)
    expect(await form(taken.caller.email)).toEqual(expected)
    expect(await app.db.user.count({ where: { email: 'new-by-form@example.test' } })).toBe(1)
  })
})

describe('a banned user', () => {
  it('cannot change their profile through /api/auth/update-user (403); others can', async () => {
    const app = await freshApp()
    const user = await makeUser(app)
    const signedIn = await app.auth.api.signInEmail({
      body: { email: user.caller.email, password: 'correct horse battery' },
      asResponse: true,
    })
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!
    const rename = (name: string) =>
      app.auth.handler(
        new Request(`${ORIGIN}/api/auth/update-user`, {
          method: 'POST',
          headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ name }),
        }),
      )
    expect((await rename('Renamed')).status).toBe(200)
    await app.db.user.update({ where: { id: user.caller.id }, data: { bannedAt: new Date() } })
    const refused = await rename('Innocent Name')
    expect(refused.status).toBe(403)
    expect((await refused.json()).message).toMatch(/banned/)
    expect((await app.db.user.findUniqueOrThrow({ where: { id: user.caller.id } })).name).toBe('Renamed')
  })
})

describe('API tokens', () => {
  const operator = (app: TestApp, now?: Date) => ({
    db: app.db,
    sqlite: app.sqlite,
    policy: app.policy,
    caller: OPERATOR,
    ip: 'cli',
    ...(now ? { now } : {}),
  })
  const post = (app: TestApp, token: string) =>
    createCommentHandler(
      app,
      apiRequest('POST', '/x', { token, body: { body: `with a token ${Math.random()}` } }),
      String(app.sentenceIds[0]),
    )

  it('expire after --expires-in-days (401 afterwards), and record when they were last used', async () => {
    const app = await freshApp()
    const user = await makeUser(app)
    const lastWeek = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000)
    const expired = await createUserToken(operator(app, lastWeek), {
      email: user.caller.email,
      expiresInDays: 1,
    })
    const live = await createUserToken(operator(app), { email: user.caller.email, expiresInDays: '30' })
    if (!expired.ok || !live.ok) throw new Error('token not created')
    expect(expired.value.expiresAt?.getTime()).toBe(lastWeek.getTime() + 24 * 60 * 60 * 1000)
    expect((await post(app, expired.value.token)).status).toBe(401)
    expect((await post(app, live.value.token)).status).toBe(201)
    const row = await app.db.apiToken.findFirstOrThrow({ where: { expiresAt: live.value.expiresAt } })
    expect(row.lastUsedAt).not.toBeNull()
    expect(
      await createUserToken(operator(app), { email: user.caller.email, expiresInDays: 0 }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'invalid' },
    })
    expect(
      await getCallerByApiToken(app.db, live.value.token, new Date(Date.now() + 31 * 86_400_000)),
    ).toBeNull()
  })

  it('can be revoked one by one or all of a user’s at once (401 afterwards); admins only', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const second = await createUserToken(operator(app), { email: ana.caller.email })
    if (!second.ok) throw new Error('token not created')
    expect(
      await revokeUserToken({ ...operator(app), caller: ana.caller }, { token: ana.token }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await revokeUserToken(operator(app), { token: ana.token })).toEqual({
      ok: true,
      value: { revoked: 1 },
    })
    expect(await revokeUserToken(operator(app), { token: ana.token })).toEqual({
      ok: true,
      value: { revoked: 0 },
    })
    expect((await post(app, ana.token)).status).toBe(401)
    expect((await post(app, second.value.token)).status).toBe(201)
    expect(await revokeUserToken(operator(app), { email: ana.caller.email })).toEqual({
      ok: true,
      value: { revoked: 1 },
    })
    expect((await post(app, second.value.token)).status).toBe(401)
    expect(await revokeUserToken(operator(app), { email: 'ghost@example.test' })).toMatchObject({
      ok: false,
      failure: { error: 'not-found' },
    })
  })
})
