// Spam control: per-account and per-IP limits answer 429 with Retry-After and affect no one
// else; the same text twice is refused.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

function post(app: TestApp, token: string, body: string, ip = '203.0.113.7') {
  return createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: { body }, ip }),
    String(app.sentenceIds[0]),
  )
}

describe('rate limits', () => {
  it('answers 429 with Retry-After past the per-account limit, without affecting other accounts', async () => {
    const app = await freshApp({ accountRule: { max: 2, windowMs: 60_000 } })
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    expect((await post(app, ana.token, 'one')).status).toBe(201)
    expect((await post(app, ana.token, 'two')).status).toBe(201)
    const limited = await post(app, ana.token, 'three')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await limited.json()).error).toMatch(/too fast/)
    expect((await post(app, ben.token, 'unaffected')).status).toBe(201)
    expect(await app.db.comment.count()).toBe(3)
  })

  it('answers 429 past the per-IP limit, whichever account posts, and not for another IP', async () => {
    const app = await freshApp({ ipRule: { max: 2, windowMs: 60_000 } })
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    expect((await post(app, ana.token, 'one')).status).toBe(201)
    expect((await post(app, ben.token, 'two')).status).toBe(201)
    expect((await post(app, ben.token, 'three')).status).toBe(429)
    expect((await post(app, ben.token, 'four', '198.51.100.1')).status).toBe(201)
  })
})

describe('repeated comments', () => {
  it('refuses the same text from the same author (409) but not from someone else', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    expect((await post(app, ana.token, 'First!')).status).toBe(201)
    const again = await post(app, ana.token, 'First!')
    expect(again.status).toBe(409)
    expect((await again.json()).error).toMatch(/already posted/)
    expect((await post(app, ben.token, 'First!')).status).toBe(201)
  })
})
