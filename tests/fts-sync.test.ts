// Replays every migration (global setup runs the real `prisma migrate deploy` on an empty
// file) and proves the FTS5 index follows inserts, updates and deletes of sentences.
import { describe, expect, it } from 'vitest'
import { freshConnection } from './support/database'
import type { SqliteDatabase } from '../lib/db/sqlite'
import { buildEpisode, buildSentences, writeEpisode } from '../lib/seed/factories'

// One episode holding the given sentences (no speaker), written as an import writes them; their ids in order.
function seedSentences(db: SqliteDatabase, texts: string[]): number[] {
  writeEpisode(db, buildEpisode({ transcript: { sentences: buildSentences(texts, { speaker: null }) } }))
  const rows = db.prepare(`SELECT id FROM Sentence ORDER BY position`).all() as { id: number }[]
  return rows.map((row) => row.id)
}

function matches(db: SqliteDatabase, expression: string): number[] {
  return (
    db.prepare(`SELECT rowid FROM SentenceFts WHERE SentenceFts MATCH ? ORDER BY rowid`).all(expression) as {
      rowid: number
    }[]
  ).map((row) => row.rowid)
}

describe('the sentence search index after all migrations', () => {
  it('has the tables, the FTS5 table and its three triggers', async () => {
    const db = await freshConnection()
    const names = (db.prepare(`SELECT name FROM sqlite_master`).all() as { name: string }[]).map(
      (row) => row.name,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'Show',
        'Episode',
        'Segment',
        'Sentence',
        'SentenceFts',
        'Sentence_fts_insert',
        'Sentence_fts_update',
        'Sentence_fts_delete',
      ]),
    )
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('finds a sentence as soon as it is inserted, with stemming and folded diacritics', async () => {
    const db = await freshConnection()
    const [id] = seedSentences(db, ['We replicate the café database to a bucket.'])
    expect(matches(db, '"replication"')).toEqual([id])
    expect(matches(db, '"cafe"')).toEqual([id])
    expect(matches(db, '"postgres"')).toEqual([])
  })

  it('follows an edit of the text: the new word is found and the old one is not', async () => {
    const db = await freshConnection()
    const [id] = seedSentences(db, ['Terso runs SQLite at the edge.'])
    db.prepare(`UPDATE Sentence SET text = ?, version = version + 1 WHERE id = ?`).run(
      'Turso runs SQLite at the edge.',
      id,
    )
    expect(matches(db, '"turso"')).toEqual([id])
    expect(matches(db, '"terso"')).toEqual([])
    expect((db.prepare(`SELECT count(*) AS n FROM SentenceFts`).get() as { n: number }).n).toBe(1)
  })

  it('leaves the index alone when only the speaker or time changes', async () => {
    const db = await freshConnection()
    const [id] = seedSentences(db, ['Snapshots are taken every hour.'])
    db.prepare(`UPDATE Sentence SET speaker = 'Ana', startMs = 5000 WHERE id = ?`).run(id)
    expect(matches(db, '"snapshots"')).toEqual([id])
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)
  })

  it('forgets a deleted sentence, including through the cascade from its episode', async () => {
    const db = await freshConnection()
    const [kept, removed] = seedSentences(db, [
      'Generations start after a checkpoint.',
      'Generations end when history breaks.',
    ])
    db.prepare(`DELETE FROM Sentence WHERE id = ?`).run(removed)
    expect(matches(db, '"generations"')).toEqual([kept])
    db.prepare(`DELETE FROM Episode WHERE id = 1`).run()
    expect(matches(db, '"generations"')).toEqual([])
    db.exec(`INSERT INTO SentenceFts(SentenceFts) VALUES ('integrity-check')`)
  })
})
