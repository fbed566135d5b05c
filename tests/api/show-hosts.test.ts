// Hosts per show (issue 13 item 4): a host of show A gets 403 on show B's sentences, suggestions,
// imports, studio pages and comments, and 200 on A's; admins act on every show; the queues list
// only the caller's shows; a host who makes a show hosts it; a revoke takes effect at once.
import { describe, expect, it } from 'vitest'
import { NOT_HOST_OF_SHOW } from '../../lib/auth/policy'
import type { Caller } from '../../lib/auth/caller'
import { createCommentHandler, listEpisodeCommentsHandler } from '../../lib/api/comment-api'
import { editSentenceHandler, mergeSentenceHandler } from '../../lib/api/correction-api'
import { replaceHandler } from '../../lib/api/episode-corrections-api'
import { moderateCommentHandler, moderationQueueHandler } from '../../lib/api/moderation-api'
import { putTranscriptHandler } from '../../lib/api/studio-api'
import {
  acceptSuggestionHandler,
  createSuggestionHandler,
  listSuggestionsHandler,
} from '../../lib/api/suggestion-api'
import { createEpisode } from '../../lib/episodes/operations'
import { setCommentsEnabled } from '../../lib/moderation/operations'
import { createShow } from '../../lib/shows/operations'
import { studioEpisode, studioShow, studioShows } from '../../lib/studio/reads'
import { deleteGrant } from '../../lib/users/show-hosts'
import { buildEpisode, buildSentences, buildShow, writeEpisode } from '../../lib/seed/factories'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

/** The test app's show "show" (A), and a second show "other" (B) with one episode of two sentences. */
async function twoShows() {
  const app = await freshApp()
  writeEpisode(
    app.sqlite,
    buildEpisode({
      show: buildShow({ slug: 'other', title: 'Other show' }),
      slug: 'b-1',
      title: 'B one',
      transcript: { sentences: buildSentences(['Bee sentence one.', 'Bee sentence two.']) },
    }),
  )
  const showB = await app.db.show.findUniqueOrThrow({ where: { slug: 'other' } })
  const bSentences = await app.db.sentence.findMany({
    where: { episode: { slug: 'b-1' } },
    orderBy: { position: 'asc' },
    select: { id: true },
  })
  // A host of A only: test hosts start with every show, B's grant goes.
  const hostOfA = await makeUser(app, 'host')
  expect((await deleteGrant(app.sqlite, hostOfA.caller.id, showB.id)).ok).toBe(true)
  const admin = await makeUser(app, 'admin')
  const listener = await makeUser(app)
  return { app, showB, bSentenceIds: bSentences.map((row) => row.id), hostOfA, admin, listener }
}

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, caller, ip: '203.0.113.7' }
}

const patch = (app: TestApp, id: number, token: string, body: unknown) =>
  editSentenceHandler(app, apiRequest('PATCH', `/api/sentences/${id}`, { token, body }), String(id))

async function expectNotHost(response: Response) {
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({ error: NOT_HOST_OF_SHOW })
}

