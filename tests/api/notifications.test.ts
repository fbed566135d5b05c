// The inbox (issue 13 item 5): a reply notifies the parent comment's author and a host's
// decision notifies the suggestion's author, in the same transaction, never for one's own act;
// the unread count, opening an entry (marks it read) and "mark all read"; pages newest first.
import { describe, expect, it } from 'vitest'
import { createCommentHandler } from '../../lib/api/comment-api'
import {
  acceptSuggestionHandler,
  createSuggestionHandler,
  rejectSuggestionHandler,
} from '../../lib/api/suggestion-api'
import type { Caller } from '../../lib/auth/caller'
import {
  inbox,
  INBOX_PAGE_SIZE,
  markAllRead,
  openInboxEntry,
  unreadCount,
} from '../../lib/notifications/operations'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, caller, ip: '203.0.113.7' }
}

async function comment(app: TestApp, token: string, body: string, parentId?: number): Promise<number> {
  const sentenceId = String(app.sentenceIds[1])
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: parentId ? { body, parentId } : { body } }),
    sentenceId,
  )
  expect(response.status).toBe(201)
  return (await response.json()).comment.id
}

async function suggest(app: TestApp, token: string, text: string): Promise<number> {
  const response = await createSuggestionHandler(
    app,
    apiRequest('POST', '/x', { token, body: { text } }),
    String(app.sentenceIds[0]),
  )
  expect(response.status).toBe(201)
  return (await response.json()).suggestion.id
}

async function entries(app: TestApp, caller: Caller) {
  const page = await inbox(as(app, caller))
  if (!page.ok) throw new Error(JSON.stringify(page.failure))
  return page.value
}

