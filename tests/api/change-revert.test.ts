// History as changes (issue 13 item 3) through the real handlers: a find/replace over five
// sentences is one change that reverts in one request; split and merge revert with their
// comments following their quotes; a sentence changed since is a conflict and nothing is
// written; a revert of a revert redoes; only a host of the show may revert.
import { describe, expect, it } from 'vitest'
import { episodeChangesHandler, revertChangeHandler } from '../../lib/api/change-api'
import { createCommentHandler } from '../../lib/api/comment-api'
import { editSentenceHandler, mergeSentenceHandler, splitSentenceHandler } from '../../lib/api/correction-api'
import { renameSpeakerHandler, replaceHandler } from '../../lib/api/episode-corrections-api'
import { importTranscript } from '../../lib/import/import-transcript'
import { buildEpisode, buildSentences, buildShow, writeEpisode } from '../../lib/seed/factories'
import { apiRequest, freshApp, makeUser, type TestApp } from '../support/app-database'

const FIVE = [
  'Brian Okin opens the show.',
  'Then Okin reads the news.',
  'Nobody else is here today.',
  'Okin thanks the guests.',
  'Okin plays a song.',
  'Okin says goodbye.',
]

async function withFiveOkins(app: TestApp): Promise<string> {
  writeEpisode(
    app.sqlite,
    buildEpisode({
      show: buildShow({ slug: 'show', title: 'Show' }),
      slug: 'okin',
      transcript: { sentences: buildSentences(FIVE, { speaker: 'Brian' }) },
    }),
  )
  return 'okin'
}

interface Row {
  id: number
  text: string
  speaker: string | null
  startMs: number
  endMs: number | null
  position: number
}

async function sentences(app: TestApp, slug: string): Promise<Row[]> {
  return app.db.sentence.findMany({
    where: { episode: { slug } },
    orderBy: { position: 'asc' },
    select: { id: true, text: true, speaker: true, startMs: true, endMs: true, position: true },
  })
}

async function changes(app: TestApp, slug: string, query = '') {
  const response = await episodeChangesHandler(app, apiRequest('GET', `/x${query}`), slug)
  return { status: response.status, body: await response.json() }
}

async function revert(app: TestApp, token: string | undefined, changeId: number | string) {
  const response = await revertChangeHandler(
    app,
    apiRequest('POST', '/x', { token, body: {} }),
    String(changeId),
  )
  return { status: response.status, body: await response.json() }
}

async function comment(app: TestApp, token: string, sentenceId: number, body: string): Promise<number> {
  const response = await createCommentHandler(
    app,
    apiRequest('POST', '/x', { token, body: { body } }),
    String(sentenceId),
  )
  expect(response.status).toBe(201)
  return (await response.json()).comment.id
}

async function sentenceOf(app: TestApp, commentId: number): Promise<number | null> {
  return (await app.db.comment.findUniqueOrThrow({ where: { id: commentId } })).sentenceId
}

async function replaceOkin(app: TestApp, token: string, slug: string) {
  const response = await replaceHandler(
    app,
    apiRequest('POST', '/x', { token, body: { find: 'Okin', replace: 'Okken', apply: true } }),
    slug,
  )
  expect(response.status).toBe(200)
  const [latest] = (await changes(app, slug)).body.changes
  return latest
}

