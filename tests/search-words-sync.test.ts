// Replays every migration and proves the surface vocabulary (typo correction, prefixes over
// words) and passages follow the sentences through import, re-import, edit, split, merge and
// delete, as tests/fts-sync.test.ts proves for the sentence index.
import { describe, expect, it } from 'vitest'
import { freshConnection } from './support/database'
import type { SqliteDatabase } from '../lib/db/sqlite'
import { inWriteTransaction } from '../lib/db/write-transaction'
import { importTranscript } from '../lib/import/import-transcript'
import { changeSentence } from '../lib/sentences/edit'
import { mergeWithNext, splitSentence } from '../lib/sentences/split-merge'
import { searchTranscripts } from '../lib/search/search'
import { nearestWords, wordFrequency, wordsWithPrefix } from '../lib/search/vocabulary'

const NOW = new Date('2026-11-01T10:00:00.000Z')

function vtt(lines: string[]): string {
  const cue = (text: string, i: number) =>
    `00:00:${String(i * 5).padStart(2, '0')}.000 --> 00:00:${String(i * 5 + 5).padStart(2, '0')}.000\n${text}\n`
  return `WEBVTT\n\n${lines.map(cue).join('\n')}`
}

function imported(db: SqliteDatabase, lines: string[], replace = false) {
  importTranscript(db, { name: 'ep.vtt', content: vtt(lines) }, { showSlug: 'show', replace, now: () => NOW })
  return (db.prepare(`SELECT id FROM Sentence ORDER BY position`).all() as { id: number }[]).map(
    (row) => row.id,
  )
}

function vocabulary(db: SqliteDatabase): Record<string, number> {
  const rows = db.prepare(`SELECT term, doc FROM SentenceWordsVocab`).all() as { term: string; doc: number }[]
  return Object.fromEntries(rows.map((row) => [row.term, row.doc]))
}

function hostUser(db: SqliteDatabase) {
  db.prepare(`INSERT INTO User (id, name, email, updatedAt) VALUES ('host', 'Host', 'h@x.test', ?)`).run(
    NOW.toISOString(),
  )
}

describe('the surface vocabulary after all migrations', () => {
  it('has the word index, its vocabulary, the version row and three triggers', async () => {
    const db = await freshConnection()
    const names = (db.prepare(`SELECT name FROM sqlite_master`).all() as { name: string }[]).map(
      (r) => r.name,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'SentenceWords',
        'SentenceWordsVocab',
        'SearchVocabularyVersion',
        'Sentence_words_insert',
        'Sentence_words_update',
        'Sentence_words_delete',
      ]),
    )
  })

  it('holds surface words, folded and unstemmed, counted by sentence', async () => {
    const db = await freshConnection()
    imported(db, ['Replicas are replicated to the Café.', 'The replicas lag.'])
    expect(vocabulary(db)).toMatchObject({ replicas: 2, replicated: 1, cafe: 1, the: 2 })
    expect(vocabulary(db)).not.toHaveProperty('replic')
  })

  it('follows an edit: the new word is a correction target, the old one is gone', async () => {
    const db = await freshConnection()
    hostUser(db)
    const [id] = imported(db, ['Terso runs databases at the edge.']) as [number]
    expect(wordFrequency(db, 'terso')).toBe(1)
    await inWriteTransaction(db, () =>
      changeSentence(
        db,
        id,
        { text: 'Litestream runs databases at the edge.', version: 1 },
        { authorId: 'host', kind: 'edit' },
        NOW,
      ),
    )
    expect(wordFrequency(db, 'terso')).toBe(0)
    expect(wordFrequency(db, 'litestream')).toBe(1)
    expect(nearestWords(db, 'litestraem').map((c) => c.word)).toEqual(['litestream'])
    expect(wordsWithPrefix(db, 'lites', 5)).toEqual(['litestream'])
  })

  it('follows a split and a merge, and passages follow the new sentence boundaries', async () => {
    const db = await freshConnection()
    hostUser(db)
    const [id] = imported(db, ['Snapshots are hourly and generations start after a checkpoint.']) as [number]
    const split = await inWriteTransaction(db, () =>
      splitSentence(db, id, { at: 22, version: 1 }, 'host', NOW),
    )
    if (!split.ok) throw new Error(split.failure.error)
    const passage = searchTranscripts(db, { q: 'snapshots generations' })
    expect(passage.ok && passage.hits.map((hit) => [hit.sentence.id, hit.passage?.sentences.length])).toEqual(
      [[id, 2]],
    )
    await inWriteTransaction(db, () => mergeWithNext(db, id, 2, 'host', NOW))
    const whole = searchTranscripts(db, { q: 'snapshots generations' })
    expect(whole.ok && whole.hits.map((hit) => [hit.sentence.id, hit.passage])).toEqual([[id, undefined]])
    expect(vocabulary(db)).toMatchObject({ snapshots: 1, generations: 1 })
    db.exec(`INSERT INTO SentenceWords(SentenceWords) VALUES ('integrity-check')`)
  })

  it('follows a re-import and a cascading delete', async () => {
    const db = await freshConnection()
    imported(db, ['Pyodide runs Python in the browser.'])
    imported(db, ['Pyscript runs Python in the browser.'], true)
    expect(wordFrequency(db, 'pyodide')).toBe(0)
    expect(wordFrequency(db, 'pyscript')).toBe(1)
    db.prepare(`DELETE FROM Episode`).run()
    expect(vocabulary(db)).toEqual({})
    expect(wordFrequency(db, 'pyscript')).toBe(0)
    db.exec(`INSERT INTO SentenceWords(SentenceWords) VALUES ('integrity-check')`)
  })
})
