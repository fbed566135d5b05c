// Issue 13 item 2: a re-import never silently undoes a host's work. The reported case: a host
// merges two sentences, then `import --replace` of a corrected file. The merge is kept and the
// conflict reported, the re-import writes revisions, and every comment sits on the sentence
// its quote matches. Also: edits, speaker renames and splits survive a re-import.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { inWriteTransaction } from '@/lib/db/write-transaction'
import { changeSentence } from '@/lib/sentences/edit'
import { renameSpeaker } from '@/lib/sentences/episode-edits'
import { IMPORT_AUTHOR_ID } from '@/lib/sentences/import-revisions'
import { quoteShare } from '@/lib/sentences/re-anchor'
import { mergeWithNext, splitSentence } from '@/lib/sentences/split-merge'
import { importTranscript } from './import-transcript'

const NOW = new Date('2026-11-20T10:00:00.000Z')

function vtt(lines: Array<[string, string]>): string {
  return (
    'WEBVTT\n\n' +
    lines
      .map(([speaker, text], index) => {
        const start = `00:00:${String(index * 5).padStart(2, '0')}.000`
        const end = `00:00:${String(index * 5 + 5).padStart(2, '0')}.000`
        return `${start} --> ${end}\n<v ${speaker}>${text}\n`
      })
      .join('\n')
  )
}

const ORIGINAL = vtt([
  ['Marina', 'Welcome to the harbour show.'],
  ['Tom', 'The tide is going out now.'],
  ['Tom', 'You can see the mud flats appear.'],
  ['Marina', 'Listen to the gulls over the water.'],
  ['Marina', 'See you next fortnight.'],
])

// The corrected file: a fix in the first sentence, in the third (which the host merged into the
// second) and in the last.
const CORRECTED = vtt([
  ['Marina', 'Welcome to the Harbour Hour.'],
  ['Tom', 'The tide is going out now.'],
  ['Tom', 'You can see the mudflats appear.'],
  ['Marina', 'Listen to the gulls over the water.'],
  ['Marina', 'See you in a fortnight.'],
])

interface Row {
  id: number
  text: string
  speaker: string | null
  version: number
}

function sentences(db: SqliteDatabase): Row[] {
  return db.prepare(`SELECT id, text, speaker, version FROM Sentence ORDER BY position`).all() as Row[]
}

function setup(): SqliteDatabase {
  const db = freshDatabase()
  db.prepare(`INSERT INTO User (id, name, email, updatedAt) VALUES ('host', 'Host', 'h@x.test', ?)`).run(
    NOW.toISOString(),
  )
  importTranscript(db, { name: 'harbour.vtt', content: ORIGINAL }, { now: () => NOW })
  return db
}

function comment(db: SqliteDatabase, sentence: Row, quote = sentence.text): number {
  return Number(
    db
      .prepare(
        `INSERT INTO Comment (episodeId, sentenceId, authorId, quote, body) VALUES ((SELECT episodeId FROM Sentence WHERE id = ?), ?, 'host', ?, 'note')`,
      )
      .run(sentence.id, sentence.id, quote).lastInsertRowid,
  )
}

/** Every comment is on a sentence holding at least as much of its quote as any other sentence. */
function expectCommentsOnTheirQuotes(db: SqliteDatabase): void {
  const all = sentences(db)
  const comments = db.prepare(`SELECT id, sentenceId, quote FROM Comment`).all() as {
    id: number
    sentenceId: number | null
    quote: string
  }[]
  expect(comments.length).toBeGreaterThan(0)
  for (const c of comments) {
    const on = all.find((s) => s.id === c.sentenceId)
    expect(on, `comment ${c.id} lost its sentence`).toBeDefined()
    const best = Math.max(...all.map((s) => quoteShare(c.quote, s.text)))
    expect(quoteShare(c.quote, on!.text), `comment ${c.id} “${c.quote}” sits on “${on!.text}”`).toBe(best)
  }
}