describe('a find/replace is one change that reverts as one', () => {
  it('reverts all five sentences in one request, writing a revert change, and redoes on a revert of it', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const slug = await withFiveOkins(app)
    const before = await sentences(app, slug)

    const replaced = await replaceOkin(app, host.token, slug)
    expect(replaced).toMatchObject({ kind: 'replace', author: { id: host.caller.id }, revertOfId: null })
    expect(replaced.revisions).toHaveLength(5)
    expect(replaced.revisions.every((r: { changeId: number }) => r.changeId === replaced.id)).toBe(true)
    expect((await sentences(app, slug)).filter((s) => s.text.includes('Okken'))).toHaveLength(5)

    const reverted = await revert(app, host.token, replaced.id)
    expect(reverted.status).toBe(200)
    expect(reverted.body).toMatchObject({ revertOfId: replaced.id, sentences: 5 })
    expect((await sentences(app, slug)).map((s) => s.text)).toEqual(before.map((s) => s.text))
    // Five revisions of kind revert, all in the new change, which points at the reverted one.
    const revertRevisions = await app.db.revision.findMany({ where: { changeId: reverted.body.changeId } })
    expect(revertRevisions).toHaveLength(5)
    expect(revertRevisions.every((r) => r.kind === 'revert' && r.authorId === host.caller.id)).toBe(true)
    const listed = (await changes(app, slug)).body.changes
    expect(listed.map((c: { kind: string }) => c.kind)).toEqual(['revert', 'replace'])
    expect(listed[1].revertedByIds).toEqual([reverted.body.changeId])

    // Nothing left to undo: a second revert of the same change is refused, nothing written.
    const again = await revert(app, host.token, replaced.id)
    expect(again.status).toBe(422)
    expect(again.body.error).toMatch(/Nothing to revert/)
    expect(await app.db.revisionChange.count({ where: { episode: { slug } } })).toBe(2)

    // A revert of the revert is a redo.
    const redo = await revert(app, host.token, reverted.body.changeId)
    expect(redo.status).toBe(200)
    expect((await sentences(app, slug)).filter((s) => s.text.includes('Okken'))).toHaveLength(5)
  })

  it('refuses with 409 and writes nothing when a sentence changed since; a later speaker fix is safe', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const slug = await withFiveOkins(app)
    const replaced = await replaceOkin(app, host.token, slug)
    const rows = await sentences(app, slug)
    const [first, second] = rows.filter((s) => s.text.includes('Okken'))
    // Someone fixes the second sentence's wording after the replacement.
    const edited = await editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', {
        token: host.token,
        body: { text: 'Then Okken reads the weather.', version: 2 },
      }),
      String(second!.id),
    )
    expect(edited.status).toBe(200)
    const changesBefore = await app.db.revisionChange.count()

    const refused = await revert(app, host.token, replaced.id)
    expect(refused.status).toBe(409)
    expect(refused.body.error).toContain(`Sentence ${second!.id} changed after change ${replaced.id}`)
    expect(refused.body.current).toMatchObject({ id: second!.id, text: 'Then Okken reads the weather.' })
    // All or nothing: no sentence went back, no change or revision was written.
    expect((await sentences(app, slug)).filter((s) => s.text.includes('Okken'))).toHaveLength(5)
    expect(await app.db.revisionChange.count()).toBe(changesBefore)

    // Reverting the later edit first makes the whole change revertible again.
    const [edit] = (await changes(app, slug, `?kind=edit&sentence=${second!.id}`)).body.changes
    expect((await revert(app, host.token, edit.id)).status).toBe(200)
    // A speaker fix after the replacement touches no field the replacement set: safe, and kept.
    const renamed = await renameSpeakerHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { from: 'Brian', to: 'Brian Okken' } }),
      slug,
    )
    expect(renamed.status).toBe(200)
    expect((await revert(app, host.token, replaced.id)).status).toBe(200)
    const after = await sentences(app, slug)
    expect(after.map((s) => s.text)).toEqual(FIVE)
    expect(after.every((s) => s.speaker === 'Brian Okken')).toBe(true)
    expect(after.find((s) => s.id === first!.id)!.text).toBe(FIVE[0])
  })
})

/** A WebVTT file, one cue of 5 s per sentence at its place in FIVE (so kept sentences keep their times). */
function vtt(texts: readonly (string | null)[]): string {
  const time = (ms: number) => `00:00:${String(ms / 1000).padStart(2, '0')}.000`
  const cues = texts.flatMap((text, index) =>
    text === null ? [] : [`${time(index * 5000)} --> ${time(index * 5000 + 4000)}\n<v Brian>${text}`],
  )
  return `WEBVTT\n\n${cues.join('\n\n')}\n`
}