describe('a host of show A on show B', () => {
  it("gets 403 on B's sentences (edit, merge, find/replace) and changes nothing; 200 on A's", async () => {
    const { app, bSentenceIds, hostOfA, admin } = await twoShows()
    const [b1, b2] = bSentenceIds as [number, number]
    await expectNotHost(await patch(app, b1, hostOfA.token, { text: 'Hijacked.', version: 1 }))
    await expectNotHost(
      await mergeSentenceHandler(
        app,
        apiRequest('POST', '/x', { token: hostOfA.token, body: { version: 1 } }),
        String(b1),
      ),
    )
    const replace = (slug: string, token: string) =>
      replaceHandler(
        app,
        apiRequest('POST', '/x', { token, body: { find: 'sentence', replace: 'line', apply: true } }),
        slug,
      )
    await expectNotHost(await replace('b-1', hostOfA.token))
    // Checked before the body: a host of A learns nothing more from a bad body on B.
    await expectNotHost(await patch(app, b2, hostOfA.token, { text: '', version: 'x' }))
    const texts = await app.db.sentence.findMany({ where: { id: { in: [b1, b2] } }, orderBy: { id: 'asc' } })
    expect(texts.map((row) => [row.text, row.version])).toEqual([
      ['Bee sentence one.', 1],
      ['Bee sentence two.', 1],
    ])
    // The same host on A, and an admin (no grant needed) on B.
    expect(
      (await patch(app, app.sentenceIds[0]!, hostOfA.token, { text: 'A fixed.', version: 1 })).status,
    ).toBe(200)
    expect((await replace('ep-1', hostOfA.token)).status).toBe(200)
    expect((await patch(app, b1, admin.token, { text: 'Admin fixed.', version: 1 })).status).toBe(200)
    // A missing sentence is still 404, not 403.
    expect((await patch(app, 999999, hostOfA.token, { text: 'x', version: 1 })).status).toBe(404)
  })

  it("gets 403 accepting B's suggestions and sees only A's in the queue", async () => {
    const { app, bSentenceIds, hostOfA, listener } = await twoShows()
    const suggest = async (sentenceId: number, text: string) => {
      const response = await createSuggestionHandler(
        app,
        apiRequest('POST', '/x', { token: listener.token, body: { text } }),
        String(sentenceId),
      )
      expect(response.status).toBe(201)
      return (await response.json()).suggestion as { id: number }
    }
    const onB = await suggest(bSentenceIds[0]!, 'Bee sentence, better.')
    const onA = await suggest(app.sentenceIds[0]!, 'First sentence, better.')
    const queue = await listSuggestionsHandler(app, apiRequest('GET', '/x', { token: hostOfA.token }))
    expect((await queue.json()).suggestions.map((s: { id: number }) => s.id)).toEqual([onA.id])
    const accept = (id: number) =>
      acceptSuggestionHandler(app, apiRequest('POST', '/x', { token: hostOfA.token, body: {} }), String(id))
    await expectNotHost(await accept(onB.id))
    expect(await app.db.suggestion.findUniqueOrThrow({ where: { id: onB.id } })).toMatchObject({
      status: 'pending',
    })
    expect((await accept(onA.id)).status).toBe(200)
  })

  it("gets 403 importing into B's episodes; 200 into A's", async () => {
    const { app, hostOfA } = await twoShows()
    const put = (slug: string) => {
      const request = apiRequest('PUT', `/api/episodes/${slug}/transcript?fileName=x.vtt`, {
        token: hostOfA.token,
        rawBody: 'WEBVTT\n\n00:00.000 --> 00:02.000\nReplaced.\n',
      })
      request.headers.set('content-type', 'text/vtt')
      return putTranscriptHandler(app, request, slug)
    }
    await expectNotHost(await put('b-1'))
    const b = await app.db.sentence.findMany({ where: { episode: { slug: 'b-1' } }, select: { text: true } })
    expect(b.map((row) => row.text)).toEqual(['Bee sentence one.', 'Bee sentence two.'])
    expect((await put('ep-2')).status).toBe(200)
  })

  it('sees only A in the studio, and gets 403 on B and its episodes there', async () => {
    const { app, hostOfA, admin } = await twoShows()
    const host = as(app, hostOfA.caller)
    expect(await studioShows(host)).toMatchObject({ ok: true, value: [{ slug: 'show' }] })
    const refused = { ok: false, failure: { error: 'forbidden', need: 'host', message: NOT_HOST_OF_SHOW } }
    expect(await studioShow(host, { slug: 'other' })).toEqual(refused)
    expect(await studioEpisode(host, { slug: 'b-1' })).toEqual(refused)
    expect(await createEpisode(host, { showSlug: 'other', body: { title: 'Sneaky' } })).toEqual(refused)
    expect(await studioShow(host, { slug: 'show' })).toMatchObject({ ok: true, value: { slug: 'show' } })
    expect(await studioEpisode(host, { slug: 'ep-1' })).toMatchObject({ ok: true, value: { slug: 'ep-1' } })
    const everything = await studioShows(as(app, admin.caller))
    expect(everything.ok && everything.value.map((show) => show.slug)).toEqual(['other', 'show'])
  })

  it("moderates only A's comments: B's are not in the queue, and hiding one or switching B off is 403", async () => {
    const app = await freshApp({ holdFirst: 1 })
    writeEpisode(
      app.sqlite,
      buildEpisode({
        show: buildShow({ slug: 'other', title: 'Other show' }),
        slug: 'b-1',
        title: 'B one',
        transcript: { sentences: buildSentences(['Bee sentence one.']) },
      }),
    )
    const showB = await app.db.show.findUniqueOrThrow({ where: { slug: 'other' } })
    const hostOfA = await makeUser(app, 'host')
    await deleteGrant(app.sqlite, hostOfA.caller.id, showB.id)
    const bSentence = await app.db.sentence.findFirstOrThrow({ where: { episode: { slug: 'b-1' } } })
    const comment = async (sentenceId: number, body: string) => {
      const author = await makeUser(app)
      const response = await createCommentHandler(
        app,
        apiRequest('POST', '/x', { token: author.token, body: { body } }),
        String(sentenceId),
      )
      expect(response.status).toBe(201)
      return (await response.json()).comment as { id: number; status: string }
    }
    // Each listener's first comment is held for a host.
    const heldOnB = await comment(bSentence.id, 'Held on B.')
    const heldOnA = await comment(app.sentenceIds[0]!, 'Held on A.')
    expect(heldOnB.status).toBe('held')
    const queue = await moderationQueueHandler(app, apiRequest('GET', '/x', { token: hostOfA.token }))
    expect((await queue.json()).items.map((item: { comment: { id: number } }) => item.comment.id)).toEqual([
      heldOnA.id,
    ])
    const moderate = (id: number) =>
      moderateCommentHandler(
        app,
        apiRequest('POST', '/x', { token: hostOfA.token, body: { action: 'approve' } }),
        String(id),
      )
    await expectNotHost(await moderate(heldOnB.id))
    expect((await moderate(heldOnA.id)).status).toBe(200)
    expect(
      await setCommentsEnabled(as(app, hostOfA.caller), { slug: 'b-1', body: { commentsEnabled: false } }),
    ).toEqual({
      ok: false,
      failure: { error: 'forbidden', need: 'host', message: NOT_HOST_OF_SHOW },
    })
    // B's held comment stays out of sight for a host of A reading B, as for any listener.
    const onB = await listEpisodeCommentsHandler(
      app,
      apiRequest('GET', '/x', { token: hostOfA.token }),
      'b-1',
    )
    expect((await onB.json()).comments).toEqual([])
  })

  it('hosts a show they make, and loses a show the moment its grant is revoked', async () => {
    const { app, hostOfA } = await twoShows()
    const host = as(app, hostOfA.caller)
    expect(await createShow(host, { title: 'Fresh show' })).toMatchObject({ ok: true })
    expect(await createEpisode(host, { showSlug: 'fresh-show', body: { title: 'Pilot' } })).toMatchObject({
      ok: true,
    })
    const showA = await app.db.show.findUniqueOrThrow({ where: { slug: 'show' } })
    await deleteGrant(app.sqlite, hostOfA.caller.id, showA.id)
    await expectNotHost(await patch(app, app.sentenceIds[1]!, hostOfA.token, { text: 'Late.', version: 1 }))
  })
})
