// The import conflict page's operations (issue 13 item 2, docs/decisions/0011): a host sees the
// sentences a re-import left with their version and answers each: keep theirs, or take the new
// text (an `import` revision authored by the host). Either closes the conflict; the same file
// re-imported afterwards asks nothing again. Hosts of the episode's show and admins only.
import { describe, expect, it } from 'vitest'
import type { Caller } from '../../lib/auth/caller'
import { inWriteTransaction } from '../../lib/db/write-transaction'
import { importTranscript } from '../../lib/import/import-transcript'
import { episodeImportConflicts, resolveImportConflict } from '../../lib/import/conflict-operations'
import { buildEpisode, buildSentences, buildShow, writeEpisode } from '../../lib/seed/factories'
import { changeSentence } from '../../lib/sentences/edit'
import { freshApp, makeUser, type TestApp } from '../support/app-database'

const HOST_TEXT = 'First sentence, as the host heard it.'
const FILE_TEXT = 'First sentence, fixed.'

function as(app: TestApp, caller: Caller | null) {
  return { db: app.db, sqlite: app.sqlite, policy: app.policy, caller, ip: '203.0.113.7' }
}

/**
 * The episode's file as freshApp wrote it (speaker Ana, its cue times), with `texts`: only the
 * text differs, so the re-import touches nothing of the host's sentence but the conflicted text.
 */
function vtt(texts: string[]): string {
  const times = [
    '00:00:00.000 --> 00:00:01.000',
    '00:00:01.000 --> 00:00:02.000',
    '00:00:02.000 --> 00:00:04.000',
  ]
  return `WEBVTT\n\n${texts.map((text, index) => `${times[index]}\n<v Ana>${text}\n`).join('\n')}`
}

const NEW_FILE = { name: 'ep-1-corrected.vtt', content: vtt([FILE_TEXT, 'Second sentence.', 'Third one.']) }

function reimport(app: TestApp) {
  return importTranscript(app.sqlite, NEW_FILE, { episodeSlug: 'ep-1', showSlug: 'show', replace: true })
}

/** A host corrects the first sentence, then a re-import brings other text for it: one open conflict. */
async function conflicted() {
  const app = await freshApp()
  const host = await makeUser(app, 'host')
  const sentenceId = app.sentenceIds[0]!
  const edited = await inWriteTransaction(app.sqlite, () =>
    changeSentence(
      app.sqlite,
      sentenceId,
      { text: HOST_TEXT, version: 1 },
      { authorId: host.caller.id, kind: 'edit' },
      new Date(),
    ),
  )
  expect(edited.ok).toBe(true)
  expect(reimport(app).reimport?.conflicts).toHaveLength(1)
  const listed = await episodeImportConflicts(as(app, host.caller), { slug: 'ep-1' })
  if (!listed.ok) throw new Error(JSON.stringify(listed.failure))
  return { app, host, sentenceId, conflict: listed.value.conflicts[0]! }
}

/** A new show `<name>-show` with one episode `<name>-ep` of one sentence. */
function showWithEpisode(app: TestApp, name: string, text: string): void {
  const show = buildShow({ slug: `${name}-show`, title: `Show ${name}` })
  const sentences = buildSentences([text])
  writeEpisode(
    app.sqlite,
    buildEpisode({ show, slug: `${name}-ep`, title: `Episode ${name}`, transcript: { sentences } }),
  )
}

async function sentenceText(app: TestApp, id: number): Promise<string> {
  return (await app.db.sentence.findUniqueOrThrow({ where: { id } })).text
}

async function openConflicts(app: TestApp, caller: Caller) {
  const listed = await episodeImportConflicts(as(app, caller), { slug: 'ep-1' })
  if (!listed.ok) throw new Error(JSON.stringify(listed.failure))
  return listed.value
}