describe('a re-import is one change that reverts as one', () => {
  it('puts back what the re-import rewrote and dropped, and takes out what it added', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    importTranscript(app.sqlite, { name: 'radio.vtt', content: vtt(FIVE) }, { showSlug: 'show' })
    const before = await sentences(app, 'radio')
    const dropped = before[2]!
    const onDropped = await comment(app, listener.token, dropped.id, 'nobody?')
    // The new file rewrites the second sentence, drops the third and adds one at the end.
    const next = [
      FIVE[0]!,
      'Then Okin reads the weather.',
      null,
      FIVE[3]!,
      FIVE[4]!,
      FIVE[5]!,
      'A new closing line.',
    ]
    const summary = importTranscript(
      app.sqlite,
      { name: 'radio.vtt', content: vtt(next) },
      { showSlug: 'show', replace: true, source: 'radio-v2.vtt' },
    )
    expect(summary.reimport).toMatchObject({ changed: 1, added: 1, removed: 1 })
    const [reimport] = (await changes(app, 'radio')).body.changes
    expect(reimport).toMatchObject({ kind: 'import', reason: 'Re-imported from radio-v2.vtt' })
    expect(reimport.revisions).toHaveLength(3)

    const reverted = await revert(app, host.token, reimport.id)
    expect(reverted.status).toBe(200)
    expect(reverted.body.sentences).toBe(3)
    const after = await sentences(app, 'radio')
    expect(after.map(({ text, startMs }) => ({ text, startMs }))).toEqual(
      before.map(({ text, startMs }) => ({ text, startMs })),
    )
    expect(after.map((s) => s.position)).toEqual([0, 1, 2, 3, 4, 5])
    // The dropped sentence is back (a new id), and its comment with it.
    expect(await sentenceOf(app, onDropped)).toBe(after[2]!.id)
  })
})

describe('split and merge revert', () => {
  it('reverts a split by merging back: one sentence, its old end, every comment on it', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const id = app.sentenceIds[0]!
    await editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', {
        token: host.token,
        body: { text: 'Hello there. Brian Okin said so.', version: 1 },
      }),
      String(id),
    )
    const whole = (await sentences(app, 'ep-1'))[0]!
    const onWhole = await comment(app, listener.token, id, 'on the whole')
    const split = await splitSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { at: 13, version: 2 } }),
      String(id),
    )
    expect(split.status).toBe(201)
    const { second } = await split.json()
    const onSecond = await comment(app, listener.token, second.id, 'about Brian')
    const [splitChange] = (await changes(app, 'ep-1', '?kind=split')).body.changes
    expect(splitChange.revisions).toHaveLength(2)

    const reverted = await revert(app, host.token, splitChange.id)
    expect(reverted.status).toBe(200)
    const after = await sentences(app, 'ep-1')
    expect(after.map((s) => s.text)).toEqual([
      'Hello there. Brian Okin said so.',
      'Second sentence.',
      'Third one.',
    ])
    expect(after.map((s) => s.position)).toEqual([0, 1, 2])
    expect(after[0]).toMatchObject({ id, startMs: whole.startMs, endMs: whole.endMs })
    expect(await app.db.sentence.findUnique({ where: { id: second.id } })).toBeNull()
    expect([await sentenceOf(app, onWhole), await sentenceOf(app, onSecond)]).toEqual([id, id])

    // Redo: split again where it was split, the comment on the second half's words goes with them.
    const redo = await revert(app, host.token, reverted.body.changeId)
    expect(redo.status).toBe(200)
    const again = await sentences(app, 'ep-1')
    expect(again.map((s) => s.text)).toEqual([
      'Hello there.',
      'Brian Okin said so.',
      'Second sentence.',
      'Third one.',
    ])
    expect(again[1]!.startMs).toBe(second.startMs)
  })

  it('reverts a merge by splitting at the old boundary with the old texts and times; comments go back by quote', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    const [firstId, secondId] = app.sentenceIds as [number, number]
    const before = await sentences(app, 'ep-1')
    const onFirst = await comment(app, listener.token, firstId, 'first thoughts')
    const onSecond = await comment(app, listener.token, secondId, 'second thoughts')
    const alsoOnSecond = await comment(app, listener.token, secondId, 'more on the second')
    const merged = await mergeSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { version: 1 } }),
      String(firstId),
    )
    expect(merged.status).toBe(200)
    expect([await sentenceOf(app, onSecond), await sentenceOf(app, alsoOnSecond)]).toEqual([firstId, firstId])
    const [mergeChange] = (await changes(app, 'ep-1', '?kind=merge')).body.changes
    // The kept sentence's revision and the removed one's (its text to empty), one change.
    expect(mergeChange.revisions.map((r: { after: { text: string } }) => r.after.text)).toEqual([
      'First sentence. Second sentence.',
      '',
    ])

    const reverted = await revert(app, host.token, mergeChange.id)
    expect(reverted.status).toBe(200)
    const after = await sentences(app, 'ep-1')
    expect(
      after.map(({ text, speaker, startMs, endMs, position }) => ({
        text,
        speaker,
        startMs,
        endMs,
        position,
      })),
    ).toEqual(
      before.map(({ text, speaker, startMs, endMs, position }) => ({
        text,
        speaker,
        startMs,
        endMs,
        position,
      })),
    )
    expect(after[0]!.id).toBe(firstId)
    const restored = after[1]!.id
    expect(await sentenceOf(app, onFirst)).toBe(firstId)
    expect([await sentenceOf(app, onSecond), await sentenceOf(app, alsoOnSecond)]).toEqual([
      restored,
      restored,
    ])
    // The search index follows: the restored sentence is found by its words.
    const hits = app.sqlite
      .prepare(`SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH 'second' ORDER BY rowid`)
      .all() as { rowid: number }[]
    expect(hits.map((hit) => hit.rowid)).toEqual([restored])

    // Redo merges again, with every comment on the merged sentence.
    expect((await revert(app, host.token, reverted.body.changeId)).status).toBe(200)
    expect((await sentences(app, 'ep-1')).map((s) => s.text)).toEqual([
      'First sentence. Second sentence.',
      'Third one.',
    ])
    expect(await sentenceOf(app, onSecond)).toBe(firstId)
  })

  it('refuses to revert a split whose second half was edited since (409)', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const id = app.sentenceIds[0]!
    const split = await splitSentenceHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { at: 6, version: 1 } }),
      String(id),
    )
    const { second } = await split.json()
    await editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', { token: host.token, body: { text: 'sentences, here.', version: 1 } }),
      String(second.id),
    )
    const [splitChange] = (await changes(app, 'ep-1', '?kind=split')).body.changes
    const refused = await revert(app, host.token, splitChange.id)
    expect(refused.status).toBe(409)
    expect((await sentences(app, 'ep-1')).map((s) => s.text)).toEqual([
      'First',
      'sentences, here.',
      'Second sentence.',
      'Third one.',
    ])
  })
})

