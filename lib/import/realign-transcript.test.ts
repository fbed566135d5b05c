// import --replace aligns the corrected file with the stored transcript: matched sentences
// keep their ids (and comments), removed sentences hand their comments to the best match.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { importTranscript } from './import-transcript'

const BEFORE = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Michael>Welcome to Python Bytes. I am here with Brian Auken.

00:00:04.000 --> 00:00:08.000
<v Brian>We use lightstream for backups. This sentence was a mishearing of the host.

00:00:08.000 --> 00:00:12.000
<v Michael>Terso is a hosted SQLite. Thanks for listening.
`

const AFTER = `WEBVTT

00:00:00.000 --> 00:00:04.000
<v Michael>Welcome to Python Bytes. I am here with Brian Okken.

00:00:04.000 --> 00:00:08.000
<v Brian>We use Litestream for backups. A brand new sentence appears here.

00:00:08.000 --> 00:00:12.000
<v Michael>Turso is a hosted SQLite. Thanks for listening.
`

function sentences(db: SqliteDatabase) {
  return db.prepare(`SELECT id, text, version FROM Sentence ORDER BY position`).all() as {
    id: number
    text: string
    version: number
  }[]
}

function addComment(db: SqliteDatabase, sentence: { id: number; text: string }): number {
  return Number(
    db
      .prepare(
        `INSERT INTO Comment (episodeId, sentenceId, authorId, quote, body) VALUES ((SELECT episodeId FROM Sentence WHERE id = ?), ?, 'u1', ?, 'hi')`,
      )
      .run(sentence.id, sentence.id, sentence.text).lastInsertRowid,
  )
}

describe('re-importing a corrected transcript with --replace', () => {
  it('keeps ids of matched sentences, and no comment is dropped', () => {
    const db = freshDatabase()
    db.prepare(
      `INSERT INTO User (id, name, email, updatedAt) VALUES ('u1', 'Nora', 'n@example.test', CURRENT_TIMESTAMP)`,
    ).run()
    importTranscript(db, { name: 'ep-441.vtt', content: BEFORE })
    const old = sentences(db)
    expect(old.map((s) => s.text)).toContain('This sentence was a mishearing of the host.')
    const comments = old.map((sentence) => addComment(db, sentence))

    const summary = importTranscript(db, { name: 'ep-441.vtt', content: AFTER }, { replace: true })
    expect(summary.replaced).toBe(true)
    const now = sentences(db)
    expect(now.map((s) => s.text)).toEqual([
      'Welcome to Python Bytes.',
      'I am here with Brian Okken.',
      'We use Litestream for backups.',
      'A brand new sentence appears here.',
      'Turso is a hosted SQLite.',
      'Thanks for listening.',
    ])
    // Everything but the removed sentence kept its id; changed ones got a new version.
    expect(now.map((s) => s.id)).toEqual([
      old[0]!.id,
      old[1]!.id,
      old[2]!.id,
      now[3]!.id,
      old[4]!.id,
      old[5]!.id,
    ])
    expect(now[3]!.id).toBeGreaterThan(Math.max(...old.map((s) => s.id)))
    expect(now.map((s) => s.version)).toEqual([1, 2, 2, 1, 2, 1])

    const anchored = db.prepare(`SELECT id, sentenceId FROM Comment ORDER BY id`).all() as {
      id: number
      sentenceId: number | null
    }[]
    expect(anchored.map((c) => c.id)).toEqual(comments)
    expect(anchored.every((c) => c.sentenceId !== null)).toBe(true)
    // The removed sentence's comment went to the sentence sharing most of its words.
    expect(anchored[3]!.sentenceId).toBe(now[3]!.id)
    expect(db.prepare(`SELECT count(*) AS n FROM Segment`).get()).toEqual({ n: 3 })
    expect(db.prepare(`SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH 'lightstream'`).all()).toEqual(
      [],
    )
    expect(db.prepare(`SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH 'litestream'`).all()).toEqual([
      { rowid: old[2]!.id },
    ])
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)
  })
})
