// The structural writes of the sentence module straight over a raw connection, as import and
// the correction operations call them: the search index follows through its triggers, and a
// failure inside a write transaction leaves nothing behind.
import { describe, expect, it } from 'vitest'
import { freshDatabase } from '../../tests/support/database'
import type { SqliteDatabase } from '@/lib/db/sqlite'
import { replaceTexts } from './episode-edits'
import { changeSentence } from './edit'
import { mergeWithNext, splitSentence } from './split-merge'
import { inWriteTransaction } from '../db/write-transaction'

const NOW = new Date('2026-11-01T10:00:00.000Z')

function episodeWith(db: SqliteDatabase, texts: string[]): number[] {
  db.prepare(`INSERT INTO User (id, name, email, updatedAt) VALUES ('host', 'Host', 'h@x.test', ?)`).run(
    NOW.toISOString(),
  )
  db.prepare(`INSERT INTO Show (id, slug, title) VALUES (1, 'show', 'Show')`).run()
  db.prepare(`INSERT INTO Episode (id, showId, slug, title) VALUES (1, 1, 'ep', 'Ep')`).run()
  db.prepare(`INSERT INTO Segment (id, episodeId, position, startMs) VALUES (1, 1, 0, 0)`).run()
  const insert = db.prepare(
    `INSERT INTO Sentence (episodeId, segmentId, position, startMs, text) VALUES (1, 1, ?, ?, ?)`,
  )
  return texts.map((text, position) => Number(insert.run(position, position * 1000, text).lastInsertRowid))
}

function matches(db: SqliteDatabase, expression: string): number[] {
  const rows = db
    .prepare(`SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH ? ORDER BY rowid`)
    .all(expression) as { rowid: number }[]
  return rows.map((row) => row.rowid)
}

describe('structural writes of the sentence module', () => {
  it('keep the search index in step through a split and a merge', async () => {
    const db = freshDatabase()
    const [id] = episodeWith(db, ['Snapshots are hourly. Generations start after a checkpoint.']) as [number]
    const split = await inWriteTransaction(db, () =>
      splitSentence(db, id, { at: 22, version: 1 }, 'host', NOW),
    )
    if (!split.ok) throw new Error(split.failure.error)
    expect(matches(db, '"snapshots"')).toEqual([id])
    expect(matches(db, '"generations"')).toEqual([split.value.second.id])
    const merged = await inWriteTransaction(db, () => mergeWithNext(db, id, 2, 'host', NOW))
    expect(merged).toMatchObject({ ok: true, value: { sentence: { version: 3 } } })
    expect(matches(db, '"generations"')).toEqual([id])
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)
  })

  it('roll a failed change back whole: nothing reaches the table, the index or the history', async () => {
    const db = freshDatabase()
    const [fresh, stale] = episodeWith(db, ['Terso runs SQLite.', 'Terso is hosted.']) as [number, number]
    const changes = [
      { sentenceId: fresh, version: 1, after: 'Turso runs SQLite.' },
      { sentenceId: stale, version: 7, after: 'Turso is hosted.' },
    ]
    const result = await inWriteTransaction(db, () =>
      replaceTexts(db, changes, { authorId: 'host', kind: 'replace' }, NOW),
    )
    expect(result).toMatchObject({ ok: false, failure: { error: 'conflict' } })
    expect(matches(db, '"turso"')).toEqual([])
    expect(matches(db, '"terso"')).toEqual([fresh, stale])
    expect(db.prepare(`SELECT count(*) AS n FROM Revision`).get()).toEqual({ n: 0 })
  })

  it('refuse to change a sentence outside a write transaction', () => {
    const db = freshDatabase()
    const [id] = episodeWith(db, ['Alone.']) as [number]
    expect(() =>
      changeSentence(db, id, { text: 'Changed.', version: 1 }, { authorId: 'host', kind: 'edit' }, NOW),
    ).toThrow(/inside inWriteTransaction/)
  })
})
