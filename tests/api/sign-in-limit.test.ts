// Sign-in and sign-up attempts go through the app's one rate limiter (lib/rate-limit.ts), with
// their own words, whether they come to /api/auth/* or through the account pages' operations.
import { describe, expect, it } from 'vitest'
import { signIn, signUp } from '../../lib/auth/account-operations'
import { createAuth } from '../../lib/auth/auth'
import { failureMessage } from '../../lib/failures'
import { CLIENT_ADDRESS_HEADER } from '../../lib/http/client-address'
import { freshApp, makeUser, type TestApp } from '../support/app-database'

function limitedAuth(app: TestApp, max: number) {
  return createAuth(app.db, {
    secret: 'another-test-secret-another-test-secret-42',
    baseURL: 'http://127.0.0.1:3999',
    signInRateMax: max,
    signInRateWindowMs: 60_000,
  })
}

function from(ip: string): Headers {
  return new Headers({ [CLIENT_ADDRESS_HEADER]: ip, origin: 'http://127.0.0.1:3999' })
}

describe('sign-in attempts', () => {
  it('answers the JSON endpoint with 429, Retry-After and words about signing in', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 2)
    const attempt = () =>
      auth.handler(
        new Request('http://127.0.0.1:3999/api/auth/sign-in/email', {
          method: 'POST',
          headers: { ...Object.fromEntries(from('198.51.100.20')), 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password!' }),
        }),
      )
    expect((await attempt()).status).toBe(401)
    expect((await attempt()).status).toBe(401)
    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await limited.json()).message).toMatch(/trying to sign in too fast/)
  })

  it('counts the pages’ attempts too, per address and per email, even with the right password', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 2)
    const user = await makeUser(app)
    const email = user.caller.email
    const wrong = { email, password: 'not the password' }
    expect(await signIn({ auth, headers: from('198.51.100.21') }, wrong)).toMatchObject({ ok: false })
    expect(await signIn({ auth, headers: from('198.51.100.22') }, wrong)).toMatchObject({ ok: false })
    // A third address, the right password: the email's count is spent.
    const refused = await signIn(
      { auth, headers: from('198.51.100.23') },
      { email, password: 'correct horse battery' },
    )
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.failure).toMatchObject({ error: 'rate-limited', action: 'sign-in' })
    expect(failureMessage(refused.failure)).toMatch(
      /^You are trying to sign in too fast\. Try again in \d+ seconds\.$/,
    )
    const other = await makeUser(app)
    const fine = await signIn(
      { auth, headers: from('198.51.100.24') },
      { email: other.caller.email, password: 'correct horse battery', next: '/episodes/x' },
    )
    expect(fine).toEqual({ ok: true, value: { next: '/episodes/x' } })
  })

  it('never lets more than max of many concurrent attempts through', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 3)
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        signIn(
          { auth, headers: from('198.51.100.25') },
          { email: 'x@example.test', password: 'wrong password!' },
        ),
      ),
    )
    const limited = results.filter((result) => !result.ok && result.failure.error === 'rate-limited')
    expect(limited).toHaveLength(9)
  })
})

describe('sign-up attempts', () => {
  it('are limited with their own words, and calls without a client (the CLI) are not counted', async () => {
    const app = await freshApp()
    const auth = limitedAuth(app, 1)
    const account = (n: number) => ({
      name: `N${n}`,
      email: `new${n}@example.test`,
      password: 'long enough password',
    })
    expect((await signUp({ auth, headers: from('198.51.100.30') }, account(1))).ok).toBe(true)
    const refused = await signUp({ auth, headers: from('198.51.100.30') }, account(2))
    expect(refused).toMatchObject({ ok: false, failure: { error: 'rate-limited', action: 'sign-up' } })
    expect(failureMessage({ error: 'rate-limited', action: 'sign-up', retryAfterMs: 1 })).toMatch(
      /signing up too fast/,
    )
    for (const n of [3, 4, 5]) await auth.api.signUpEmail({ body: account(n) })
    expect(await app.db.user.count()).toBe(4)
  })
})