describe('the inbox', () => {
  it('tells a comment’s author about a reply, never the replier about their own', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const parent = await comment(app, ana.token, 'What a line.')
    await comment(app, ana.token, 'Replying to myself.', parent)
    expect(unreadCount(as(app, ana.caller))).toBe(0)

    await comment(app, ben.token, 'Agreed, <b>fully</b>.', parent)
    expect(unreadCount(as(app, ana.caller))).toBe(1)
    expect(unreadCount(as(app, ben.caller))).toBe(0)
    const page = await entries(app, ana.caller)
    expect(page.unread).toBe(1)
    expect(page.entries).toEqual([
      expect.objectContaining({
        kind: 'reply',
        actorName: ben.caller.name,
        episodeTitle: 'Episode one',
        href: `/episodes/ep-1#s-${app.sentenceIds[1]}`,
        excerpt: 'Agreed, <b>fully</b>.',
        readAt: null,
      }),
    ])
    // Ben wrote the reply: nothing for him.
    expect((await entries(app, ben.caller)).entries).toEqual([])
  })

  it('does not tell about a reply held for review', async () => {
    const app = await freshApp({ holdFirst: 5 })
    const host = await makeUser(app, 'host')
    const newcomer = await makeUser(app)
    // Hosts are never held; the newcomer's first comments are.
    const parent = await comment(app, host.token, 'Welcome, all.')
    const reply = await comment(app, newcomer.token, 'Thanks!', parent)
    expect((await app.db.comment.findUniqueOrThrow({ where: { id: reply } })).status).toBe('held')
    expect(unreadCount(as(app, host.caller))).toBe(0)
  })

  it('tells a suggestion’s author when a host accepts or rejects it, not a host reviewing their own', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const host = await makeUser(app, 'host')
    const post = (token: string, body: unknown = {}) => apiRequest('POST', '/x', { token, body })
    const first = await suggest(app, ana.token, 'First sentence, fixed.')
    const second = await suggest(app, ana.token, 'First sentence, fixed differently.')
    const own = await suggest(app, host.token, 'First sentence, by the host.')

    expect((await acceptSuggestionHandler(app, post(host.token), String(first))).status).toBe(200)
    // Reviewed already: refused, and no second entry.
    expect((await acceptSuggestionHandler(app, post(host.token), String(first))).status).toBe(409)
    const rejected = await rejectSuggestionHandler(
      app,
      post(host.token, { reason: 'Not what is said.' }),
      String(second),
    )
    expect(rejected.status).toBe(200)
    expect(
      (await rejectSuggestionHandler(app, post(host.token, { reason: 'Mine.' }), String(own))).status,
    ).toBe(200)

    const page = await entries(app, ana.caller)
    expect(page.entries.map((entry) => [entry.kind, entry.excerpt, entry.note, entry.actorName])).toEqual([
      ['suggestion-rejected', 'First sentence, fixed differently.', 'Not what is said.', host.caller.name],
      ['suggestion-accepted', 'First sentence, fixed.', '', host.caller.name],
    ])
    expect(page.entries[0]!.href).toBe(`/episodes/ep-1#s-${app.sentenceIds[0]}`)
    expect(unreadCount(as(app, host.caller))).toBe(0)
  })

  it('marks an entry read when opened, and all of them on request; others’ entries stay out of reach', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const parent = await comment(app, ana.token, 'Three replies, please.')
    for (const body of ['One.', 'Two.', 'Three.']) await comment(app, ben.token, body, parent)
    const page = await entries(app, ana.caller)
    expect(page.entries.map((entry) => entry.excerpt)).toEqual(['Three.', 'Two.', 'One.'])
    expect(page.unread).toBe(3)

    const newest = page.entries[0]!
    expect(await openInboxEntry(as(app, ben.caller), { id: newest.id })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'notification' },
    })
    expect(await openInboxEntry(as(app, null), { id: newest.id })).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    expect(await openInboxEntry(as(app, ana.caller), { id: newest.id })).toEqual({
      ok: true,
      value: { href: newest.href },
    })
    expect(unreadCount(as(app, ana.caller))).toBe(2)
    // Opening again is harmless.
    expect((await openInboxEntry(as(app, ana.caller), { id: String(newest.id) })).ok).toBe(true)
    expect(unreadCount(as(app, ana.caller))).toBe(2)

    expect(await markAllRead(as(app, ana.caller))).toEqual({ ok: true, value: { marked: 2 } })
    expect(unreadCount(as(app, ana.caller))).toBe(0)
    expect((await entries(app, ana.caller)).entries.every((entry) => entry.readAt instanceof Date)).toBe(true)
    expect(await markAllRead(as(app, null))).toEqual({ ok: false, failure: { error: 'unauthenticated' } })
  })

  it('pages newest first, a bounded page at a time', async () => {
    const app = await freshApp()
    const ana = await makeUser(app)
    const ben = await makeUser(app)
    const parent = await comment(app, ana.token, 'Paging.')
    const reply = await comment(app, ben.token, 'A reply.', parent)
    // More entries than a page, written as notify.ts writes them.
    const insert = app.sqlite.prepare(
      `INSERT INTO Notification (recipientId, actorId, kind, episodeId, sentenceId, commentId, createdAt)
       VALUES (?, ?, 'reply', ?, ?, ?, ?)`,
    )
    for (let i = 0; i < INBOX_PAGE_SIZE + 4; i++)
      insert.run(
        ana.caller.id,
        ben.caller.id,
        app.episode.id,
        app.sentenceIds[1],
        reply,
        new Date().toISOString(),
      )
    const first = await entries(app, ana.caller)
    expect(first.entries).toHaveLength(INBOX_PAGE_SIZE)
    expect(first.unread).toBe(INBOX_PAGE_SIZE + 5)
    expect(first.nextBefore).toBe(first.entries.at(-1)!.id)
    const ids = first.entries.map((entry) => entry.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    const second = await inbox(as(app, ana.caller), { before: String(first.nextBefore) })
    if (!second.ok) throw new Error('no second page')
    expect(second.value.entries).toHaveLength(5)
    expect(second.value.entries[0]!.id).toBeLessThan(first.nextBefore!)
    expect(second.value.nextBefore).toBeNull()
    // A malformed cursor is the first page, not an error.
    const odd = await inbox(as(app, ana.caller), { before: 'x' })
    expect(odd.ok && odd.value.entries[0]!.id).toBe(ids[0])
  })
})
