// A re-import that keeps a host's text but takes another field from the file (the speaker,
// when the new file has no `<v Ana>`) must not end the host's claim on the text: re-importing the
// same file again keeps the host's sentence (docs/decisions/0011-reimport-keeps-host-work.md).
// Before, the partial `import` revision counted as "the sentence matches the file again", the
// next re-import aligned on the host's text, and the host's sentence was deleted.
import { describe, expect, it } from 'vitest'
import { inWriteTransaction } from '../../lib/db/write-transaction'
import { importTranscript } from '../../lib/import/import-transcript'
import { changeSentence } from '../../lib/sentences/edit'
import { freshApp, makeUser, type TestApp } from '../support/app-database'

const HOST_TEXT = 'First sentence, as the host heard it.'
const FILE_TEXT = 'First sentence, fixed.'

/** The episode's file without speakers, with another first line. */
const NO_SPEAKER_FILE = {
  name: 'ep-1-no-speaker.vtt',
  content:
    'WEBVTT\n\n' +
    `00:00:00.000 --> 00:00:01.000\n${FILE_TEXT}\n\n` +
    '00:00:01.000 --> 00:00:02.000\nSecond sentence.\n\n' +
    '00:00:02.000 --> 00:00:04.000\nThird one.\n',
}

function reimport(app: TestApp) {
  return importTranscript(app.sqlite, NO_SPEAKER_FILE, {
    episodeSlug: 'ep-1',
    showSlug: 'show',
    replace: true,
  })
}

async function sentencesOf(app: TestApp) {
  return app.db.sentence.findMany({
    where: { episodeId: app.episode.id },
    orderBy: { position: 'asc' },
    select: { id: true, text: true, speaker: true },
  })
}

describe('a re-import that keeps the host text but changes its speaker', () => {
  it('keeps the host sentence on every later re-import of the same file, with one open conflict', async () => {
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

    const first = reimport(app)
    expect(first.reimport?.conflicts).toEqual([
      expect.objectContaining({ sentenceId, fields: ['text'], hostText: HOST_TEXT, newText: FILE_TEXT }),
    ])
    // The file's speaker is taken (the host never touched it); the host's text is kept.
    expect((await sentencesOf(app))[0]).toEqual({ id: sentenceId, text: HOST_TEXT, speaker: null })

    for (let round = 0; round < 2; round++) {
      const again = reimport(app)
      expect(again.reimport).toMatchObject({ removed: 0, added: 0 })
      const after = await sentencesOf(app)
      expect(after.map((s) => s.text)).toEqual([HOST_TEXT, 'Second sentence.', 'Third one.'])
      expect(after[0]!.id).toBe(sentenceId)
    }
    const conflicts = await app.db.importConflict.findMany({ where: { sentenceId, resolvedAt: null } })
    expect(conflicts).toHaveLength(1)
  })

  it('keeps a sentence whose speaker a host changed when the file drops it, and reports it', async () => {
    const app = await freshApp()
    const host = await makeUser(app, 'host')
    const third = app.sentenceIds[2]!
    const edited = await inWriteTransaction(app.sqlite, () =>
      changeSentence(
        app.sqlite,
        third,
        { speaker: 'Bo', version: 1 },
        { authorId: host.caller.id, kind: 'edit' },
        new Date(),
      ),
    )
    expect(edited.ok).toBe(true)
    const dropped = {
      name: 'ep-1-two.vtt',
      content:
        'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Ana>First sentence.\n\n' +
        '00:00:01.000 --> 00:00:02.000\n<v Ana>Second sentence.\n',
    }
    const summary = importTranscript(app.sqlite, dropped, {
      episodeSlug: 'ep-1',
      showSlug: 'show',
      replace: true,
    })
    expect(summary.reimport).toMatchObject({ removed: 0 })
    expect(summary.reimport?.conflicts).toEqual([
      expect.objectContaining({ sentenceId: third, fields: ['text'], newText: '' }),
    ])
    expect((await sentencesOf(app)).map((s) => [s.text, s.speaker])).toEqual([
      ['First sentence.', 'Ana'],
      ['Second sentence.', 'Ana'],
      ['Third one.', 'Bo'],
    ])
  })
})
