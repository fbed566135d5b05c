// Accounts: the session cookie's attributes, cookie-authenticated API calls, API tokens
// stored only as hashes, and roles that cannot be chosen at sign-up.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { hashApiToken } from '../../lib/auth/api-tokens'
import { createAuth } from '../../lib/auth/auth'
import { NextPathSchema } from '../../lib/auth/schemas'
import { CLIENT_ADDRESS_HEADER } from '../../lib/http/client-address'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

/** Signs up, then signs in: the sign-in response carries the session cookie. */
async function signedIn(app: TestApp, email: string, name: string): Promise<Response> {
  await app.auth.api.signUpEmail({ body: { email, password: 'long enough password', name } })
  return app.auth.api.signInEmail({ body: { email, password: 'long enough password' }, asResponse: true })
}

describe('sessions', () => {
  it('signs in (after signing up) with an httpOnly SameSite=Lax cookie that authenticates API calls', async () => {
    const app = await freshApp()
    // Sign-up signs nobody in (it must not tell a new email from a taken one); sign-in does.
    const response = await signedIn(app, 'cookie@example.test', 'Cookie')
    expect(response.status).toBe(200)
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Max-Age=\d+/i)
    const cookie = setCookie.split(';')[0]!
    const created = await createCommentHandler(
      app,
      apiRequest('POST', '/x', { cookie, body: { body: 'via cookie' } }),
      String(app.sentenceIds[0]),
    )
    expect(created.status).toBe(201)
    expect((await created.json()).comment.author.name).toBe('Cookie')
  })

  it('stores passwords hashed and refuses a wrong password', async () => {
    const app = await freshApp()
    await makeUser(app)
    const account = await app.db.account.findFirstOrThrow({ where: { providerId: 'credential' } })
    expect(account.password).not.toContain('correct horse battery')
    const user = await app.db.user.findFirstOrThrow()
    await expect(
      app.auth.api.signInEmail({ body: { email: user.email, password: 'wrong password!' } }),
    ).rejects.toThrow()
  })

  it('ignores a role sent at sign-up: new accounts are listeners', async () => {
    const app = await freshApp()
    await app.auth.api
      .signUpEmail({
        body: {
          email: 'sneaky@example.test',
          password: 'long enough password',
          name: 'S',
          role: 'admin',
        } as never,
      })
      .catch(() => undefined)
    const user = await app.db.user.findUnique({ where: { email: 'sneaky@example.test' } })
    expect(user?.role ?? 'listener').toBe('listener')
  })
})

describe('display names', () => {
  it('cuts an overlong display name from sign-up to 60 characters', async () => {
    const app = await freshApp()
    await app.auth.api.signUpEmail({
      body: { email: 'long@example.test', password: 'long enough password', name: `  ${'n'.repeat(500)}` },
    })
    const user = await app.db.user.findUniqueOrThrow({ where: { email: 'long@example.test' } })
    expect(user.name).toBe('n'.repeat(60))
  })
})

describe('the /api/auth endpoints', () => {
  it('rate-limits sign-in attempts per IP with 429, counting in SQLite', async () => {
    const app = await freshApp()
    const limited = {
      ...app,
      auth: createAuth(app.db, {
        secret: 'another-test-secret-another-test-secret-42',
        baseURL: 'http://127.0.0.1:3999',
        signInRateMax: 3,
        signInRateWindowMs: 60_000,
      }),
    }
    const attempt = () =>
      limited.auth.handler(
        new Request('http://127.0.0.1:3999/api/auth/sign-in/email', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CLIENT_ADDRESS_HEADER]: '198.51.100.9',
            origin: 'http://127.0.0.1:3999',
          },
          body: JSON.stringify({ email: 'nobody@example.test', password: 'wrong password!' }),
        }),
      )
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).status)
    expect(statuses.slice(0, 3).every((status) => status === 401)).toBe(true)
    expect(statuses[3]).toBe(429)
    // The app's one limiter counts sign-in now (lib/rate-limit.ts), not better-auth's own.
    expect(await app.db.rateCounter.count()).toBeGreaterThan(0)
  })

  it('ignores the session cookie on a request from another origin', async () => {
    const app = await freshApp()
    const response = await signedIn(app, 'csrf@example.test', 'C')
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!
    const request = apiRequest('POST', '/x', { cookie, body: { body: 'forged' } })
    request.headers.set('origin', 'https://evil.example')
    request.headers.set('host', '127.0.0.1:3999')
    expect((await createCommentHandler(app, request, String(app.sentenceIds[0]))).status).toBe(401)
    // Host and X-Forwarded-Host are the sender's words: "our" origin is the configured one.
    const spoofed = apiRequest('POST', '/x', { cookie, body: { body: 'forged' } })
    spoofed.headers.set('origin', 'http://evil.example')
    spoofed.headers.set('host', 'evil.example')
    spoofed.headers.set('x-forwarded-host', 'evil.example')
    expect((await createCommentHandler(app, spoofed, String(app.sentenceIds[0]))).status).toBe(401)
    const ours = apiRequest('POST', '/x', { cookie, body: { body: 'from our page' } })
    ours.headers.set('origin', 'http://127.0.0.1:3999')
    expect((await createCommentHandler(app, ours, String(app.sentenceIds[0]))).status).toBe(201)
  })

  it('only redirects to paths on this site after sign-in', () => {
    expect(NextPathSchema.parse('/episodes/x#s-1')).toBe('/episodes/x#s-1')
    for (const evil of ['//evil.example', 'https://evil.example', '/\\evil.example', undefined]) {
      expect(NextPathSchema.parse(evil)).toBe('/')
    }
  })
})

describe('API tokens', () => {
  it('keeps only the sha256 of a token', async () => {
    const app = await freshApp()
    const { token } = await makeUser(app)
    const rows = await app.db.apiToken.findMany()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.tokenHash).toBe(hashApiToken(token))
    expect(rows[0]!.tokenHash).not.toContain(token)
  })
})