describe('who may revert, and the history filters', () => {
  it('answers 401, 403 for a listener, 404 for an unknown change, 400 for a bad body', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const listener = await makeUser(app)
    await replaceOkin(app, host.token, await withFiveOkins(app))
    const [change] = (await changes(app, 'okin')).body.changes
    expect((await revert(app, undefined, change.id)).status).toBe(401)
    const forbidden = await revert(app, listener.token, change.id)
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.error).toBe('Only hosts can do that.')
    // A host of another show only: 403, by the per-show rule.
    const elsewhere = await makeUser(app, 'host')
    app.sqlite.prepare(`DELETE FROM ShowHost WHERE userId = ?`).run(elsewhere.caller.id)
    const notHere = await revert(app, elsewhere.token, change.id)
    expect(notHere.status).toBe(403)
    expect(notHere.body.error).toBe('You are not a host of this show.')
    expect((await revert(app, host.token, 999_999)).status).toBe(404)
    expect((await revert(app, host.token, 'abc')).status).toBe(404)
    const badBody = await revertChangeHandler(
      app,
      apiRequest('POST', '/x', { token: host.token, body: { reason: 42 } }),
      String(change.id),
    )
    expect(badBody.status).toBe(400)
    // Nothing reverted by any of them.
    expect((await sentences(app, 'okin')).filter((s) => s.text.includes('Okken'))).toHaveLength(5)
  })

  it('filters changes by sentence, author and kind, and refuses a bad filter with 400', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const other = await makeUser(app, 'host')
    const slug = await withFiveOkins(app)
    await replaceOkin(app, host.token, slug)
    const rows = await sentences(app, slug)
    const quiet = rows.find((s) => s.text.startsWith('Nobody'))!
    await editSentenceHandler(
      app,
      apiRequest('PATCH', '/x', {
        token: other.token,
        body: { text: 'Nobody else came today.', version: 1 },
      }),
      String(quiet.id),
    )
    const kinds = async (query: string) =>
      (await changes(app, slug, query)).body.changes.map((c: { kind: string }) => c.kind)
    expect(await kinds('')).toEqual(['edit', 'replace'])
    expect(await kinds('?kind=replace')).toEqual(['replace'])
    expect(await kinds(`?author=${other.caller.id}`)).toEqual(['edit'])
    expect(await kinds(`?sentence=${quiet.id}`)).toEqual(['edit'])
    expect(await kinds(`?sentence=${rows[0]!.id}&kind=`)).toEqual(['replace'])
    expect((await changes(app, slug, '?kind=delete')).status).toBe(400)
    expect((await changes(app, slug, '?sentence=-1')).status).toBe(400)
    expect((await changes(app, slug, '?colour=red')).status).toBe(400)
    expect((await changes(app, 'no-such-episode')).status).toBe(404)
  })
})