async function host<T>(db: SqliteDatabase, write: () => import('@/lib/result').Result<T>): Promise<T> {
  const result = await inWriteTransaction(db, write)
  if (!result.ok) throw new Error(JSON.stringify(result.failure))
  return result.value
}

/** A host edits the sentence at `index`, then the corrected file is re-imported. */
async function editThenReimport(index: number, text: string) {
  const db = setup()
  const sentence = sentences(db)[index]!
  await host(db, () =>
    changeSentence(
      db,
      sentence.id,
      { text, version: sentence.version },
      { authorId: 'host', kind: 'edit' },
      NOW,
    ),
  )
  const summary = importTranscript(
    db,
    { name: 'harbour.vtt', content: CORRECTED },
    { replace: true, now: () => NOW },
  )
  return { db, summary }
}

describe('a re-import respects host work', () => {
  it('keeps a host merge, reports the conflict, writes revisions, and comments stay on their quotes', async () => {
    const db = setup()
    const before = sentences(db)
    // Comments on every sentence; two on the third one (the case).
    for (const s of before) comment(db, s)
    comment(db, before[2]!, 'the mud flats')
    await host(db, () => mergeWithNext(db, before[1]!.id, before[1]!.version, 'host', NOW))
    const merged = 'The tide is going out now. You can see the mud flats appear.'
    expect(sentences(db)[1]!.text).toBe(merged)

    const summary = importTranscript(
      db,
      { name: 'harbour.vtt', content: CORRECTED },
      { replace: true, now: () => NOW, source: 'harbour-corrected.vtt' },
    )

    const after = sentences(db)
    // The merge is kept: four sentences, the host's merged text, nothing inserted twice.
    expect(after.map((s) => s.text)).toEqual([
      'Welcome to the Harbour Hour.',
      merged,
      'Listen to the gulls over the water.',
      'See you in a fortnight.',
    ])
    expect(after.map((s) => s.id)).toEqual([before[0]!.id, before[1]!.id, before[3]!.id, before[4]!.id])
    // ...and reported, per sentence: what the last import wrote, the host's text, the new file's.
    expect(summary.reimport?.conflicts).toEqual([
      expect.objectContaining({
        sentenceId: before[1]!.id,
        fields: ['text'],
        oldText: merged,
        hostText: merged,
        newText: 'The tide is going out now. You can see the mudflats appear.',
        hostKinds: ['merge'],
      }),
    ])
    expect(db.prepare(`SELECT sentenceId, source, oldText, newText FROM ImportConflict`).all()).toEqual([
      {
        sentenceId: before[1]!.id,
        source: 'harbour-corrected.vtt',
        oldText: merged,
        newText: 'The tide is going out now. You can see the mudflats appear.',
      },
    ])
    // Revisions for the sentences the re-import changed, authored by the import, naming the file.
    const revisions = db
      .prepare(
        `SELECT sentenceId, authorId, kind, reason, beforeText, afterText FROM Revision WHERE kind = 'import' ORDER BY id`,
      )
      .all()
    expect(revisions).toEqual([
      {
        sentenceId: before[0]!.id,
        authorId: IMPORT_AUTHOR_ID,
        kind: 'import',
        reason: 'Re-imported from harbour-corrected.vtt',
        beforeText: 'Welcome to the harbour show.',
        afterText: 'Welcome to the Harbour Hour.',
      },
      expect.objectContaining({ sentenceId: before[4]!.id, afterText: 'See you in a fortnight.' }),
    ])
    expect(summary.reimport).toMatchObject({ changed: 2, added: 0, removed: 0, keptForHost: 1 })
    expectCommentsOnTheirQuotes(db)
    // The old third sentence's two comments are on the merged sentence, which holds their words.
    expect(db.prepare(`SELECT count(*) AS n FROM Comment WHERE sentenceId = ?`).get(before[1]!.id)).toEqual({
      n: 3,
    })
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)

    // The same file again: the host's work still stands; the open conflict is not stored twice.
    importTranscript(db, { name: 'harbour.vtt', content: CORRECTED }, { replace: true, now: () => NOW })
    expect(sentences(db).map((s) => s.text)).toEqual(after.map((s) => s.text))
    expect(db.prepare(`SELECT count(*) AS n FROM ImportConflict`).get()).toEqual({ n: 1 })
  })

  it('keeps a host edit without a conflict when the file did not change that sentence', async () => {
    const { db, summary } = await editThenReimport(3, 'Listen to the herring gulls over the water.')
    expect(sentences(db)[3]!.text).toBe('Listen to the herring gulls over the water.')
    expect(summary.reimport?.conflicts).toEqual([])
    expect(sentences(db)[0]!.text).toBe('Welcome to the Harbour Hour.')
  })

  it('reports a host edit the file changes too, and keeps the host text', async () => {
    const { db, summary } = await editThenReimport(4, 'See you next fortnight, sailors.')
    expect(sentences(db)[4]!.text).toBe('See you next fortnight, sailors.')
    expect(summary.reimport?.conflicts).toEqual([
      expect.objectContaining({
        oldText: 'See you next fortnight.',
        hostText: 'See you next fortnight, sailors.',
        newText: 'See you in a fortnight.',
        hostKinds: ['edit'],
      }),
    ])
  })

  it('keeps a speaker rename, also on the sentences the file still labels with the old name', async () => {
    const db = setup()
    const episodeId = (db.prepare(`SELECT id FROM Episode`).get() as { id: number }).id
    await host(db, () => renameSpeaker(db, episodeId, { from: 'Tom', to: 'Tom Lindqvist' }, 'host', NOW))
    const summary = importTranscript(
      db,
      { name: 'harbour.vtt', content: CORRECTED },
      { replace: true, now: () => NOW },
    )
    expect(sentences(db).map((s) => s.speaker)).toEqual([
      'Marina',
      'Tom Lindqvist',
      'Tom Lindqvist',
      'Marina',
      'Marina',
    ])
    // The text the host did not touch is the file's.
    expect(sentences(db)[2]!.text).toBe('You can see the mudflats appear.')
    expect(summary.reimport?.conflicts).toEqual([])
    expect(db.prepare(`SELECT DISTINCT speaker FROM Segment ORDER BY speaker`).all()).toEqual([
      { speaker: 'Marina' },
      { speaker: 'Tom Lindqvist' },
    ])
  })

  it('keeps a host split, with each half’s comments', async () => {
    const db = setup()
    const before = sentences(db)
    comment(db, before[3]!, 'the gulls')
    comment(db, before[3]!, 'over the water')
    await host(db, () =>
      splitSentence(db, before[3]!.id, { at: 'Listen to the gulls'.length, version: 1 }, 'host', NOW),
    )
    const summary = importTranscript(
      db,
      { name: 'harbour.vtt', content: CORRECTED },
      { replace: true, now: () => NOW },
    )
    expect(sentences(db).map((s) => s.text)).toEqual([
      'Welcome to the Harbour Hour.',
      'The tide is going out now.',
      'You can see the mudflats appear.',
      'Listen to the gulls',
      'over the water.',
      'See you in a fortnight.',
    ])
    expect(summary.reimport?.conflicts).toEqual([])
    expectCommentsOnTheirQuotes(db)
  })

  it('moves a comment to the half its quote is in when the file itself splits a sentence', () => {
    const db = setup()
    const before = sentences(db)
    comment(db, before[3]!, 'over the water')
    const split = vtt([
      ['Marina', 'Welcome to the harbour show.'],
      ['Tom', 'The tide is going out now.'],
      ['Tom', 'You can see the mud flats appear.'],
      ['Marina', 'Listen to the gulls.'],
      ['Marina', 'They fly over the water.'],
      ['Marina', 'See you next fortnight.'],
    ])
    importTranscript(db, { name: 'harbour.vtt', content: split }, { replace: true, now: () => NOW })
    expectCommentsOnTheirQuotes(db)
    const on = db.prepare(`SELECT s.text FROM Comment c JOIN Sentence s ON s.id = c.sentenceId`).get()
    expect(on).toEqual({ text: 'They fly over the water.' })
  })
})