describe('import conflicts', () => {
  it('lists what the last import wrote, the host’s version and the new text', async () => {
    const { app, sentenceId, conflict } = await conflicted()
    expect(conflict).toMatchObject({
      sentenceId,
      position: 0,
      currentText: HOST_TEXT,
      source: 'ep-1-corrected.vtt',
      fields: ['text'],
      oldText: 'First sentence.',
      hostText: HOST_TEXT,
      newText: FILE_TEXT,
    })
    expect(await sentenceText(app, sentenceId)).toBe(HOST_TEXT)
  })

  it('“keep mine” closes the conflict without a revision, and the same file does not ask again', async () => {
    const { app, host, sentenceId, conflict } = await conflicted()
    const revisionsBefore = await app.db.revision.count()
    const kept = await resolveImportConflict(as(app, host.caller), {
      conflictId: String(conflict.id),
      body: { resolution: 'kept' },
    })
    expect(kept).toEqual({ ok: true, value: { resolution: 'kept', sentenceId, revisionId: null } })
    expect(await app.db.revision.count()).toBe(revisionsBefore)
    expect(await app.db.importConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      resolution: 'kept',
      resolvedAt: expect.any(Date),
    })
    expect((await openConflicts(app, host.caller)).open).toBe(0)
    expect(await sentenceText(app, sentenceId)).toBe(HOST_TEXT)

    reimport(app)
    expect((await openConflicts(app, host.caller)).open).toBe(0)
    expect(await sentenceText(app, sentenceId)).toBe(HOST_TEXT)
    // Answered once: a second answer is refused.
    expect(
      await resolveImportConflict(as(app, host.caller), {
        conflictId: conflict.id,
        body: { resolution: 'took-new' },
      }),
    ).toEqual({
      ok: false,
      failure: { error: 'unprocessable', message: 'That conflict was already resolved.' },
    })
  })

  it('“take the new text” writes an import revision by the host; a later re-import keeps it quietly', async () => {
    const { app, host, sentenceId, conflict } = await conflicted()
    const taken = await resolveImportConflict(as(app, host.caller), {
      conflictId: conflict.id,
      body: { resolution: 'took-new' },
    })
    if (!taken.ok) throw new Error(JSON.stringify(taken.failure))
    expect(taken.value.revisionId).not.toBeNull()
    expect(await sentenceText(app, sentenceId)).toBe(FILE_TEXT)
    const revision = await app.db.revision.findUniqueOrThrow({ where: { id: taken.value.revisionId! } })
    expect(revision).toMatchObject({
      sentenceId,
      kind: 'import',
      authorId: host.caller.id,
      beforeText: HOST_TEXT,
      afterText: FILE_TEXT,
      reason: 'Took the new text of ep-1-corrected.vtt',
    })
    expect(await app.db.importConflict.findUniqueOrThrow({ where: { id: conflict.id } })).toMatchObject({
      resolution: 'took-new',
    })

    // The sentence is the file's again: re-importing the same file changes nothing and asks nothing.
    const again = reimport(app)
    expect(again.reimport?.conflicts).toEqual([])
    expect((await openConflicts(app, host.caller)).open).toBe(0)
    expect(await sentenceText(app, sentenceId)).toBe(FILE_TEXT)
  })

  it('is for hosts of the episode’s show and admins; input is checked', async () => {
    const { app, conflict } = await conflicted()
    const listener = await makeUser(app)
    const admin = await makeUser(app, 'admin')
    showWithEpisode(app, 'other', 'Elsewhere entirely.')
    const otherHost = await makeUser(app, 'host')
    // A show made after that host was granted the others: they host no episode of it.
    showWithEpisode(app, 'third', 'Somewhere else.')
    const thirdEpisode = await app.db.episode.findUniqueOrThrow({
      where: { slug: 'third-ep' },
      include: { sentences: true },
    })
    const foreign = await app.db.importConflict.create({
      data: {
        episodeId: thirdEpisode.id,
        sentenceId: thirdEpisode.sentences[0]!.id,
        source: 'x.vtt',
        fields: 'text',
        oldText: 'Somewhere.',
        hostText: 'Somewhere else.',
        newText: 'Somewhere new.',
      },
    })
    const take = { resolution: 'took-new' }

    expect(await episodeImportConflicts(as(app, null), { slug: 'ep-1' })).toEqual({
      ok: false,
      failure: { error: 'unauthenticated' },
    })
    expect(await episodeImportConflicts(as(app, listener.caller), { slug: 'ep-1' })).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await episodeImportConflicts(as(app, otherHost.caller), { slug: 'third-ep' })).toMatchObject({
      ok: false,
      failure: { error: 'forbidden', message: 'You are not a host of this show.' },
    })
    expect(
      await resolveImportConflict(as(app, otherHost.caller), { conflictId: foreign.id, body: take }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(
      await resolveImportConflict(as(app, listener.caller), { conflictId: conflict.id, body: take }),
    ).toMatchObject({
      ok: false,
      failure: { error: 'forbidden' },
    })
    expect(await episodeImportConflicts(as(app, admin.caller), { slug: 'nope' })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'episode' },
    })
    expect(await resolveImportConflict(as(app, admin.caller), { conflictId: 'abc', body: take })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'import conflict' },
    })
    expect(await resolveImportConflict(as(app, admin.caller), { conflictId: 999_999, body: take })).toEqual({
      ok: false,
      failure: { error: 'not-found', what: 'import conflict' },
    })
    expect(
      await resolveImportConflict(as(app, admin.caller), {
        conflictId: conflict.id,
        body: { resolution: 'both' },
      }),
    ).toMatchObject({ ok: false, failure: { error: 'invalid' } })
    // Nothing changed by the refusals; an admin may answer on any show.
    expect(await sentenceText(app, thirdEpisode.sentences[0]!.id)).toBe('Somewhere else.')
    expect(
      await resolveImportConflict(as(app, admin.caller), { conflictId: foreign.id, body: take }),
    ).toMatchObject({
      ok: true,
      value: { resolution: 'took-new' },
    })
    expect(await sentenceText(app, thirdEpisode.sentences[0]!.id)).toBe('Somewhere new.')
  })

  it('refuses to take an empty new text (the file dropped the sentence): merging removes it', async () => {
    const { app, host, conflict } = await conflicted()
    await app.db.importConflict.update({ where: { id: conflict.id }, data: { newText: '' } })
    expect(
      await resolveImportConflict(as(app, host.caller), {
        conflictId: conflict.id,
        body: { resolution: 'took-new' },
      }),
    ).toMatchObject({ ok: false, failure: { error: 'unprocessable' } })
    expect((await openConflicts(app, host.caller)).open).toBe(1)
  })
})
